import { type Compilable, type RawBuilder, type SelectQueryBuilder, sql, type SqlBool } from 'kysely'
import type { ListEnvelope } from '@shared/api'
import type { Db } from '../db/database'

/**
 * Case-insensitive substring match of `column` (any Unicode letters: `ulower` is registered by openDatabase).
 * For the small tables of part 1; large ones want an index-friendly search instead.
 */
export function containsText(column: string, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`instr(ulower(${sql.ref(column)}), ${text.toLowerCase()}) > 0`
}

/** The list envelope of API.md. */
export function envelope<T>(
  items: T[],
  total: number,
  paging: { offset: number; limit: number },
): ListEnvelope<T> {
  return { items, total, offset: paging.offset, limit: paging.limit }
}

/** `count(*)` as a number column named `total`. */
export const countAll = sql<number>`count(*)`.as('total')

/** `?q=` (a case-insensitive substring of any of `textColumns`) and `?active=` on a list query. */
export function withListFilters<DB, TB extends keyof DB, O>(
  base: SelectQueryBuilder<DB, TB, O>,
  query: { q?: string; active?: boolean },
  textColumns: readonly string[],
): SelectQueryBuilder<DB, TB, O> {
  let filtered = base
  const q = query.q?.trim()
  if (q) {
    const matches = textColumns.map((column) => containsText(column, q))
    filtered = filtered.where(sql<SqlBool>`(${sql.join(matches, sql` OR `)})`)
  }
  if (query.active !== undefined)
    filtered = filtered.where(sql<SqlBool>`${sql.ref('active')} = ${query.active ? 1 : 0}`)
  return filtered
}

/** One page as API.md's envelope: the rows mapped to items, and the total of the unpaged query. */
export function listPage<Row, Item>(
  db: Db,
  query: { count: Compilable<{ total: number }>; rows: Compilable<Row> },
  toItem: (row: Row) => Item,
  paging: { offset: number; limit: number },
): ListEnvelope<Item> {
  return envelope(db.all(query.rows).map(toItem), db.first(query.count)?.total ?? 0, paging)
}
