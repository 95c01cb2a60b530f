import type { Migration } from './migrations'

/**
 * Part 2 of the schema: what accounts need at a million rows. Migration 1 already has `accounts` and
 * `account_identifiers`; this adds
 * - `account_search`: lowercased prefix-search keys of every account (number, phone, holder name and its words,
 *   e-mail, identifier values) with its group, so a search — within a group too — is an index range scan;
 * - `purchases`: what tills reported, for `rolling_days` ladders (a covering index sums an account's window);
 * - `operations`: the bonus ledger (deposit, withdraw, and the bonus a purchase credits), with the account's
 *   group at the time of the operation;
 * - aggregates kept by triggers, so reports never scan a million rows: `group_balances` (balance per group) and
 *   `operation_days` (count and amount per UTC day, type and group);
 * - indexes for range counts of accounts per ladder step and for the `downgrade: false` correction.
 */
export const accountsMigration: Migration = {
  version: 2,
  name: 'account search, purchases, operations ledger, report aggregates',
  up(sqlite) {
    sqlite.exec(`
      CREATE TABLE account_search (
        term TEXT NOT NULL,
        account_id INTEGER NOT NULL,
        group_id INTEGER NOT NULL,
        PRIMARY KEY (term, account_id)
      ) STRICT, WITHOUT ROWID;
      -- The same keys per group: a search within a group is one range too.
      CREATE INDEX account_search_group ON account_search(group_id, term);

      CREATE TABLE purchases (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        amount INTEGER NOT NULL CHECK (amount > 0),
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;
      CREATE INDEX purchases_account_time ON purchases(account_id, created_at, amount);

      CREATE TABLE operations (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id),
        group_id INTEGER NOT NULL,
        type TEXT NOT NULL CHECK (type IN ('deposit', 'withdraw', 'bonus')),
        amount INTEGER NOT NULL CHECK (amount > 0),
        balance_after INTEGER NOT NULL CHECK (balance_after >= 0),
        comment TEXT,
        batch_id TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT
      ) STRICT;
      CREATE INDEX operations_time ON operations(created_at);
      CREATE INDEX operations_account_time ON operations(account_id, created_at);
      CREATE INDEX operations_group_time ON operations(group_id, created_at);

      CREATE TABLE operation_days (
        day TEXT NOT NULL,
        type TEXT NOT NULL,
        group_id INTEGER NOT NULL,
        count INTEGER NOT NULL,
        amount INTEGER NOT NULL,
        PRIMARY KEY (day, type, group_id)
      ) STRICT, WITHOUT ROWID;

      -- The ledger is append-only: only inserts move the per-day aggregate.
      CREATE TRIGGER operations_days_insert AFTER INSERT ON operations BEGIN
        INSERT INTO operation_days (day, type, group_id, count, amount)
        VALUES (substr(NEW.created_at, 1, 10), NEW.type, NEW.group_id, 1, NEW.amount)
        ON CONFLICT (day, type, group_id) DO UPDATE SET count = count + 1, amount = amount + excluded.amount;
      END;

      CREATE TABLE group_balances (
        group_id INTEGER PRIMARY KEY,
        balance_total INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER group_balances_insert AFTER INSERT ON accounts WHEN NEW.balance <> 0 BEGIN
        INSERT INTO group_balances (group_id, balance_total) VALUES (NEW.group_id, NEW.balance)
        ON CONFLICT (group_id) DO UPDATE SET balance_total = balance_total + excluded.balance_total;
      END;
      CREATE TRIGGER group_balances_delete AFTER DELETE ON accounts WHEN OLD.balance <> 0 BEGIN
        UPDATE group_balances SET balance_total = balance_total - OLD.balance WHERE group_id = OLD.group_id;
      END;
      CREATE TRIGGER group_balances_update AFTER UPDATE OF balance, group_id ON accounts
        WHEN OLD.balance <> NEW.balance OR OLD.group_id <> NEW.group_id BEGIN
        UPDATE group_balances SET balance_total = balance_total - OLD.balance WHERE group_id = OLD.group_id;
        INSERT INTO group_balances (group_id, balance_total) VALUES (NEW.group_id, NEW.balance)
        ON CONFLICT (group_id) DO UPDATE SET balance_total = balance_total + excluded.balance_total;
      END;

      -- Accounts per ladder step are counted as ranges of these (all_time ladders); the first also covers what
      -- placing a group's accounts on a ladder reads (previews).
      CREATE INDEX accounts_group_totals
        ON accounts(group_id, spend_total, visits, highest_step_ladder_id, highest_step_index);
      CREATE INDEX accounts_group_visits ON accounts(group_id, visits);
      -- A group operation refuses a group with a blocked account: found without reading the group.
      CREATE INDEX accounts_blocked ON accounts(group_id) WHERE blocked <> 0;
      -- downgrade: false — the accounts whose highest step reached is above what their value gives now.
      CREATE INDEX accounts_highest_step
        ON accounts(highest_step_ladder_id, highest_step_index, group_id, spend_total, visits)
        WHERE highest_step_ladder_id IS NOT NULL;
    `)
  },
}
