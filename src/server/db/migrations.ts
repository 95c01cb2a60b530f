import type BetterSqlite3 from 'better-sqlite3'
import { accountsMigration } from './migration-2-accounts'
import { digitSearchMigration } from './migration-3-digit-search'
import { programSettingsMigration } from './migration-4-program-settings'
import { temporaryIdentifiersMigration } from './migration-5-temporary-identifiers'
import { usersMigration } from './migration-6-users'
import { stepOverridesMigration } from './migration-7-step-overrides'
import { digitPhrasesMigration } from './migration-8-digit-phrases'

/**
 * Versioned schema migrations, applied in order at start. The applied version is SQLite's `user_version`.
 * Never edit a released migration: append a new one (part 2 adds accounts search, operations, … as version 2+).
 */
export interface Migration {
  version: number
  name: string
  up(sqlite: BetterSqlite3.Database): void
}

const audit = `created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT`

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, sessions, catalog, ladders, groups, identifier types, accounts, idempotency',
    up(sqlite) {
      sqlite.exec(`
        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

        CREATE TABLE users (
          id INTEGER PRIMARY KEY,
          login TEXT NOT NULL,
          login_key TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('admin', 'marketing', 'viewer')),
          password_hash TEXT NOT NULL,
          active INTEGER NOT NULL DEFAULT 1,
          email TEXT,
          comment TEXT,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE login_sessions (
          id TEXT PRIMARY KEY,
          user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
          created_at TEXT NOT NULL,
          revoked_at TEXT,
          revoked_reason TEXT
        ) STRICT;
        CREATE INDEX login_sessions_user ON login_sessions(user_id);

        CREATE TABLE refresh_tokens (
          token_hash TEXT PRIMARY KEY,
          session_id TEXT NOT NULL REFERENCES login_sessions(id) ON DELETE CASCADE,
          expires_at INTEGER NOT NULL,
          rotated_at TEXT,
          created_at TEXT NOT NULL
        ) STRICT;
        CREATE INDEX refresh_tokens_session ON refresh_tokens(session_id);

        CREATE TABLE rk_discounts (
          id INTEGER PRIMARY KEY,
          rk_code INTEGER NOT NULL UNIQUE,
          name TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('percent', 'amount')),
          value_hundredths INTEGER NOT NULL CHECK (value_hundredths >= 0),
          active INTEGER NOT NULL,
          synced_at TEXT NOT NULL
        ) STRICT;

        CREATE TABLE ladders (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          basis TEXT NOT NULL CHECK (basis IN ('spend', 'visits')),
          period TEXT NOT NULL CHECK (period IN ('all_time', 'rolling_days')),
          period_days INTEGER,
          downgrade INTEGER NOT NULL,
          active INTEGER NOT NULL,
          version INTEGER NOT NULL,
          ${audit}
        ) STRICT;

        CREATE TABLE ladder_steps (
          ladder_id INTEGER NOT NULL REFERENCES ladders(id) ON DELETE CASCADE,
          idx INTEGER NOT NULL,
          name TEXT NOT NULL,
          threshold INTEGER NOT NULL,
          rk_discount_id INTEGER REFERENCES rk_discounts(id),
          bonus_bp INTEGER,
          max_payment_bp INTEGER,
          PRIMARY KEY (ladder_id, idx)
        ) STRICT, WITHOUT ROWID;
        CREATE INDEX ladder_steps_rk_discount ON ladder_steps(rk_discount_id);

        CREATE TABLE ladder_versions (
          ladder_id INTEGER NOT NULL REFERENCES ladders(id) ON DELETE CASCADE,
          version INTEGER NOT NULL,
          snapshot TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          updated_by TEXT,
          PRIMARY KEY (ladder_id, version)
        ) STRICT, WITHOUT ROWID;

        CREATE TABLE account_groups (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL,
          description TEXT,
          ladder_id INTEGER REFERENCES ladders(id),
          active INTEGER NOT NULL,
          accounts_count INTEGER NOT NULL DEFAULT 0,
          version INTEGER NOT NULL,
          ${audit}
        ) STRICT;
        CREATE INDEX account_groups_ladder ON account_groups(ladder_id);

        CREATE TABLE identifier_types (
          id INTEGER PRIMARY KEY,
          code TEXT NOT NULL UNIQUE,
          name TEXT NOT NULL,
          kind TEXT NOT NULL
            CHECK (kind IN ('card_number', 'phone', 'magnetic_track', 'barcode', 'qr', 'email', 'other')),
          pattern TEXT,
          min_length INTEGER,
          max_length INTEGER,
          unique_values INTEGER NOT NULL,
          active INTEGER NOT NULL,
          version INTEGER NOT NULL,
          ${audit}
        ) STRICT;

        CREATE TABLE accounts (
          id INTEGER PRIMARY KEY,
          number TEXT NOT NULL UNIQUE,
          holder_name TEXT,
          phone TEXT,
          email TEXT,
          birth_date TEXT,
          group_id INTEGER NOT NULL REFERENCES account_groups(id),
          blocked INTEGER NOT NULL DEFAULT 0,
          balance INTEGER NOT NULL DEFAULT 0 CHECK (balance >= 0),
          spend_total INTEGER NOT NULL DEFAULT 0 CHECK (spend_total >= 0),
          visits INTEGER NOT NULL DEFAULT 0 CHECK (visits >= 0),
          highest_step_ladder_id INTEGER,
          highest_step_index INTEGER,
          version INTEGER NOT NULL,
          ${audit}
        ) STRICT;
        CREATE INDEX accounts_group ON accounts(group_id);

        CREATE TABLE account_identifiers (
          account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          type_id INTEGER NOT NULL REFERENCES identifier_types(id),
          value TEXT NOT NULL,
          PRIMARY KEY (account_id, position)
        ) STRICT;
        CREATE INDEX account_identifiers_type_value ON account_identifiers(type_id, value);

        -- accounts_count of a group follows its accounts without a COUNT(*) over a million rows.
        CREATE TRIGGER accounts_count_insert AFTER INSERT ON accounts BEGIN
          UPDATE account_groups SET accounts_count = accounts_count + 1 WHERE id = NEW.group_id;
        END;
        CREATE TRIGGER accounts_count_delete AFTER DELETE ON accounts BEGIN
          UPDATE account_groups SET accounts_count = accounts_count - 1 WHERE id = OLD.group_id;
        END;
        CREATE TRIGGER accounts_count_move AFTER UPDATE OF group_id ON accounts
          WHEN OLD.group_id <> NEW.group_id BEGIN
          UPDATE account_groups SET accounts_count = accounts_count - 1 WHERE id = OLD.group_id;
          UPDATE account_groups SET accounts_count = accounts_count + 1 WHERE id = NEW.group_id;
        END;

        CREATE TABLE idempotency_keys (
          scope TEXT NOT NULL,
          key TEXT NOT NULL,
          request_hash TEXT NOT NULL,
          status_code INTEGER NOT NULL,
          response TEXT NOT NULL,
          created_at TEXT NOT NULL,
          PRIMARY KEY (scope, key)
        ) STRICT;
      `)
    },
  },
  accountsMigration,
  digitSearchMigration,
  programSettingsMigration,
  temporaryIdentifiersMigration,
  usersMigration,
  stepOverridesMigration,
  digitPhrasesMigration,
]

/** Applies the migrations the database has not seen yet, each in its own transaction. Returns the version before. */
export function migrate(
  sqlite: BetterSqlite3.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  const before = Number(sqlite.pragma('user_version', { simple: true }))
  const latest = migrations.reduce((max, m) => Math.max(max, m.version), 0)
  if (before > latest) {
    throw new Error(`The database is at schema version ${before}, newer than this server knows (${latest})`)
  }
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= before) continue
    sqlite
      .transaction(() => {
        migration.up(sqlite)
        sqlite.pragma(`user_version = ${migration.version}`)
      })
      .immediate()
  }
  return before
}
