import { createHmac, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'

// Minimal HS256 JWTs (RFC 7519) over node:crypto: just what the sandbox's access tokens need.

export interface AccessClaims {
  /** User id. */
  sub: string
  /** Login session id: revoking the session revokes the token. */
  sid: string
  iat: number
  exp: number
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }))

const claimsSchema = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
})

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url')
}

function sign(input: string, secret: Buffer): Buffer {
  return createHmac('sha256', secret).update(input).digest()
}

export function signJwt(claims: AccessClaims, secret: Buffer): string {
  const body = `${HEADER}.${base64url(JSON.stringify(claims))}`
  return `${body}.${sign(body, secret).toString('base64url')}`
}

/** The claims of a well-formed, correctly signed, unexpired token; `null` for anything else. */
export function verifyJwt(token: string, secret: Buffer, nowSeconds: number): AccessClaims | null {
  const parts = token.split('.')
  if (parts.length !== 3) return null
  const [header, payload, signature] = parts as [string, string, string]
  // Only our exact header is accepted: no `alg: none`, no algorithm confusion.
  if (header !== HEADER) return null
  const expected = sign(`${header}.${payload}`, secret)
  const actual = Buffer.from(signature, 'base64url')
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return null
  let decoded: unknown
  try {
    decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return null
  }
  const claims = claimsSchema.safeParse(decoded)
  if (!claims.success || claims.data.exp <= nowSeconds) return null
  return claims.data
}
