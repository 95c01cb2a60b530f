// How the insight panels say amounts: thresholds and accumulations in the ladder's unit (money or visits),
// percents, steps. Money through the shared money helpers, numbers through app/format.
import type { TFunction } from 'i18next'
import type { LadderBasis } from '@shared/api'
import { formatMoney } from '@shared/domain'
import { thresholdUnits } from '@shared/domain/simulate'
import { formatNumber } from '../../../app/format'
import type { Language } from '../../../app/i18n'

/** An amount in accumulation units (kopecks for `spend`, visits for `visits`) for people. */
export function unitsText(basis: LadderBasis, units: number, language: Language, t: TFunction): string {
  return basis === 'spend' ? formatMoney(units, language) : t('ladderInsight.visits', { count: units })
}

/** A threshold as the API carries it (roubles or visits) for people. */
export function thresholdText(
  basis: LadderBasis,
  threshold: number,
  language: Language,
  t: TFunction,
): string {
  return Number.isFinite(threshold)
    ? unitsText(basis, thresholdUnits(basis, threshold), language, t)
    : t('ladderInsight.none')
}

export function percentText(value: number | null | undefined, language: Language, t: TFunction): string {
  return value === null || value === undefined
    ? t('ladderInsight.none')
    : t('ladderInsight.percent', { value: formatNumber(value, language) })
}

/** A step reference «2 · Серебро», or «ниже всех ступеней». */
export function stepRefText(step: { index: number; name: string } | null, t: TFunction): string {
  return step ? `${step.index + 1} · ${step.name}` : t('ladderInsight.belowAll')
}
