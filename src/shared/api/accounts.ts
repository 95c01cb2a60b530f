import { z } from 'zod'
import { auditFields, id, idParam, listQuery, MAX, money, name, timestamp, version } from './common'

export const accountIdentifier = z.strictObject({ type_id: id, value: z.string().min(1).max(500) })
export type AccountIdentifier = z.infer<typeof accountIdentifier>

/** +7 and 10 digits, as Russian phones are written for the till. */
export const phone = z.string().regex(/^\+7\d{10}$/, { message: 'Phone as +7 and 10 digits' })

const accountFields = {
  number: z.string().trim().min(1).max(50),
  holder_name: name(200).nullish(),
  phone: phone.nullish(),
  email: z.email().max(200).nullish(),
  birth_date: z.iso.date().nullish(),
  group_id: id,
  identifiers: z.array(accountIdentifier).max(MAX.identifiers).nullish(),
  blocked: z.boolean().nullish(),
}

export const accountCreate = z.strictObject(accountFields)
export type AccountCreate = z.infer<typeof accountCreate>

export const accountUpdate = z.strictObject({ ...accountFields, version })
export type AccountUpdate = z.infer<typeof accountUpdate>

/** How many accounts one `accounts/move` may name. */
export const MAX_MOVE_IDS = 10_000

/**
 * `POST accounts/move`: some accounts (`account_ids`) or every account of a group (`from_group_id`) to the group
 * `to_group_id`, all or none.
 */
export const accountMoveRequest = z
  .strictObject({
    account_ids: z.array(id).min(1).max(MAX_MOVE_IDS).optional(),
    from_group_id: id.optional(),
    to_group_id: id,
  })
  .superRefine((body, context) => {
    if ((body.account_ids === undefined) === (body.from_group_id === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['account_ids'],
        message: 'Send either account_ids or from_group_id',
        params: { code: 'one_of_required', fields: ['account_ids', 'from_group_id'] },
      })
    }
  })
export type AccountMoveRequest = z.infer<typeof accountMoveRequest>

export const accountMoveResult = z.strictObject({
  /** Accounts whose group changed (those already in `to_group_id` do not count). */
  moved: z.number().int().min(0),
})
export type AccountMoveResult = z.infer<typeof accountMoveResult>

/** One limit of paying with bonus for the current business period, in roubles; `limit`/`left` null: none. */
export const accountLimit = z.strictObject({ limit: money.nullable(), used: money, left: money.nullable() })

/** `GET accounts/{id}/limits`. */
export const accountLimits = z.strictObject({
  per_day: accountLimit,
  per_week: accountLimit,
  per_month: accountLimit,
})
export type AccountLimits = z.infer<typeof accountLimits>

/** `POST accounts/{id}/temporary_identifier`: a numeric code that finds the account until it expires. */
export const temporaryIdentifier = z.strictObject({ value: z.string(), expires_at: timestamp })
export type TemporaryIdentifier = z.infer<typeof temporaryIdentifier>

/** The step an account sits on in its group's ladder. */
export const accountStep = z.strictObject({ ladder_id: id, index: z.number().int().min(0), name: z.string() })
export type AccountStep = z.infer<typeof accountStep>

/** How a discount level set by hand holds the account: `pin` exactly at the step, `floor` at least at it. */
export const STEP_OVERRIDE_MODES = ['pin', 'floor'] as const
/** Who may set a guest's discount level by hand (everyone reads it). */
export const STEP_OVERRIDE_WRITERS = ['admin', 'marketing'] as const
export const stepOverrideMode = z.enum(STEP_OVERRIDE_MODES)
export type StepOverrideMode = z.infer<typeof stepOverrideMode>

/**
 * `PUT accounts/{id}/step_override`: the step `index` of the ladder of the account's group, held as `mode` until
 * the end of the business day `until` (null: until removed), with the reason.
 */
export const stepOverrideRequest = z.strictObject({
  index: z.number().int().min(0),
  mode: stepOverrideMode,
  until: z.iso.date().nullish(),
  reason: z.string().trim().min(1).max(200),
  version,
})
export type StepOverrideRequest = z.infer<typeof stepOverrideRequest>

/** A discount level set by hand, as an account shows it while it holds. */
export const stepOverride = z.strictObject({
  ladder_id: id,
  index: z.number().int().min(0),
  /** The step's name on the ladder now. */
  name: z.string(),
  mode: stepOverrideMode,
  /** The last business day it holds (null: until removed). */
  until: z.iso.date().nullable(),
  /** When it ends: the day change time after `until`, by the settings' day_change_time and timezone. */
  ends_at: timestamp.nullable(),
  reason: z.string(),
  set_by: z.string().nullable(),
  set_at: timestamp,
  /** The step the account's accumulation alone gives (null: below every step). */
  computed_step: accountStep.nullable(),
})
export type StepOverride = z.infer<typeof stepOverride>

export const account = z.strictObject({
  id,
  number: z.string(),
  holder_name: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  birth_date: z.string().nullable(),
  group_id: id,
  identifiers: z.array(z.strictObject({ type_id: id, value: z.string() })),
  blocked: z.boolean(),
  /** Everything credited and not spent, pending included. */
  balance: money,
  /** Deferred bonus not yet spendable (part of `balance`). */
  pending_balance: money,
  spend_total: money,
  visits: z.number().int().min(0),
  /** The effective step: the accumulated one, or the one a `step_override` holds it at. */
  step: accountStep.nullable(),
  step_override: stepOverride.nullable(),
  version,
  ...auditFields,
})
export type Account = z.infer<typeof account>

export const accountListQuery = listQuery.extend({
  group_id: idParam.optional(),
  /** `true`: only the accounts whose discount level is set by hand now. */
  step_override: z
    .enum(['true'])
    .transform(() => true as const)
    .optional(),
})
export type AccountListQuery = z.infer<typeof accountListQuery>

/** One bill a till reported for the account (`operations/purchase`): what `rolling_days` ladders sum. */
export const accountPurchase = z.strictObject({ id, amount: money, created_at: timestamp })
export type AccountPurchase = z.infer<typeof accountPurchase>

/** `GET accounts/{id}/purchases?offset=&limit=`: newest first. */
export const accountPurchasesQuery = listQuery.omit({ q: true })
export type AccountPurchasesQuery = z.infer<typeof accountPurchasesQuery>
