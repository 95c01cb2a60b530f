import type { Migration } from './migrations'

/**
 * The program's settings (API.md "settings") and what they act on:
 * - the settings document in `settings` under `program_settings`, starting from the defaults at version 1;
 * - `operations.purchase_id`: the bill a bonus credit or a payment with bonus belongs to (payments count against
 *   the per-account limits; manual withdrawals do not);
 * - `operations.available_at`: when a deferred bonus credit becomes spendable (null: at once). The balance holds
 *   it from the start; what is still pending is subtracted where spending is checked.
 */
export const programSettingsMigration: Migration = {
  version: 4,
  name: 'program settings, deferred accruals, payments with bonus',
  up(sqlite) {
    sqlite.exec(`
      ALTER TABLE operations ADD COLUMN purchase_id INTEGER REFERENCES purchases(id);
      ALTER TABLE operations ADD COLUMN available_at TEXT;
      CREATE INDEX operations_pending ON operations(account_id, available_at) WHERE available_at IS NOT NULL;
      CREATE INDEX operations_payments ON operations(account_id, created_at)
        WHERE purchase_id IS NOT NULL AND type = 'withdraw';
    `)
    sqlite.prepare('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)').run(
      PROGRAM_SETTINGS_KEY,
      JSON.stringify({
        ...DEFAULT_PROGRAM_SETTINGS,
        version: 1,
        updated_at: new Date().toISOString(),
        updated_by: null,
      }),
    )
  },
}

export const PROGRAM_SETTINGS_KEY = 'program_settings'

/** API.md's defaults. */
export const DEFAULT_PROGRAM_SETTINGS = {
  day_change_time: '00:00',
  timezone: 'Europe/Moscow',
  required_account_fields: [],
  bonus_payment_limits: { per_day: null, per_week: null, per_month: null },
  accrual_delay_days: 0,
  temporary_identifiers: { enabled: false, ttl_minutes: 15, length: 6 },
} as const
