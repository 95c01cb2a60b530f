import type {
  FastifyBaseLogger,
  FastifyInstance,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { conflictError, messageError, type Role, validationError } from '@shared/api'
import type { AuthContext } from './auth/service'
import { unauthorized } from './errors'

/** The Fastify instance routes are registered on: zod schemas give typed bodies, queries and params. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>

/**
 * Who may call a route: `public` (no token), or the roles allowed. Set as `config: { access }` on every route
 * under /api/v0; a route without it is treated as admin-only.
 */
export type Access = 'public' | readonly Role[]

export const ANY_ROLE: readonly Role[] = ['admin', 'marketing', 'viewer']
export const ADMIN_ONLY: readonly Role[] = ['admin']

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    /** Set by the auth hook for every non-public route under /api/v0. */
    auth: AuthContext | null
  }
}

/** The authenticated caller of a non-public route. */
export function caller(request: FastifyRequest): AuthContext {
  if (!request.auth) throw unauthorized()
  return request.auth
}

/** OpenAPI security requirement of the token-protected routes (Swagger UI's Authorize). */
export const SECURITY = [{ OAuth2PasswordBearer: [] }]

const unprocessable = z.union([validationError, messageError])

/** Error answers to document on a route, with the schemas they are sent with. */
export function errors(...codes: (400 | 401 | 403 | 404 | 409 | 422 | 429)[]): Record<number, z.ZodType> {
  const out: Record<number, z.ZodType> = {}
  for (const code of codes)
    out[code] = code === 409 ? conflictError : code === 422 ? unprocessable : messageError
  return out
}

/** Error answers of every protected route: 401, 403 and 422. */
export const PROTECTED_ERRORS = [401, 403, 422] as const
