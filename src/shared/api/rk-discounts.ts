import { z } from 'zod'
import { hasAtMostDecimals } from '../domain/money'
import { duplicateRkCodes } from '../domain/rk-codes'
import { activeListQuery, id, MAX, name, timestamp } from './common'
import { coded } from './errors'

export const rkDiscountKind = z.enum(['percent', 'amount'])
export type RkDiscountKind = z.infer<typeof rkDiscountKind>

/** R-Keeper's own code of a discount: a positive integer. */
export const rkCode = z.number().int().positive().max(MAX.rkCode)

export const rkDiscount = z.strictObject({
  id,
  rk_code: rkCode,
  name: z.string(),
  kind: rkDiscountKind,
  value: z.number(),
  active: z.boolean(),
  synced_at: timestamp,
})
export type RkDiscount = z.infer<typeof rkDiscount>

/** One discount as R-Keeper exports it: a percent is 0–100, an amount is roubles; both with 2 decimals. */
export const rkDiscountImportItem = z
  .strictObject({
    rk_code: rkCode,
    name: name(200),
    kind: rkDiscountKind,
    value: z.number().min(0).max(1_000_000_000),
    active: z.boolean().nullish(),
  })
  .superRefine((item, ctx) => {
    if (!hasAtMostDecimals(item.value, 2)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        ...coded('decimals', { max: 2 }, 'At most 2 decimals'),
      })
    } else if (item.kind === 'percent' && item.value > 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        ...coded('too_big', { max: 100, inclusive: true }, 'A percent discount is at most 100'),
      })
    }
  })
export type RkDiscountImportItem = z.infer<typeof rkDiscountImportItem>

export const rkDiscountImportRequest = z
  .strictObject({ discounts: z.array(rkDiscountImportItem).max(MAX.importRows) })
  .superRefine((body, ctx) => {
    for (const repeat of duplicateRkCodes(body.discounts)) {
      ctx.addIssue({
        code: 'custom',
        path: ['discounts', repeat.index, 'rk_code'],
        ...coded(
          'rk_code_duplicate',
          { rk_code: repeat.rk_code, row: repeat.index + 1, first_row: repeat.first + 1 },
          `Duplicate rk_code ${repeat.rk_code} (also in row ${repeat.first + 1})`,
        ),
      })
    }
  })
export type RkDiscountImportRequest = z.infer<typeof rkDiscountImportRequest>

export const rkDiscountImportResult = z.strictObject({
  created: z.number().int().min(0),
  updated: z.number().int().min(0),
  deactivated: z.number().int().min(0),
})
export type RkDiscountImportResult = z.infer<typeof rkDiscountImportResult>

export const rkDiscountListQuery = activeListQuery
