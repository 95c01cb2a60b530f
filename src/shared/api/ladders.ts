import { z } from 'zod'
import { activeListQuery, auditFields, id, idParam, MAX, money, name, percent, version } from './common'

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

/** A step of the preview: accounts on it under the proposal, and on the same index of the current ladder. */
export const ladderPreviewStep = ladderStepCount.extend({ accounts_before: z.number().int().min(0) })

/** A step an account stands on: its index and name; null when below every step (or no ladder). */
export const ladderStepRef = z.strictObject({ index: z.number().int().min(0), name: z.string() }).nullable()

/** An account that moves: its card, holder and the step before and after. */
export const ladderPreviewSample = z.strictObject({
  account_id: id,
  number: z.string(),
  holder_name: z.string().nullable(),
  from_step: ladderStepRef,
  to_step: ladderStepRef,
})
export type LadderPreviewSample = z.infer<typeof ladderPreviewSample>

export const ladderPreview = z.strictObject({
  steps: z.array(ladderPreviewStep),
  moved_up: z.number().int().min(0),
  moved_down: z.number().int().min(0),
  unchanged: z.number().int().min(0),
  /** Accounts a level set by hand holds (they do not move; counted apart from the three above). */
  overridden: z.number().int().min(0),
  /** At most 20 accounts per direction. */
  samples: z.strictObject({
    moved_up: z.array(ladderPreviewSample),
    moved_down: z.array(ladderPreviewSample),
  }),
  /** Roubles: the bonus of the last 30 days' purchases of these accounts under the current and the proposed ladder. */
  bonus_estimate: z.strictObject({ current: money, proposed: money }),
})
export type LadderPreview = z.infer<typeof ladderPreview>
