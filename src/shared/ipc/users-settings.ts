// The IPC channels of the people who log in (users, my own password) and of an account's bonus (pending bonus,
// limits left, temporary identifiers). Every one is online only: a password never reaches a draft, the outbox or
// a file, and what an account may pay with bonus right now is the server's to say.
import { z } from 'zod'
import {
  accountLimits,
  changePasswordRequest,
  id,
  money,
  role,
  temporaryIdentifier,
  timestamp,
  user,
  userCreate,
  userUpdate,
  version,
} from '../api'

export const usersListInput = z
  .strictObject({
    /** Login, name or e-mail (the server's `q`). */
    q: z.string().max(200).optional(),
    active: z.boolean().optional(),
    /** Filtered in main: the server's list has no role filter, and a server's users fit in a few pages. */
    role: role.optional(),
  })
  .optional()
export type UsersListInput = z.input<typeof usersListInput>

export const usersList = z.strictObject({
  items: z.array(user),
  /** Active administrators on the server (of every page, whatever the filters): the last one is guarded. */
  active_admins: z.number().int().min(0),
})
export type UsersList = z.infer<typeof usersList>

/** Pending bonus of one account, credit by credit, with when each becomes spendable. */
export const accountBonus = z.strictObject({
  account_id: id,
  balance: money,
  pending_balance: money,
  /**
   * The credits still pending, soonest first, each with the instant it becomes spendable (computed from the
   * purchase's time and the current settings: the business day `accrual_delay_days` later).
   */
  pending: z.array(z.strictObject({ amount: money, available_at: timestamp })),
  /** False when these credits do not add up to `pending_balance` (the settings changed since): show the total only. */
  pending_complete: z.boolean(),
  limits: accountLimits,
  /** Temporary identifiers are on in the settings (issuing one is refused otherwise). */
  temporary_identifiers: z.boolean(),
})
export type AccountBonus = z.infer<typeof accountBonus>

const byId = z.strictObject({ id })

export const usersSettingsContract = {
  /** Admin; online only. Every user matching `q`/`active`/`role` (all pages). */
  'users:list': { input: usersListInput, output: usersList },
  'users:get': { input: byId, output: user },
  /** Admin; online only (carries a password: never stored, never queued). */
  'users:create': { input: userCreate, output: user },
  /** Admin; online only. `user.password`, when given, replaces theirs and ends their sessions. */
  'users:update': { input: z.strictObject({ id, user: userUpdate }), output: user },
  /** Admin; online only. Refused (409, coded) for yourself and for the last active admin. */
  'users:delete': { input: z.strictObject({ id, version }), output: byId },
  /** Any role; online only. My other sessions end; this one goes on. */
  'session:change-password': { input: changePasswordRequest, output: z.strictObject({}) },
  /** Online only: pending bonus with dates, the limits left for today / this week / this month. */
  'accounts:bonus': { input: byId, output: accountBonus },
  /** Admin; online only. A numeric code that finds the account until `expires_at`. */
  'accounts:temporary-identifier': { input: byId, output: temporaryIdentifier },
} as const
