import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrate, MIGRATIONS } from './migrations'

describe('migration 8: digit search by phrase', () => {
  it('keeps the digits of a database made before it, now found as phrases of consecutive trigrams', () => {
    const sqlite = new BetterSqlite3(':memory:')
    try {
      migrate(
        sqlite,
        MIGRATIONS.filter((migration) => migration.version < 8),
      )
      const insert = sqlite.prepare('INSERT INTO account_digits (rowid, digits) VALUES (?, ?)')
      insert.run(1, '2700000100001 79161234567')
      insert.run(2, '2700000100002 79035550142')
      migrate(sqlite)
      const found = (digits: string) =>
        sqlite
          .prepare('SELECT rowid FROM account_digits WHERE account_digits MATCH ? ORDER BY rowid')
          .pluck()
          .all(`"${digits}"`)
      expect(found('4567')).toEqual([1])
      expect(found('0142')).toEqual([2])
      expect(found('270000010000')).toEqual([1, 2])
      // The trigrams of 4567 and 1234 are all there, but not in this order; nor across two runs.
      expect(found('45671234')).toEqual([])
      expect(found('00179')).toEqual([])
    } finally {
      sqlite.close()
    }
  })
})
