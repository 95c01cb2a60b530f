import { z } from 'zod'
import { hasAtMostDecimals, MAX_MONEY_ROUBLES } from '../domain/money'
import { coded } from './errors'

/** Size limits that keep every request bounded. */
export const MAX = {
  rkCode: 2_147_483_647,
  importRows: 20_000,
  ladderSteps: 50,
  identifiers: 20,
  text: 2000,
} as const

/** Positive integer id, as every API entity has. */
export const id = z.number().int().positive()

/**
 * A positive integer written in plain decimal, as ids and versions arrive in paths and queries. Only
 * `^[1-9][0-9]*$`: JavaScript would also read `1e3`, `0x10`, `+1` or ` 1` as numbers, and one id must have one
 * spelling.
 */
export const positiveIntParam = z
  .string()
  .regex(/^[1-9][0-9]*$/, { message: 'Input should be a positive integer in plain decimal digits' })
  .transform(Number)
  .pipe(z.number().int().positive())

/** Integer ids in paths and queries arrive as strings. */
export const idParam = positiveIntParam
export const idParams = z.strictObject({ id: idParam })
export type IdParams = z.infer<typeof idParams>

/** ISO 8601 UTC timestamp as the server writes it. */
export const timestamp = z.iso.datetime({ offset: true })

/** Roubles with at most 2 decimals above a lower bound (one issue per problem, never two for one cause). */
const roubles = (bounded: z.ZodNumber) =>
  bounded
    .max(MAX_MONEY_ROUBLES)
    .refine((v) => hasAtMostDecimals(v, 2), coded('decimals', { max: 2 }, 'At most 2 decimals (kopecks)'))

/** Roubles with at most 2 decimals, never negative. */
export const money = roubles(z.number().min(0))

/** A money amount that must be above zero (deposits, withdrawals, purchases). */
export const positiveMoney = roubles(z.number().gt(0))

/** A share in percent: 0–100 with at most 2 decimals. */
export const percent = z
  .number()
  .min(0)
  .max(100)
  .refine((v) => hasAtMostDecimals(v, 2), coded('decimals', { max: 2 }, 'At most 2 decimals'))

/** Version for optimistic concurrency: 1 on create, +1 on every change. */
export const version = z.number().int().positive()

/** Fields every editable entity carries. */
export const auditFields = {
  created_at: timestamp,
  updated_at: timestamp,
  updated_by: z.string().nullable(),
}

/** A trimmed, non-empty display name. */
export const name = (max = 200) => z.string().trim().min(1).max(max)

/** A `true`/`false` query flag. */
export const boolQuery = z.enum(['true', 'false']).transform((v) => v === 'true')

/** Paging and search shared by every `…/list`. */
export const listQuery = z.strictObject({
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().max(200).optional(),
})
export type ListQuery = z.infer<typeof listQuery>

/** `?q=&active=` lists. */
export const activeListQuery = listQuery.extend({ active: boolQuery.optional() })
export type ActiveListQuery = z.infer<typeof activeListQuery>

/** `DELETE …/{id}?version=N` */
export const versionQuery = z.strictObject({ version: positiveIntParam })
export type VersionQuery = z.infer<typeof versionQuery>

/** The list envelope `{items, total, offset, limit}`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    total: z.number().int().min(0),
    offset: z.number().int().min(0),
    limit: z.number().int().min(1),
  })
}
export interface ListEnvelope<T> {
  items: T[]
  total: number
  offset: number
  limit: number
}
