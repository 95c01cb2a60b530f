import { z } from 'zod'
import { auditFields, id, idParam, listQuery, MAX, money, name, version } from './common'

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

/** The step an account sits on in its group's ladder. */
export const accountStep = z.strictObject({ ladder_id: id, index: z.number().int().min(0), name: z.string() })
export type AccountStep = z.infer<typeof accountStep>

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
  balance: money,
  spend_total: money,
  visits: z.number().int().min(0),
  step: accountStep.nullable(),
  version,
  ...auditFields,
})
export type Account = z.infer<typeof account>

export const accountListQuery = listQuery.extend({ group_id: idParam.optional() })
export type AccountListQuery = z.infer<typeof accountListQuery>
