// What a step gives on one bill, in integer kopecks. Percentages have at most 2 decimals, so every share is an
// exact ratio of integers (bill × hundredths of a percent / 10 000), computed in BigInt and rounded half-up to the
// kopeck: no float ever touches a money amount.
import type { RkDiscount } from '../api/rk-discounts'

/** The benefit fields of a ladder step; absent and null mean "not set". */
export interface BenefitStep {
  rk_discount_id?: number | null
  bonus_percent?: number | null
  max_payment_percent?: number | null
}

/** The RK discount the step names. With `id` it must match the step's; `active: false` is not applied. */
export type BenefitDiscount = Pick<RkDiscount, 'kind' | 'value'> & Partial<Pick<RkDiscount, 'id' | 'active'>>

export interface Benefits {
  /** The RK discount taken off the bill (never more than the bill). */
  discountKopecks: number
  /** Bonus credited: `bonus_percent` of the bill AFTER the RK discount (what the guest actually pays). */
  bonusKopecks: number
  /** The most of the bill after the discount that may be paid with bonus; the whole of it when no cap is set. */
  maxBonusPaymentKopecks: number
}

/** A percent with at most 2 decimals as an integer count of hundredths, clamped to 0–100 %. */
function hundredthsOfPercent(percent: number | null | undefined): bigint | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null
  return BigInt(Math.min(10_000, Math.max(0, Math.round(percent * 100))))
}

/** `kopecks × hundredths / 10 000`, rounded half-up (all operands are non-negative). */
function shareOf(kopecks: bigint, hundredths: bigint): bigint {
  const numerator = kopecks * hundredths
  return (numerator * 2n + 10_000n) / 20_000n
}

/**
 * The benefits of `step` on a bill of `billKopecks` (a non-negative safe integer; anything else is a RangeError,
 * as the API never lets such an amount through). The RK discount is applied first — a percent of the bill, or a
 * fixed amount capped at the bill — and the bonus and the payment cap are shares of what is left to pay.
 * A null step (no ladder) gives no discount and no bonus, and does not cap bonus payment.
 */
export function benefitsFor(
  step: BenefitStep | null | undefined,
  billKopecks: number,
  rkDiscount?: BenefitDiscount | null,
): Benefits {
  if (!Number.isSafeInteger(billKopecks) || billKopecks < 0) {
    throw new RangeError(`Not a bill in kopecks: ${billKopecks}`)
  }
  const bill = BigInt(billKopecks)
  let discount = 0n
  const discountId = step?.rk_discount_id
  if (
    rkDiscount &&
    discountId !== null &&
    discountId !== undefined &&
    rkDiscount.active !== false &&
    (rkDiscount.id === undefined || rkDiscount.id === discountId) &&
    Number.isFinite(rkDiscount.value) &&
    rkDiscount.value > 0
  ) {
    discount =
      rkDiscount.kind === 'percent'
        ? shareOf(bill, hundredthsOfPercent(rkDiscount.value) ?? 0n)
        : BigInt(Math.round(rkDiscount.value * 100))
    if (discount > bill) discount = bill
  }
  const toPay = bill - discount
  const bonusShare = hundredthsOfPercent(step?.bonus_percent)
  const paymentShare = hundredthsOfPercent(step?.max_payment_percent)
  return {
    discountKopecks: Number(discount),
    bonusKopecks: bonusShare === null ? 0 : Number(shareOf(toPay, bonusShare)),
    maxBonusPaymentKopecks: paymentShare === null ? Number(toPay) : Number(shareOf(toPay, paymentShare)),
  }
}
