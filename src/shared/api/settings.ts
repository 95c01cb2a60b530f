// `GET/PUT /api/v0/settings`: the server's program settings, one document per server (API.md "settings").
import { z } from 'zod'
import { money, timestamp, version } from './common'

export const requiredAccountField = z.enum(['holder_name', 'phone', 'email', 'birth_date'])
export type RequiredAccountField = z.infer<typeof requiredAccountField>

/** «Время смены суток»: `HH:MM`, 00:00–23:59. */
export const dayChangeTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'HH:MM, 00:00–23:59' })

/** An IANA time zone name the runtime knows (`Europe/Moscow`). */
export const timezone = z
  .string()
  .min(1)
  .max(64)
  .refine(
    (name) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: name })
        return true
      } catch {
        return false
      }
    },
    { message: 'An IANA time zone, e.g. Europe/Moscow' },
  )

const settingsFields = {
  day_change_time: dayChangeTime,
  timezone,
  required_account_fields: z.array(requiredAccountField).max(requiredAccountField.options.length),
  /** Roubles one account may pay with bonus per business day, week and month; null = no limit. */
  bonus_payment_limits: z.strictObject({
    per_day: money.nullable(),
    per_week: money.nullable(),
    per_month: money.nullable(),
  }),
  accrual_delay_days: z.number().int().min(0).max(365),
  temporary_identifiers: z.strictObject({
    enabled: z.boolean(),
    ttl_minutes: z.number().int().min(1).max(10_080),
    length: z.number().int().min(4).max(12),
  }),
}

/** `PUT /settings` (admin): every field plus the `version` it was based on. */
export const settingsUpdate = z.strictObject({ ...settingsFields, version })
export type SettingsUpdate = z.infer<typeof settingsUpdate>

export const settings = z.strictObject({
  ...settingsFields,
  version,
  updated_at: timestamp,
  updated_by: z.string().nullable(),
})
export type Settings = z.infer<typeof settings>
