// Money is integer kopecks inside the code and roubles with at most 2 decimals on the wire.
// Conversions go through the decimal string so that 0.1 + 0.2 style float noise never leaks into kopecks.

/**
 * True when `value` is finite and is exactly the double a decimal with at most `decimals` digits after the
 * point parses to (so `1234.5` and `0.3` pass, `1.005` and `0.1 + 0.2` do not).
 */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return false
  return Number(value.toFixed(decimals)) === value
}

/** Roubles (at most 2 decimals) → integer kopecks, exactly. Throws on more decimals or non-finite input. */
export function toKopecks(roubles: number): number {
  if (!hasAtMostDecimals(roubles, 2)) throw new RangeError(`Not a money amount: ${roubles}`)
  const kopecks = Math.round(roubles * 100)
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Money amount out of range: ${roubles}`)
  return kopecks === 0 ? 0 : kopecks
}

/** Integer kopecks → the exact decimal string of roubles with 2 decimals: `-1234.05`. */
export function kopecksToDecimal(kopecks: number): string {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Not a kopeck amount: ${kopecks}`)
  const sign = kopecks < 0 ? '-' : ''
  const abs = Math.abs(kopecks)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** Integer kopecks → roubles as the nearest double (exact to 2 decimals when printed). */
export function fromKopecks(kopecks: number): number {
  const value = Number(kopecksToDecimal(kopecks))
  return value === 0 ? 0 : value
}

/** The largest amount the API accepts: 10^12 roubles keeps every kopeck count a safe integer. */
export const MAX_MONEY_ROUBLES = 1_000_000_000_000

export type MoneyLang = 'ru' | 'en'

const formatters = new Map<string, Intl.NumberFormat>()
function moneyFormatter(lang: MoneyLang, fractionDigits: 0 | 2): Intl.NumberFormat {
  const key = `${lang}:${fractionDigits}`
  let formatter = formatters.get(key)
  if (!formatter) {
    formatter = new Intl.NumberFormat(lang === 'ru' ? 'ru-RU' : 'en-US', {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: fractionDigits,
      maximumFractionDigits: fractionDigits,
    })
    formatters.set(key, formatter)
  }
  return formatter
}

/** The one space `formatMoney` puts between digit groups and before `₽`, whatever the ICU version prints. */
export const MONEY_SPACE = '\u00A0'

/**
 * Kopecks for people: `30 000 ₽`, `30 000,50 ₽` (ru), `₽30,000`, `₽30,000.50` (en). Kopecks are shown only when
 * not zero. Formats the exact decimal string (never a float), and every space Intl prints becomes a no-break
 * space (MONEY_SPACE) so the text is the same on every machine. Returns `—` for a value that is not kopecks.
 */
export function formatMoney(kopecks: number, lang: MoneyLang): string {
  if (!Number.isSafeInteger(kopecks)) return '—'
  const decimal = kopecksToDecimal(kopecks) as `${number}`
  return moneyFormatter(lang, kopecks % 100 === 0 ? 0 : 2)
    .format(decimal)
    .replace(/[\s\u00A0\u202F]/gu, MONEY_SPACE)
}

const SPACES = '[ \\u00A0\\u202F\\u2009]'
const moneyInput: Record<MoneyLang, RegExp> = {
  // 30000 · 30 000 · 30 000,50 · 30000.5
  ru: new RegExp(`^(\\d{1,3}(?:${SPACES}\\d{3})+|\\d+)(?:[.,](\\d{1,2}))?$`, 'u'),
  // 30000 · 30,000 · 30 000 · 30,000.50
  en: new RegExp(`^(\\d{1,3}(?:${SPACES}\\d{3})+|\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d{1,2}))?$`, 'u'),
}

/**
 * A money amount typed into a form → kopecks, or null when it is not one: accepts digit groups separated by
 * spaces (or commas in English), a decimal comma (Russian) or point (both) with at most 2 decimals, and an
 * optional `₽` before or after. Negative amounts, more decimals, amounts above MAX_MONEY_ROUBLES and junk → null.
 */
export function parseMoney(text: string, lang: MoneyLang): number | null {
  if (typeof text !== 'string') return null
  const trimmed = text
    .trim()
    .replace(/^₽\s*|\s*₽$/u, '')
    .trim()
  const match = moneyInput[lang].exec(trimmed)
  if (!match) return null
  const digits = (match[1] ?? '').replace(/\D/g, '').replace(/^0+(?=\d)/, '')
  if (digits.length > String(MAX_MONEY_ROUBLES).length) return null
  const roubles = Number(digits)
  if (roubles > MAX_MONEY_ROUBLES) return null
  const kopecks = roubles * 100 + Number((match[2] ?? '').padEnd(2, '0'))
  return kopecks > MAX_MONEY_ROUBLES * 100 ? null : kopecks
}

/**
 * Kopecks as a form shows them, without the currency sign: `30 000`, `30 000,50` (ru), `30,000.50` (en); spaces
 * are no-break spaces (MONEY_SPACE). `parseMoney` reads it back.
 */
export function formatMoneyInput(kopecks: number, lang: MoneyLang): string {
  return formatMoney(kopecks, lang)
    .replace(/₽/u, '')
    .replace(new RegExp(`^${MONEY_SPACE}+|${MONEY_SPACE}+$`, 'gu'), '')
}

/**
 * A percent typed into a form (`12,5`, `12.5`, `12 %`) → the number, or null when it is not a number with at most
 * 2 decimals. The range (0–100) is the schema's to check, so that the message says what is allowed.
 */
export function parsePercent(text: string): number | null {
  const trimmed = text
    .trim()
    .replace(/\s*%$/u, '')
    .replace(/[\s\u00a0\u202f]/gu, '')
  const match = /^-?\d+(?:[.,](\d{1,2}))?$/u.exec(trimmed)
  if (!match) return null
  const value = Number(trimmed.replace(',', '.'))
  return Number.isFinite(value) && hasAtMostDecimals(value, 2) ? value : null
}

/** A percent as a form shows it: `12,5` (ru), `12.5` (en). */
export function formatPercentInput(value: number, lang: MoneyLang): string {
  return lang === 'ru' ? String(value).replace('.', ',') : String(value)
}
