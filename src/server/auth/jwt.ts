import { jwtVerify, SignJWT } from 'jose'
import { z } from 'zod'

// HS256 access tokens (RFC 7519) through `jose`, the algorithm pinned, each token accepted in one spelling only.

export interface AccessClaims {
  /** User id. */
  sub: string
  /** Login session id: revoking the session revokes the token. */
  sid: string
  iat: number
  exp: number
}

const ALGORITHM = 'HS256'
const PROTECTED_HEADER = { alg: ALGORITHM, typ: 'JWT' } as const
/** The header segment of every token this server writes; no other header is accepted. */
const HEADER = Buffer.from(JSON.stringify(PROTECTED_HEADER), 'utf8').toString('base64url')

const claimsSchema = z.strictObject({
  sub: z.string().min(1),
  sid: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
})

const SEGMENT = /^[A-Za-z0-9_-]+$/

/**
 * A segment in canonical base64url: the URL-safe alphabet, no `=` padding, and it re-encodes to itself, which
 * refuses a last character whose unused low bits are set (`…Ds` and `…Dt` decode to the same bytes).
 */
const isCanonicalSegment = (segment: string): boolean =>
  SEGMENT.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment

/**
 * The one compact form of a token: three canonical segments, our exact header. Checked before `jose`, which on
 * its own still takes a padded signature or a flipped unused bit: one token must have one spelling (a cache, a
 * revocation list or a log keyed by the token string must not be fooled by another).
 */
export function isCanonicalToken(token: string): boolean {
  const parts = token.split('.')
  return parts.length === 3 && parts[0] === HEADER && parts.every(isCanonicalSegment)
}

export function signJwt(claims: AccessClaims, secret: Uint8Array): Promise<string> {
  return new SignJWT({ sid: claims.sid })
    .setProtectedHeader(PROTECTED_HEADER)
    .setSubject(claims.sub)
    .setIssuedAt(claims.iat)
    .setExpirationTime(claims.exp)
    .sign(secret)
}

/**
 * The claims of a canonical, correctly signed, unexpired token issued no later than `nowSeconds` and living at
 * most `maxLifetimeSeconds` (what this server issues: a longer-lived token was not made by it); `null` for
 * anything else.
 */
export async function verifyJwt(
  token: string,
  secret: Uint8Array,
  nowSeconds: number,
  maxLifetimeSeconds: number,
): Promise<AccessClaims | null> {
  if (!isCanonicalToken(token)) return null
  let payload: unknown
  try {
    ;({ payload } = await jwtVerify(token, secret, {
      algorithms: [ALGORITHM],
      typ: 'JWT',
      currentDate: new Date(nowSeconds * 1000),
      requiredClaims: ['sub', 'iat', 'exp'],
    }))
  } catch {
    return null
  }
  const parsed = claimsSchema.safeParse(payload)
  if (!parsed.success) return null
  const claims = parsed.data
  if (claims.exp <= nowSeconds || claims.iat > nowSeconds) return null
  if (claims.exp - claims.iat > maxLifetimeSeconds) return null
  return claims
}
