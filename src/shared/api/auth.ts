import { z } from 'zod'
import { id } from './common'

export const role = z.enum(['admin', 'marketing', 'viewer'])
export type Role = z.infer<typeof role>

/** JSON or OAuth2 form body of `POST /auth/login`. OAuth2 form may carry extra standard fields. */
export const loginRequest = z.strictObject({
  username: z.string().min(1).max(150),
  password: z.string().min(1).max(200),
})
export type LoginRequest = z.infer<typeof loginRequest>

/** OAuth2PasswordRequestForm: the optional standard fields are accepted and ignored. */
export const loginForm = loginRequest.extend({
  grant_type: z.string().optional(),
  scope: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
})

export const tokenPair = z.strictObject({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  token_type: z.literal('bearer'),
  expires_in: z.number().int().positive(),
})
export type TokenPair = z.infer<typeof tokenPair>

export const refreshRequest = z.strictObject({ refresh_token: z.string().min(1).max(500) })
export type RefreshRequest = z.infer<typeof refreshRequest>

export const logoutRequest = z.strictObject({ refresh_token: z.string().min(1).max(500).nullish() })
export type LogoutRequest = z.infer<typeof logoutRequest>

export const authUser = z.strictObject({
  id,
  login: z.string(),
  name: z.string(),
  role,
})
export type AuthUser = z.infer<typeof authUser>

export const authInfo = z.strictObject({
  user: authUser,
  server: z.strictObject({ name: z.string(), version: z.string() }),
})
export type AuthInfo = z.infer<typeof authInfo>

export const user = z.strictObject({
  id,
  login: z.string(),
  name: z.string(),
  role,
  active: z.boolean(),
})
export type User = z.infer<typeof user>

/** `POST /auth/change_password` (any signed-in user) → 204; the user's other sessions end. */
export const changePasswordRequest = z.strictObject({
  current_password: z.string().min(1).max(200),
  new_password: z.string().min(3).max(200),
})
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>
