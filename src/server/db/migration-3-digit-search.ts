import type BetterSqlite3 from 'better-sqlite3'
import type { Migration } from './migrations'
import { accountDigits } from '../services/account-search'

/**
 * Digits anywhere: a cashier asks for the last 4 digits of a phone or card. `account_digits` holds, per account
 * (rowid = account id), the digit runs of its number, phone and identifier values, in an FTS5 table with the
 * trigram tokenizer: `digits LIKE '%4567%'` is then an index lookup of the query's trigrams, verified by FTS5
 * itself. `detail=none` keeps it small (LIKE needs no positions).
 */
export const digitSearchMigration: Migration = {
  version: 3,
  name: 'digit search anywhere in numbers, phones and identifier values',
  up(sqlite) {
    sqlite.exec("CREATE VIRTUAL TABLE account_digits USING fts5(digits, tokenize = 'trigram', detail = none)")
    fillAccountDigits(sqlite)
  },
}

/** Writes the digits of every account that has none yet (a database made before this migration, or a seed). */
export function fillAccountDigits(sqlite: BetterSqlite3.Database): void {
  const insert = sqlite.prepare('INSERT INTO account_digits (rowid, digits) VALUES (?, ?)')
  const identifiers = sqlite.prepare(
    'SELECT value FROM account_identifiers WHERE account_id = ? ORDER BY position',
  )
  const accounts = sqlite.prepare(
    `SELECT id, number, phone FROM accounts
     WHERE id NOT IN (SELECT rowid FROM account_digits) ORDER BY id`,
  )
  const rows = accounts.all() as { id: number; number: string; phone: string | null }[]
  for (const row of rows) {
    const values = (identifiers.pluck().all(row.id) as string[]) ?? []
    const digits = accountDigits(row, values)
    if (digits !== '') insert.run(row.id, digits)
  }
}
