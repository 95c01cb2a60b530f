import type BetterSqlite3 from 'better-sqlite3'
import type { ServerContext } from '../context'

// Hand-written SQL for the hot paths of accounts, operations and reports (range scans, correlated window sums,
// set-based group writes): prepared once per connection and reused, without a query builder in the loop.

const caches = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>()
const CACHE_LIMIT = 500

/** The prepared statement for `sql` on the context's connection (cached). */
export function statement(ctx: ServerContext, sql: string): BetterSqlite3.Statement {
  const sqlite = ctx.db.sqlite
  let cache = caches.get(sqlite)
  if (!cache) {
    cache = new Map()
    caches.set(sqlite, cache)
  }
  let prepared = cache.get(sql)
  if (!prepared) {
    if (cache.size >= CACHE_LIMIT) cache.clear()
    prepared = sqlite.prepare(sql)
    cache.set(sql, prepared)
  }
  return prepared
}

/** Rows of a SELECT; `T` is the shape the SQL selects (the caller's SQL is its proof). */
export const rowsOf = <T>(ctx: ServerContext, sql: string, ...params: unknown[]): T[] =>
  statement(ctx, sql).all(...params) as T[]

export const rowOf = <T>(ctx: ServerContext, sql: string, ...params: unknown[]): T | undefined =>
  statement(ctx, sql).get(...params) as T | undefined

/** The single value of a one-column SELECT (e.g. `count(*)`). */
export const valueOf = <T>(ctx: ServerContext, sql: string, ...params: unknown[]): T | undefined =>
  statement(ctx, sql)
    .pluck()
    .get(...params) as T | undefined

export const execute = (ctx: ServerContext, sql: string, ...params: unknown[]): BetterSqlite3.RunResult =>
  statement(ctx, sql).run(...params)

/** `?, ?, ?` for an IN list of `count` values. */
export const placeholders = (count: number): string => Array.from({ length: count }, () => '?').join(', ')
