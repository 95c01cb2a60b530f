import { type Settings, settings as settingsSchema, type SettingsUpdate } from '@shared/api'
import { type BusinessClock, businessPeriodsAt, type BusinessPeriod, toKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { DEFAULT_PROGRAM_SETTINGS, PROGRAM_SETTINGS_KEY } from '../db/migration-4-program-settings'
import { assertVersion } from '../errors'
import { execute, valueOf } from './sql'

// The program's settings: one document per server, versioned like every entity. Read on every purchase and
// account write, so the parsed document is kept until the next write of it.

const cache = new WeakMap<ServerContext, Settings>()

export function getSettings(ctx: ServerContext): Settings {
  const cached = cache.get(ctx)
  if (cached) return cached
  const stored = valueOf<string>(ctx, 'SELECT value FROM settings WHERE key = ?', PROGRAM_SETTINGS_KEY)
  const parsed = settingsSchema.parse(
    stored === undefined
      ? { ...DEFAULT_PROGRAM_SETTINGS, version: 1, updated_at: ctx.nowIso(), updated_by: null }
      : JSON.parse(stored),
  )
  cache.set(ctx, parsed)
  return parsed
}

/** `PUT /settings`: the whole document with the version it was based on; a stale version is 409 with current. */
export function updateSettings(ctx: ServerContext, input: SettingsUpdate, actor: string | null): Settings {
  return ctx.db.tx(() => {
    cache.delete(ctx)
    const current = getSettings(ctx)
    assertVersion(current.version, input.version, () => current)
    const { version: _based, ...fields } = input
    const next: Settings = {
      ...fields,
      required_account_fields: [...new Set(fields.required_account_fields)],
      version: current.version + 1,
      updated_at: ctx.nowIso(),
      updated_by: actor,
    }
    execute(
      ctx,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      PROGRAM_SETTINGS_KEY,
      JSON.stringify(next),
    )
    // A rolled-back transaction must not leave its document cached: read it again next time.
    cache.delete(ctx)
    return next
  })
}

export const businessClock = (ctx: ServerContext): BusinessClock => getSettings(ctx)

/** Per business period now: the limit in kopecks (null: none) and its `[start, end)` instants. */
export function paymentLimitsNow(
  ctx: ServerContext,
): Record<BusinessPeriod, { limit: number | null; start: number; end: number }> {
  const current = getSettings(ctx)
  const periods = businessPeriodsAt(ctx.now(), current)
  const limit = (value: number | null) => (value === null ? null : toKopecks(value))
  return {
    day: { ...periods.day, limit: limit(current.bonus_payment_limits.per_day) },
    week: { ...periods.week, limit: limit(current.bonus_payment_limits.per_week) },
    month: { ...periods.month, limit: limit(current.bonus_payment_limits.per_month) },
  }
}
