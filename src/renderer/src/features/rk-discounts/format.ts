// How an RK discount's value reads: "12,5 %" or "150 ₽".
import type { RkDiscount } from '@shared/api'
import { formatMoney, hasAtMostDecimals, toKopecks } from '@shared/domain'
import { formatNumber } from '../../app/format'
import type { Language } from '../../app/i18n'

export function formatDiscountValue(
  discount: Pick<RkDiscount, 'kind' | 'value'>,
  language: Language,
): string {
  if (discount.kind === 'percent') return `${formatNumber(discount.value, language)}\u00a0%`
  return hasAtMostDecimals(discount.value, 2)
    ? formatMoney(toKopecks(discount.value), language)
    : formatNumber(discount.value, language)
}

/** Percent and amount discounts are different scales: every percent before every amount, each by its value. */
const KIND_RANK: Record<RkDiscount['kind'], number> = { percent: 0, amount: 1 }
/** Above any value in hundredths (amounts are at most 10^9 roubles = 10^11 kopecks). */
const KIND_STEP = 1e12

/** What the «Размер» column sorts by: kind first (percent, then amount), then the value. */
export function discountValueSortKey(discount: Pick<RkDiscount, 'kind' | 'value'>): number {
  return KIND_RANK[discount.kind] * KIND_STEP + toKopecks(discount.value)
}
