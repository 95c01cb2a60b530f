import { closeSync, openSync } from 'node:fs'
import BetterSqlite3 from 'better-sqlite3'
import { type Compilable, Kysely, SqliteDialect } from 'kysely'
import { startCheckpointer } from './checkpointer'
import { migrate } from './migrations'
import type { Database } from './schema'

export type { Database } from './schema'

/**
 * The sandbox's database: one better-sqlite3 connection, Kysely as the typed query builder.
 *
 * Queries are built with `db.q` and run synchronously with `all`/`first`/`run`; every write of a request goes
 * inside `db.tx(() => …)`, a better-sqlite3 transaction (BEGIN IMMEDIATE … COMMIT, rolled back on a throw).
 * Because everything is synchronous, no other request can interleave with a transaction. Do not use Kysely's
 * async `execute()`/`transaction()` for writes: an awaited transaction would let other requests' statements land
 * inside it.
 */
export interface Db {
  readonly sqlite: BetterSqlite3.Database
  /** Query builder only: compile with the helpers below. */
  readonly q: Kysely<Database>
  /** `schemaVersion` before this open's migrations ran: 0 means the database was just created. */
  readonly versionBeforeOpen: number
  all<R>(query: Compilable<R>): R[]
  first<R>(query: Compilable<R>): R | undefined
  run(query: Compilable<unknown>): { changes: number; lastInsertRowid: number }
  /**
   * A query for hot paths, compiled once: build it with placeholder values, then pass the real values in the
   * order the placeholders appear in the SQL. Saves building and compiling the query on every request.
   */
  prepared<R>(query: Compilable<R>): PreparedQuery<R>
  /** Runs `fn` in one transaction; nested calls become savepoints. `fn` must be synchronous. */
  tx<T>(fn: () => T): T
  /** Closes the connection at once; resolves when the background checkpointer has let go of the files too. */
  close(): Promise<void>
}

export interface PreparedQuery<R> {
  all(...values: unknown[]): R[]
  first(...values: unknown[]): R | undefined
  run(...values: unknown[]): { changes: number }
}

const STATEMENT_CACHE_LIMIT = 1000

export function openDatabase(path: string): Db {
  createPrivately(path)
  const sqlite = new BetterSqlite3(path)
  try {
    sqlite.pragma('journal_mode = WAL')
    // WAL with NORMAL sync survives a crash of the process (not of the machine): right for a sandbox. A file's WAL
    // is checkpointed by a worker thread (checkpointer.ts), never inside a request's COMMIT; an in-memory database
    // checkpoints itself every 4,000 pages. A WAL that grew past 64 MiB is cut back when it restarts.
    sqlite.pragma('synchronous = NORMAL')
    const file = path !== ':memory:' && path !== ''
    sqlite.pragma(`wal_autocheckpoint = ${file ? 0 : 4000}`)
    sqlite.pragma('journal_size_limit = 67108864')
    // Up to 256 MiB of page cache (SQLite's default is 16 MB; it grows only as pages are read): a group operation
    // on 100,000 accounts dirties ~70,000 pages of accounts and the ledger's indexes, which otherwise spill to the
    // WAL and are read back while the same transaction goes on.
    sqlite.pragma('cache_size = -262144')
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // Reads map the file instead of copying each page through the page cache (a report over 100,000
    // accounts touches far more index pages than that), and temp tables and sorters stay in memory.
    sqlite.pragma('mmap_size = 4294967296')
    sqlite.pragma('temp_store = MEMORY')
    // Unicode-aware lowercase for case-insensitive search (SQLite's lower() only folds ASCII).
    sqlite.function('ulower', { deterministic: true }, (value: unknown) =>
      typeof value === 'string' ? value.toLowerCase() : value,
    )
    const versionBeforeOpen = migrate(sqlite)
    const checkpointer = file ? startCheckpointer(path) : null
    return createDb(sqlite, versionBeforeOpen, async () => checkpointer?.stop())
  } catch (error) {
    sqlite.close()
    throw error
  }
}

/**
 * Creates a missing database file readable and writable by its owner only (0600): it holds the JWT signing
 * secret. SQLite gives its -wal and -shm files the same mode. An existing file is left as it is.
 */
function createPrivately(path: string): void {
  if (path === ':memory:' || path === '') return
  try {
    closeSync(openSync(path, 'wx', 0o600))
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error
  }
}

function createDb(
  sqlite: BetterSqlite3.Database,
  versionBeforeOpen: number,
  onClose: () => Promise<void>,
): Db {
  const q = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const statements = new Map<string, BetterSqlite3.Statement>()

  const prepare = (sql: string): BetterSqlite3.Statement => {
    let statement = statements.get(sql)
    if (!statement) {
      if (statements.size >= STATEMENT_CACHE_LIMIT) statements.clear()
      statement = sqlite.prepare(sql)
      statements.set(sql, statement)
    }
    return statement
  }

  // One transaction wrapper for every call (better-sqlite3 builds a new one per `transaction()`).
  const inTransaction = sqlite.transaction((fn: () => unknown) => {
    const result = fn()
    if (result instanceof Promise) throw new Error('db.tx() callbacks must be synchronous')
    return result
  })

  const compile = (query: Compilable<unknown>) => {
    const compiled = query.compile()
    return { statement: prepare(compiled.sql), parameters: compiled.parameters.map(toSqliteValue) }
  }

  return {
    sqlite,
    q,
    versionBeforeOpen,
    all<R>(query: Compilable<R>): R[] {
      const { statement, parameters } = compile(query)
      if (!statement.reader) {
        statement.run(parameters)
        return []
      }
      return statement.all(parameters) as R[]
    },
    first<R>(query: Compilable<R>): R | undefined {
      const { statement, parameters } = compile(query)
      if (!statement.reader) {
        statement.run(parameters)
        return undefined
      }
      return statement.get(parameters) as R | undefined
    },
    run(query: Compilable<unknown>) {
      const { statement, parameters } = compile(query)
      if (statement.reader) {
        // INSERT … RETURNING and the like: run it fully, report the rows it touched.
        const rows = statement.all(parameters)
        return { changes: rows.length, lastInsertRowid: 0 }
      }
      const result = statement.run(parameters)
      return { changes: result.changes, lastInsertRowid: Number(result.lastInsertRowid) }
    },
    prepared<R>(query: Compilable<R>): PreparedQuery<R> {
      const compiled = query.compile()
      const statement = sqlite.prepare(compiled.sql)
      const bind = (values: unknown[]) => {
        if (values.length !== compiled.parameters.length) {
          throw new Error(`Prepared query takes ${compiled.parameters.length} values, got ${values.length}`)
        }
        return values.map(toSqliteValue)
      }
      return {
        all: (...values) => statement.all(bind(values)) as R[],
        first: (...values) => statement.get(bind(values)) as R | undefined,
        run: (...values) => ({ changes: statement.run(bind(values)).changes }),
      }
    },
    tx<T>(fn: () => T): T {
      return inTransaction.immediate(fn) as T
    },
    close() {
      statements.clear()
      if (sqlite.open) sqlite.close()
      return onClose()
    },
  }
}

/** better-sqlite3 binds numbers, strings, bigints, buffers and null; booleans become 0/1. */
function toSqliteValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value === undefined) return null
  return value
}

/** 0/1 column → boolean. */
export const bool = (value: number): boolean => value !== 0
