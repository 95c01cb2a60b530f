// The ladder rules of DOMAIN.md as one pure function. It runs on half-edited drafts in the renderer, on request
// bodies in the server (through ladder-schemas.ts) and before publishing, so it reads its input defensively and
// never throws: every field may be missing, of the wrong type, NaN, or out of range.
import type { LadderCreate, LadderStepInput } from '../api/ladders'
import type { RkDiscount } from '../api/rk-discounts'
import { MAX } from '../api/common'
import { ladderIssueMessage } from './ladder-messages'
import { LADDER_ISSUE_CODES, type LadderIssueCode } from './ladder-codes'
import { hasAtMostDecimals } from './money'

/** A ladder as a form or a draft may hold it: the shape of `LadderCreate`, every field possibly absent or wrong. */
export type LadderStepLike = { [K in keyof LadderStepInput]?: unknown }
export type LadderLike = { [K in Exclude<keyof LadderCreate, 'steps'>]?: unknown } & { steps?: unknown }

export type LadderIssueSeverity = 'error' | 'warning'
export type LadderValidationMode = 'draft' | 'publish'

export { LADDER_ISSUE_CODES, type LadderIssueCode }

export type LadderIssueParams = Record<string, string | number>

export interface LadderIssue {
  /** Where the issue is, as the server puts it after `'body'` in a 422 `loc`: `['steps', 2, 'threshold']`. */
  path: (string | number)[]
  severity: LadderIssueSeverity
  code: LadderIssueCode
  /** The English text; `ladderIssueMessage(issue, 'ru')` gives the Russian one. */
  message: string
  params?: LadderIssueParams
}

/** What validateLadder needs to know of the RK discount catalog (value and kind enable benefit comparisons). */
export type LadderCatalogDiscount = Pick<RkDiscount, 'id' | 'active' | 'name'> &
  Partial<Pick<RkDiscount, 'kind' | 'value'>>
export interface LadderCatalog {
  rkDiscounts: readonly LadderCatalogDiscount[]
}

/** Largest threshold the API accepts (roubles for `spend`, bills for `visits`). */
export const MAX_THRESHOLD = 1_000_000_000_000
/** `period_days` bounds of the API. */
export const PERIOD_DAYS_MIN = 1
export const PERIOD_DAYS_MAX = 3650

const BASES = ['spend', 'visits'] as const
const PERIODS = ['all_time', 'rolling_days'] as const
const PERCENT_FIELDS = ['bonus_percent', 'max_payment_percent'] as const

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value)
const isAbsent = (value: unknown): boolean => value === undefined || value === null
const isBlank = (value: unknown): boolean => typeof value !== 'string' || value.trim() === ''
const oneOf = <T extends string>(options: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (options as readonly string[]).includes(value)

/**
 * Every problem of `ladder`, errors and warnings, in a stable order (ladder fields first, then steps in order).
 *
 * - `catalog`: when given, `rk_discount_id` must name one of its discounts, an inactive one is reported, and RK
 *   discount values are compared between steps. Without it those checks are skipped (the server runs them).
 * - `mode`: `'publish'` (default, what the server enforces) makes an inactive RK discount an error; `'draft'`
 *   makes it a warning so that a draft can still be saved.
 * - `period_days` with `period: 'all_time'` is legal but ignored (the ladder counts everything): a warning, so that
 *   switching a form's period back and forth never blocks saving.
 */
export function validateLadder(
  ladder: LadderLike | unknown,
  catalog?: LadderCatalog | null,
  mode: LadderValidationMode = 'publish',
): LadderIssue[] {
  const issues: LadderIssue[] = []
  const add: AddIssue = (severity, code, path, params) => {
    // The English text is made when first read: the renderer validates on every keystroke and says issues by code
    // in the UI language, so a ladder with many warnings would otherwise format texts nobody reads.
    let message: string | undefined
    const issue: LadderIssue = {
      path,
      severity,
      code,
      get message(): string {
        return (message ??= ladderIssueMessage(issue, 'en'))
      },
      set message(text: string) {
        message = text
      },
    }
    if (params) issue.params = params
    issues.push(issue)
  }
  const source: Record<string, unknown> = isRecord(ladder) ? ladder : {}

  if (isBlank(source.name)) add('error', 'name_required', ['name'])
  const basis = oneOf(BASES, source.basis) ? source.basis : null
  if (!basis) add('error', 'basis_invalid', ['basis'])
  validatePeriod(source, add)
  for (const flag of ['downgrade', 'active'] as const) {
    if (typeof source[flag] !== 'boolean') add('error', 'flag_invalid', [flag], { field: flag })
  }

  const steps = Array.isArray(source.steps) ? (source.steps as unknown[]) : []
  if (steps.length < 1 || steps.length > MAX.ladderSteps) {
    add('error', 'steps_count', ['steps'], { count: steps.length, min: 1, max: MAX.ladderSteps })
  }
  const catalogById = catalog ? new Map(catalog.rkDiscounts.map((d) => [d.id, d])) : null
  const firstIndexByName = new Map<string, number>()
  let previousThreshold: { index: number; value: number } | null = null
  let bestBonus: { index: number; value: number } | null = null
  const bestDiscount = new Map<string, { index: number; value: number }>()

  steps.forEach((rawStep, index) => {
    const at = (field?: string): (string | number)[] => (field ? ['steps', index, field] : ['steps', index])
    const stepNo = index + 1
    if (!isRecord(rawStep)) {
      add('error', 'step_invalid', at(), { step: stepNo })
      return
    }
    const step = rawStep as LadderStepLike

    if (isBlank(step.name)) add('error', 'step_name_required', at('name'), { step: stepNo })
    else {
      const key = (step.name as string).trim().toLocaleLowerCase()
      const first = firstIndexByName.get(key)
      if (first === undefined) firstIndexByName.set(key, index)
      else {
        add('warning', 'step_name_duplicate', at('name'), {
          step: stepNo,
          name: (step.name as string).trim(),
          other: first + 1,
        })
      }
    }

    const threshold = step.threshold
    if (!isFiniteNumber(threshold)) add('error', 'threshold_invalid', at('threshold'), { step: stepNo })
    else if (threshold < 0 || threshold > MAX_THRESHOLD) {
      add('error', 'threshold_range', at('threshold'), { step: stepNo, min: 0, max: MAX_THRESHOLD })
    } else {
      if (basis === 'visits' && !Number.isInteger(threshold)) {
        add('error', 'visits_threshold_not_integer', at('threshold'), { step: stepNo, threshold })
      } else if (basis === 'spend' && !hasAtMostDecimals(threshold, 2)) {
        add('error', 'threshold_decimals', at('threshold'), { step: stepNo, threshold, decimals: 2 })
      }
      if (index === 0 && threshold !== 0) {
        add('error', 'first_threshold_not_zero', at('threshold'), { step: stepNo, threshold })
      } else if (previousThreshold && threshold <= previousThreshold.value) {
        add('error', 'threshold_not_increasing', at('threshold'), {
          step: stepNo,
          threshold,
          previous: previousThreshold.value,
          previousStep: previousThreshold.index + 1,
        })
      }
      // Compare with the highest valid threshold so far: one bad step does not cascade into its neighbours.
      if (!previousThreshold || threshold > previousThreshold.value) {
        previousThreshold = { index, value: threshold }
      }
    }

    let hasBenefit = false
    const discountId = step.rk_discount_id
    if (!isAbsent(discountId)) {
      hasBenefit = true
      if (!(typeof discountId === 'number' && Number.isSafeInteger(discountId) && discountId > 0)) {
        add('error', 'rk_discount_invalid', at('rk_discount_id'), { step: stepNo })
      } else if (catalogById) {
        const discount = catalogById.get(discountId)
        if (!discount)
          add('error', 'rk_discount_missing', at('rk_discount_id'), { step: stepNo, id: discountId })
        else {
          if (!discount.active) {
            add(mode === 'publish' ? 'error' : 'warning', 'rk_discount_inactive', at('rk_discount_id'), {
              step: stepNo,
              id: discountId,
              name: discount.name,
            })
          }
          if (discount.kind && isFiniteNumber(discount.value)) {
            const best = bestDiscount.get(discount.kind)
            if (best && discount.value < best.value) {
              add('warning', 'benefit_decreases', at('rk_discount_id'), {
                step: stepNo,
                field: 'rk_discount_id',
                value: discount.value,
                lowerStep: best.index + 1,
                lowerValue: best.value,
              })
            }
            if (!best || discount.value > best.value)
              bestDiscount.set(discount.kind, { index, value: discount.value })
          }
        }
      }
    }

    for (const field of PERCENT_FIELDS) {
      const value = step[field]
      if (isAbsent(value)) continue
      hasBenefit = true
      if (!isFiniteNumber(value) || value < 0 || value > 100) {
        add('error', 'percent_range', at(field), { step: stepNo, field, min: 0, max: 100 })
      } else if (!hasAtMostDecimals(value, 2)) {
        add('error', 'percent_decimals', at(field), { step: stepNo, field, decimals: 2 })
      } else if (field === 'bonus_percent') {
        // Only steps that both give a bonus are compared: trading a bonus for an RK discount is a legal design.
        if (bestBonus && value < bestBonus.value) {
          add('warning', 'benefit_decreases', at(field), {
            step: stepNo,
            field,
            value,
            lowerStep: bestBonus.index + 1,
            lowerValue: bestBonus.value,
          })
        }
        if (!bestBonus || value > bestBonus.value) bestBonus = { index, value }
      }
    }
    if (!hasBenefit) add('error', 'step_without_benefit', at(), { step: stepNo })
  })
  return issues
}

type AddIssue = (
  severity: LadderIssueSeverity,
  code: LadderIssueCode,
  path: (string | number)[],
  params?: LadderIssueParams,
) => void

function validatePeriod(source: Record<string, unknown>, add: AddIssue): void {
  const period = oneOf(PERIODS, source.period) ? source.period : null
  const days = source.period_days
  if (!period) add('error', 'period_invalid', ['period'])
  const daysInRange = (value: unknown) =>
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= PERIOD_DAYS_MIN &&
    value <= PERIOD_DAYS_MAX
  if (period === 'rolling_days') {
    if (isAbsent(days)) add('error', 'period_days_required', ['period_days'], { min: PERIOD_DAYS_MIN })
    else if (!daysInRange(days)) {
      add('error', 'period_days_range', ['period_days'], { min: PERIOD_DAYS_MIN, max: PERIOD_DAYS_MAX })
    }
  } else if (!isAbsent(days)) {
    if (!daysInRange(days)) {
      add('error', 'period_days_range', ['period_days'], { min: PERIOD_DAYS_MIN, max: PERIOD_DAYS_MAX })
    } else if (period === 'all_time')
      add('warning', 'period_days_ignored', ['period_days'], { days: days as number })
  }
}

/** Only the errors: what blocks saving to the server. */
export function ladderErrors(issues: readonly LadderIssue[]): LadderIssue[] {
  return issues.filter((issue) => issue.severity === 'error')
}
