import { z } from 'zod'
import { patternCompiles, regexProblem } from '../domain/identifier-values'
import { activeListQuery, auditFields, id, name, version } from './common'
import { coded } from './errors'

export const identifierKind = z.enum([
  'card_number',
  'phone',
  'magnetic_track',
  'barcode',
  'qr',
  'email',
  'other',
])
export type IdentifierKind = z.infer<typeof identifierKind>

/** Lowercase latin slug: `card`, `phone_ru`, `mag-track`. */
export const identifierCode = z
  .string()
  .min(1)
  .max(50)
  .regex(/^[a-z][a-z0-9_-]*$/, {
    message: 'Latin lowercase letters, digits, "_" and "-", starting with a letter',
  })

export { patternCompiles }

const identifierTypeFields = {
  code: identifierCode,
  name: name(200),
  kind: identifierKind,
  pattern: z
    .string()
    .max(200)
    .superRefine((pattern, context) => {
      const problem = regexProblem(pattern)
      if (problem) {
        context.addIssue({
          code: 'custom',
          ...coded('regex_invalid', { problem }, 'The pattern is not a valid regular expression'),
        })
      }
    })
    .nullish(),
  min_length: z.number().int().min(1).max(1000).nullish(),
  max_length: z.number().int().min(1).max(1000).nullish(),
  unique: z.boolean(),
  active: z.boolean(),
}

type LengthBounds = { min_length?: number | null; max_length?: number | null }
const lengthsOrdered = (body: LengthBounds, ctx: z.RefinementCtx) => {
  if (body.min_length != null && body.max_length != null && body.min_length > body.max_length) {
    ctx.addIssue({
      code: 'custom',
      path: ['max_length'],
      ...coded('min_greater_than_max', {}, 'max_length must not be less than min_length'),
    })
  }
}

export const identifierTypeCreate = z.strictObject(identifierTypeFields).superRefine(lengthsOrdered)
export type IdentifierTypeCreate = z.infer<typeof identifierTypeCreate>

export const identifierTypeUpdate = z
  .strictObject({ ...identifierTypeFields, version })
  .superRefine(lengthsOrdered)
export type IdentifierTypeUpdate = z.infer<typeof identifierTypeUpdate>

export const identifierType = z.strictObject({
  id,
  code: z.string(),
  name: z.string(),
  kind: identifierKind,
  pattern: z.string().nullable(),
  min_length: z.number().int().nullable(),
  max_length: z.number().int().nullable(),
  unique: z.boolean(),
  active: z.boolean(),
  version,
  ...auditFields,
})
export type IdentifierType = z.infer<typeof identifierType>

export const identifierTypeListQuery = activeListQuery

export const identifierCheckRequest = z.strictObject({ value: z.string().max(1000) })
export type IdentifierCheckRequest = z.infer<typeof identifierCheckRequest>

export const identifierCheckErrorCode = z.enum([
  'pattern_mismatch',
  'too_short',
  'too_long',
  'inactive_type',
  'taken',
])
export type IdentifierCheckErrorCode = z.infer<typeof identifierCheckErrorCode>

export const identifierCheckResult = z.strictObject({
  valid: z.boolean(),
  errors: z.array(z.strictObject({ code: identifierCheckErrorCode, message: z.string() })),
  taken_by_account_id: id.nullable(),
})
export type IdentifierCheckResult = z.infer<typeof identifierCheckResult>
