import { z } from 'zod'
import { activeListQuery, auditFields, id, timestamp, version } from './common'

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

/** A person who logs in (ProBonus web admin users; the same users serve the API). */
export const user = z.strictObject({
  id,
  login: z.string(),
  role,
  surname: z.string().nullable(),
  first_name: z.string().nullable(),
  patronymic: z.string().nullable(),
  /** Read-only: «Фамилия Имя Отчество» joined, or the login when all three are empty. */
  name: z.string(),
  email: z.string().nullable(),
  comment: z.string().nullable(),
  active: z.boolean(),
  last_login_at: timestamp.nullable(),
  version,
  ...auditFields,
})
export type User = z.infer<typeof user>

/** A login: any characters (Cyrillic, spaces, symbols), 1–64 after trimming; unique case-insensitively. */
export const userLogin = z.string().trim().min(1).max(64)
/** At least 3 characters, as in ProBonus. */
export const userPassword = z.string().min(3).max(200)

const userFields = {
  login: userLogin,
  role,
  surname: z.string().trim().max(100).nullish(),
  first_name: z.string().trim().max(100).nullish(),
  patronymic: z.string().trim().max(100).nullish(),
  email: z.email().max(200).nullish(),
  comment: z.string().max(1000).nullish(),
  active: z.boolean().nullish(),
}

export const userCreate = z.strictObject({ ...userFields, password: userPassword })
export type UserCreate = z.infer<typeof userCreate>

/** `PUT users/{id}`: a password replaces the old one and ends every session of that user. */
export const userUpdate = z.strictObject({ ...userFields, password: userPassword.nullish(), version })
export type UserUpdate = z.infer<typeof userUpdate>

export const userListQuery = activeListQuery

/** `POST auth/change_password` (any signed-in user). */
export const changePasswordRequest = z.strictObject({
  current_password: z.string().min(1).max(200),
  new_password: userPassword,
})
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>
