// Dates and times for people, in the UI language. Pure functions of (value, language, now).
import { formatMoney } from '@shared/domain'
import type { Language } from './i18n'

const locales: Record<Language, string> = { ru: 'ru-RU', en: 'en-GB' }

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

// Intl formatters are costly to build (a table cell formatting a date used to build one per cell and render):
// one per language and shape, reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()

function dateFormat(
  language: Language,
  key: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const id = `${language}:${key}`
  let format = formatters.get(id) as Intl.DateTimeFormat | undefined
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], options)
    formatters.set(id, format)
  }
  return format
}

function numberFormat(language: Language): Intl.NumberFormat {
  const id = `${language}:number`
  let format = formatters.get(id) as Intl.NumberFormat | undefined
  if (!format) {
    format = new Intl.NumberFormat(locales[language], { maximumFractionDigits: 2 })
    formatters.set(id, format)
  }
  return format
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate()
}

/** "14:32" today, "12.03 14:32" (ru) / "12 Mar 14:32" (en) on another day this year, with the year otherwise. */
export function formatDataTime(iso: string | null | undefined, language: Language, now = new Date()): string {
  const date = parse(iso)
  if (!date) return ''
  const time = dateFormat(language, 'time', { hour: '2-digit', minute: '2-digit' }).format(date)
  if (sameDay(date, now)) return time
  const thisYear = date.getFullYear() === now.getFullYear()
  const day = dateFormat(language, thisYear ? 'day' : 'day-year', {
    day: 'numeric',
    month: language === 'ru' ? '2-digit' : 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
  }).format(date)
  return `${day} ${time}`
}

/** Full date and time: "12.03.2026, 14:32". */
export function formatDateTime(iso: string | null | undefined, language: Language): string {
  const date = parse(iso)
  if (!date) return ''
  return dateFormat(language, 'full', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date)
}

/** A plain number with the language's digit grouping: "10 000" / "10,000". */
export function formatNumber(value: number, language: Language): string {
  return numberFormat(language).format(value)
}

/** The user's name and role, each once: a user whose name is the role's own name («Администратор») shows it once. */
export function userText(name: string, role: string): string {
  const trimmed = name.trim()
  if (!role || trimmed.toLocaleLowerCase() === role.toLocaleLowerCase()) return trimmed || role
  return `${trimmed} · ${role}`
}

/**
 * Builds the language's date, number and money formatters ahead of their first use: a page's first Intl formatter
 * loads the locale's data (tens of ms), which a screen's first render of a long list would otherwise wait for.
 * Meant for an idle moment at start, while the page waits for its data.
 */
export function warmFormatters(language: Language, now = new Date()): void {
  formatDataTime(now.toISOString(), language, now)
  formatDataTime(new Date(now.getTime() - 2 * 86_400_000).toISOString(), language, now)
  formatNumber(1.5, language)
  formatMoney(150, language)
  formatMoney(15_050, language)
}
