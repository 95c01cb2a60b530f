// The settings form: the settings body's input shape (the shared schema is the form's resolver).
import type { z } from 'zod'
import type { SettingsDocument, settingsBody } from '@shared/resources'

export type SettingsForm = z.input<typeof settingsBody>

export function settingsToForm(settings: SettingsDocument | null): SettingsForm {
  return {
    day_change_time: settings?.day_change_time ?? '00:00',
    timezone: settings?.timezone ?? 'Europe/Moscow',
    required_account_fields: settings?.required_account_fields ?? [],
    bonus_payment_limits: settings?.bonus_payment_limits ?? {
      per_day: null,
      per_week: null,
      per_month: null,
    },
    accrual_delay_days: settings?.accrual_delay_days ?? 0,
    temporary_identifiers: settings?.temporary_identifiers ?? { enabled: false, ttl_minutes: 15, length: 6 },
  }
}
