import type { Migration } from './migrations'

/**
 * Temporary identifiers (settings' `temporary_identifiers`): a short numeric code issued for one account, which
 * a guest's app or a bot shows at the till; it finds the account until `expires_at`, then never again.
 */
export const temporaryIdentifiersMigration: Migration = {
  version: 5,
  name: 'temporary identifiers',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE temporary_identifiers (
        id INTEGER PRIMARY KEY,
        value TEXT NOT NULL,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        expires_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;
      CREATE INDEX temporary_identifiers_value ON temporary_identifiers(value, expires_at);
    `)
  },
}
