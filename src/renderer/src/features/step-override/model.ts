// A guest's discount level set by hand, said for people: the card's panel summary and the card's "why". Pure.
import type { TFunction } from 'i18next'
import { type Account, type Role, STEP_OVERRIDE_WRITERS, type StepOverride } from '@shared/api'
import { formatDateTime } from '../../app/format'
import type { Language } from '../../app/i18n'

/** Whether the role may set or remove a level by hand (admin, marketing). */
export const maySetStepOverride = (role: Role | null): boolean =>
  role !== null && (STEP_OVERRIDE_WRITERS as readonly Role[]).includes(role)

/** A business day "YYYY-MM-DD" as people read it (31 декабря 2026 г.). */
export function dayText(date: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ru' ? 'ru-RU' : 'en-GB', {
    dateStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`))
}

/** The last day of the month `today` ("YYYY-MM-DD") falls in. */
export function endOfMonth(today: string): string {
  const [year, month] = today.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10)
}

/** Today's local date as "YYYY-MM-DD". */
export function localToday(now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/**
 * What the override does to the step now: `pin` — it decides; `raised` — a floor above what was accumulated;
 * `idle` — a floor at or below it (the step comes from the accumulation).
 */
export function overrideEffect(override: StepOverride): 'pin' | 'raised' | 'idle' {
  if (override.mode === 'pin') return 'pin'
  return (override.computed_step?.index ?? -1) < override.index ? 'raised' : 'idle'
}

/** The card's "why" when a level is set by hand: who set it, how, why and until when; null without one. */
export function stepOverrideWhy(account: Account, t: TFunction, language: Language): string | null {
  const override = account.step_override
  if (!override) return null
  const values = { who: override.set_by ?? '—', step: override.name, reason: override.reason }
  const effect = overrideEffect(override)
  const how =
    effect === 'pin'
      ? t('stepOverride.why.pin', values)
      : effect === 'raised'
        ? t('stepOverride.why.floorRaised', values)
        : t('stepOverride.why.floorIdle', values)
  const until =
    override.until === null
      ? t('stepOverride.why.openEnded')
      : t('stepOverride.why.until', { date: dayText(override.until, language) })
  return `${how} ${until}`
}

/** The panel's lines about an override in force. */
export function stepOverrideSummary(override: StepOverride, t: TFunction, language: Language): string[] {
  return [
    t(override.mode === 'pin' ? 'stepOverride.summary.pin' : 'stepOverride.summary.floor', {
      step: override.name,
    }),
    override.until === null
      ? t('stepOverride.summary.openEnded')
      : t('stepOverride.summary.until', { date: dayText(override.until, language) }),
    t('stepOverride.summary.reason', { reason: override.reason }),
    t('stepOverride.summary.setBy', {
      who: override.set_by ?? '—',
      when: formatDateTime(override.set_at, language),
    }),
    override.computed_step
      ? t('stepOverride.summary.computed', { step: override.computed_step.name })
      : t('stepOverride.summary.computedNone'),
  ]
}
