import type { Migration } from './migrations'

/**
 * A discount level set by hand (API.md, accounts): at most one per account, on the ladder its group had when it
 * was set. `until` is the last business day it holds (NULL: until removed); it is read against the settings'
 * business clock, so an ended one is simply ignored until it is replaced or removed.
 */
export const stepOverridesMigration: Migration = {
  version: 7,
  name: 'discount levels set by hand',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE account_step_overrides (
        account_id INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        ladder_id INTEGER NOT NULL,
        idx INTEGER NOT NULL CHECK (idx >= 0),
        mode TEXT NOT NULL CHECK (mode IN ('pin', 'floor')),
        until TEXT,
        reason TEXT NOT NULL,
        set_by TEXT,
        set_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX account_step_overrides_ladder ON account_step_overrides(ladder_id, idx);
    `)
  },
}
