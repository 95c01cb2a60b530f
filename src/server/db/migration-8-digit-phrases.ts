import type { Migration } from './migrations'

/**
 * Digit search without reading every candidate's digits: `account_digits` again, with positions (FTS5's default
 * `detail = full` instead of migration 3's `none`). A query's digits are then a phrase of consecutive trigrams
 * that the index alone answers exactly — `"4567"` is `456` followed by `567` — where `detail = none` could only
 * list the accounts holding both trigrams somewhere and had each one's digits read and checked: about 8,000
 * reads for the last 4 digits of a phone at a million accounts. The rows are copied over as they are, and the
 * index merged into one segment.
 */
export const digitPhrasesMigration: Migration = {
  version: 8,
  name: 'digit search: trigram positions, a query is a phrase',
  up(sqlite) {
    sqlite.exec(`
      CREATE VIRTUAL TABLE account_digits_phrases USING fts5(digits, tokenize = 'trigram');
      INSERT INTO account_digits_phrases (rowid, digits) SELECT rowid, digits FROM account_digits;
      DROP TABLE account_digits;
      ALTER TABLE account_digits_phrases RENAME TO account_digits;
      INSERT INTO account_digits (account_digits) VALUES ('optimize');
    `)
  },
}
