// The range of accumulated values a ladder step covers, in words: thresholds are inclusive and the next step's
// threshold is where this one ends, so the editor says «от 30 000 ₽ до 99 999,99 ₽» and «от 100 000 ₽ и выше»
// instead of leaving "is 30 000 in or out?" to the reader.
import type { LadderBasis } from '../api/ladders'
import { MAX_THRESHOLD } from './ladder-rules'
import { formatMoney, hasAtMostDecimals, toKopecks, type MoneyLang } from './money'

export interface StepRange {
  /** The first value on the step (roubles for `spend`, bills for `visits`). */
  from: number
  /** The last value on the step; null for the last step (open upwards) or when the next threshold is unusable. */
  to: number | null
}

const usable = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= MAX_THRESHOLD

/**
 * The values step `index` covers: from its threshold to just below the next step's (a kopeck for `spend`, one
 * visit for `visits`). Null when the step's own threshold is not a usable number (or wrong for the basis). A next
 * threshold that is missing, unusable or not above this one leaves the range open (the validator reports it).
 */
export function stepRange(
  thresholds: readonly unknown[],
  index: number,
  basis: LadderBasis,
): StepRange | null {
  const from = thresholds[index]
  if (!usable(from) || !fitsBasis(from, basis)) return null
  const next = thresholds[index + 1]
  if (!usable(next) || !fitsBasis(next, basis) || next <= from) return { from, to: null }
  const to = basis === 'visits' ? next - 1 : (toKopecks(next) - 1) / 100
  return { from, to }
}

function fitsBasis(value: number, basis: LadderBasis): boolean {
  return basis === 'visits' ? Number.isInteger(value) : hasAtMostDecimals(value, 2)
}

/** «визит / визита / визитов» for `count` (the nominative: «1 визит», «2 визита», «5 визитов»). */
function visitsNominative(count: number): string {
  const mod10 = count % 10
  const mod100 = count % 100
  if (mod10 === 1 && mod100 !== 11) return 'визит'
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 'визита'
  return 'визитов'
}

/** After «от» and «до» Russian takes the genitive: «от 1 визита», «от 21 визита», «до 19 визитов». */
function visitsGenitive(count: number): string {
  return count % 10 === 1 && count % 100 !== 11 ? 'визита' : 'визитов'
}

const integerFormatters = new Map<MoneyLang, Intl.NumberFormat>()
function formatCount(value: number, lang: MoneyLang): string {
  let formatter = integerFormatters.get(lang)
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', { maximumFractionDigits: 0 })
    integerFormatters.set(lang, formatter)
  }
  return formatter.format(value).replace(/[\s\u00A0\u202F]/gu, '\u00A0')
}

/**
 * The range of step `index` in words, or null when its threshold is not usable yet:
 * - spend: «от 30 000 ₽ до 99 999,99 ₽», the last «от 100 000 ₽ и выше» (en: «from ₽30,000 to ₽99,999.99»,
 *   «₽100,000 and above»);
 * - visits: «от 10 до 19 визитов», «ровно 1 визит», the last «от 10 визитов и больше» (en: «from 10 to 19 visits»,
 *   «exactly 1 visit», «10 visits and more»).
 */
export function stepRangeText(
  thresholds: readonly unknown[],
  index: number,
  basis: LadderBasis,
  lang: MoneyLang,
): string | null {
  const range = stepRange(thresholds, index, basis)
  if (!range) return null
  const { from, to } = range
  if (basis === 'spend') {
    const money = (value: number) => formatMoney(toKopecks(value), lang)
    if (to === null) return lang === 'ru' ? `от ${money(from)} и выше` : `${money(from)} and above`
    return lang === 'ru' ? `от ${money(from)} до ${money(to)}` : `from ${money(from)} to ${money(to)}`
  }
  const count = (value: number) => formatCount(value, lang)
  if (to === null) {
    return lang === 'ru'
      ? `от ${count(from)} ${visitsGenitive(from)} и больше`
      : `${count(from)} ${from === 1 ? 'visit' : 'visits'} and more`
  }
  if (to === from) {
    return lang === 'ru'
      ? `ровно ${count(from)} ${visitsNominative(from)}`
      : `exactly ${count(from)} ${from === 1 ? 'visit' : 'visits'}`
  }
  return lang === 'ru'
    ? `от ${count(from)} до ${count(to)} ${visitsGenitive(to)}`
    : `from ${count(from)} to ${count(to)} visits`
}
