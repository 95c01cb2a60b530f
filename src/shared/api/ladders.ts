import { z } from 'zod'
import { activeListQuery, auditFields, id, idParam, MAX, name, percent, version } from './common'

export const ladderBasis = z.enum(['spend', 'visits'])
export type LadderBasis = z.infer<typeof ladderBasis>

export const ladderPeriod = z.enum(['all_time', 'rolling_days'])
export type LadderPeriod = z.infer<typeof ladderPeriod>

/**
 * A step as sent. The relational rules (thresholds ascending from 0, whole numbers for visits, at least one
 * benefit, RK discount exists) live in `domain/ladder-rules` and run on top of this shape.
 */
export const ladderStepInput = z.strictObject({
  name: name(100),
  threshold: z.number().min(0).max(1_000_000_000_000),
  rk_discount_id: id.nullish(),
  bonus_percent: percent.nullish(),
  max_payment_percent: percent.nullish(),
})
export type LadderStepInput = z.infer<typeof ladderStepInput>

export const ladderStep = z.strictObject({
  name: z.string(),
  threshold: z.number(),
  rk_discount_id: id.nullable(),
  bonus_percent: z.number().nullable(),
  max_payment_percent: z.number().nullable(),
})
export type LadderStep = z.infer<typeof ladderStep>

const ladderFields = {
  name: name(200),
  basis: ladderBasis,
  period: ladderPeriod,
  period_days: z.number().int().min(1).max(3650).nullish(),
  downgrade: z.boolean(),
  active: z.boolean(),
  steps: z.array(ladderStepInput).min(1).max(MAX.ladderSteps),
}

/** Body of `POST /ladders/create`. */
export const ladderCreate = z.strictObject(ladderFields)
export type LadderCreate = z.infer<typeof ladderCreate>

/** Body of `PUT /ladders/{id}`: the same plus the version it was based on. */
export const ladderUpdate = z.strictObject({ ...ladderFields, version })
export type LadderUpdate = z.infer<typeof ladderUpdate>

/** A ladder as the server answers it. */
export const ladder = z.strictObject({
  id,
  name: z.string(),
  basis: ladderBasis,
  period: ladderPeriod,
  period_days: z.number().int().nullable(),
  downgrade: z.boolean(),
  active: z.boolean(),
  steps: z.array(ladderStep),
  version,
  ...auditFields,
})
export type Ladder = z.infer<typeof ladder>

export const ladderListQuery = activeListQuery

export const ladderHistoryItem = z.strictObject({
  version,
  updated_at: auditFields.updated_at,
  updated_by: auditFields.updated_by,
  ladder,
})
export type LadderHistoryItem = z.infer<typeof ladderHistoryItem>

export const ladderHistory = z.strictObject({ items: z.array(ladderHistoryItem) })
export type LadderHistory = z.infer<typeof ladderHistory>

/** Body of `POST /ladders/preview`: a proposed ladder, with the id of the ladder it would replace. */
export const ladderPreviewRequest = z.strictObject({ ...ladderFields, id: id.nullish() })
export type LadderPreviewRequest = z.infer<typeof ladderPreviewRequest>

export const ladderPreviewQuery = z.strictObject({ group_id: idParam.optional() })
export type LadderPreviewQuery = z.infer<typeof ladderPreviewQuery>

export const ladderStepCount = z.strictObject({
  index: z.number().int().min(0),
  name: z.string(),
  accounts: z.number().int().min(0),
})
export type LadderStepCount = z.infer<typeof ladderStepCount>

export const ladderPreview = z.strictObject({
  steps: z.array(ladderStepCount),
  moved_up: z.number().int().min(0),
  moved_down: z.number().int().min(0),
  unchanged: z.number().int().min(0),
})
export type LadderPreview = z.infer<typeof ladderPreview>
