// The chart's points for a ladder as edited: one point per step at its threshold, plus one past the last step so
// that the step lines draw the top step's segment too. Pure and cheap (a 50-step ladder is 51 small objects), so
// it can run on every keystroke.
import type { LadderCreate, RkDiscount } from '@shared/api'

export interface ChartPoint {
  /** The threshold (roubles or visits). */
  x: number
  /** The step's index in the ladder as edited; null for the closing point. */
  index: number | null
  name: string
  /** A percent RK discount's value; null when the step has none, or it is a fixed amount (see `discountAmount`). */
  discount: number | null
  /** A fixed-amount RK discount in roubles. */
  discountAmount: number | null
  bonus: number | null
  cap: number | null
  /** Guests on this step now (by index, from `reports/ladder_steps`); null when not known. */
  guests: number | null
}

type Steps = readonly LadderCreate['steps'][number][]

/** Where the closing point goes: a quarter of the range past the last threshold (at least one unit). */
function closingX(last: number, first: number): number {
  const span = Math.max(last - first, last, 1)
  return last + Math.max(1, Math.ceil(span / 4))
}

export function chartPoints(
  steps: Steps,
  discounts: ReadonlyMap<number, Pick<RkDiscount, 'kind' | 'value'>>,
  counts: readonly number[] | null,
): ChartPoint[] {
  const points: ChartPoint[] = steps.map((step, index) => {
    const discount = step.rk_discount_id == null ? undefined : discounts.get(step.rk_discount_id)
    return {
      x: Number.isFinite(step.threshold) ? step.threshold : 0,
      index,
      name: step.name,
      discount: discount?.kind === 'percent' ? discount.value : null,
      discountAmount: discount?.kind === 'amount' ? discount.value : null,
      bonus: step.bonus_percent ?? null,
      cap: step.max_payment_percent ?? null,
      guests: counts ? (counts[index] ?? 0) : null,
    }
  })
  // While typing, thresholds may be out of order: draw them in order (the editor shows the error).
  points.sort((a, b) => a.x - b.x)
  const last = points[points.length - 1]
  const first = points[0]
  if (last && first) points.push({ ...last, x: closingX(last.x, first.x), index: null, guests: null })
  return points
}
