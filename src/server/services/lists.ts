import { type RawBuilder, sql, type SqlBool } from 'kysely'
import type { ListEnvelope } from '../../shared/api'

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
