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
