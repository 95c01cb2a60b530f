import BetterSqlite3 from 'better-sqlite3'

/**
 * A second connection to a running sandbox's database, for tests that need rows the part-1 API cannot create yet
 * (accounts) or that check the database directly. WAL lets it write while the server has the file open.
 */
export function openSandboxDb(path: string): { db: BetterSqlite3.Database } {
  const db = new BetterSqlite3(path)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  return { db }
}
