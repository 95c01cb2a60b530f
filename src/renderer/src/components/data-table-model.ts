// Sorting and filtering of DataTable rows, kept apart from React so they are easy to test and cheap to run.
import type { ReactNode } from 'react'

export type SortValue = string | number | boolean | null | undefined
export type SortDirection = 'asc' | 'desc'
export interface SortState {
  columnId: string
  direction: SortDirection
}

export interface DataTableColumn<T> {
  id: string
  header: string
  /** The value the column sorts by, and by default what it shows and what the filter searches. */
  value: (row: T) => SortValue
  /** What the cell shows; default: the value as text (booleans as ✓ / —). */
  cell?: (row: T) => ReactNode
  /** Text the filter searches; false to leave the column out of the search. Default: the value as text. */
  filterText?: ((row: T) => string) | false
  /** A CSS grid track: '120px', 'minmax(200px, 2fr)'. Default 'minmax(120px, 1fr)'. */
  width?: string
  align?: 'start' | 'end' | 'center'
  /** Default true. */
  sortable?: boolean
  /**
   * A column that may step aside when the grid is too narrow for every column's minimum: the lowest priority goes
   * first. Columns without one always stay (the name, the code).
   */
  priority?: number
}

export function textOf(value: SortValue): string {
  if (value === null || value === undefined) return ''
  return String(value)
}

/** One lowercase haystack per row: a filter keystroke then costs one `includes` per row. */
export function buildSearchIndex<T>(rows: readonly T[], columns: readonly DataTableColumn<T>[]): string[] {
  const searchable = columns.filter((column) => column.filterText !== false)
  return rows.map((row) =>
    searchable
      .map((column) => (column.filterText ? column.filterText(row) : textOf(column.value(row))))
      .join('\u0000')
      .toLowerCase(),
  )
}

/** The words of a filter query, lowercase; none for an empty query. */
export function queryWords(query: string): string[] {
  return query.trim().toLowerCase().split(/\s+/).filter(Boolean)
}

/**
 * Indexes of the rows whose text contains every word of the query (case-insensitive), in the order of `order`
 * (default: row order). A filter keystroke walks the rows once: no sort, no text built.
 */
export function filterIndexes(index: readonly string[], query: string, order?: readonly number[]): number[] {
  const words = queryWords(query)
  const result: number[] = []
  const count = order ? order.length : index.length
  for (let k = 0; k < count; k++) {
    const i = order ? (order[k] as number) : k
    const haystack = index[i] ?? ''
    let all = true
    for (const word of words) {
      if (!haystack.includes(word)) {
        all = false
        break
      }
    }
    if (all) result.push(i)
  }
  return result
}

function compareValues(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  const aEmpty = a === null || a === undefined || a === ''
  const bEmpty = b === null || b === undefined || b === ''
  if (aEmpty || bEmpty) return aEmpty === bEmpty ? 0 : aEmpty ? 1 : -1
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? -1 : 1
  return collator.compare(String(a), String(b))
}

/**
 * Sorts row indexes by a column; stable (ties keep their order) and empty values always last, whichever
 * the direction. Each value is read once; a collator is made only when there is text to compare.
 */
export function sortIndexes<T>(
  indexes: readonly number[],
  rows: readonly T[],
  column: DataTableColumn<T>,
  direction: SortDirection,
  locale: string,
): number[] {
  const values: SortValue[] = []
  let text = false
  for (const i of indexes) {
    const value = column.value(rows[i] as T)
    values[i] = value
    if (typeof value === 'string' && value !== '') text = true
  }
  const collator = text ? new Intl.Collator(locale, { numeric: true, sensitivity: 'base' }) : NUMBERS_ONLY
  const sign = direction === 'asc' ? 1 : -1
  return [...indexes].sort((a, b) => {
    const va = values[a]
    const vb = values[b]
    const aEmpty = va === null || va === undefined || va === ''
    const bEmpty = vb === null || vb === undefined || vb === ''
    if (aEmpty || bEmpty) return aEmpty === bEmpty ? a - b : aEmpty ? 1 : -1
    return sign * compareValues(va, vb, collator) || a - b
  })
}

/** Stands in for a collator when no value is text (never asked to compare then). */
const NUMBERS_ONLY = { compare: (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) } as Intl.Collator

/** asc → desc → unsorted. */
export function nextSort(current: SortState | null, columnId: string): SortState | null {
  if (!current || current.columnId !== columnId) return { columnId, direction: 'asc' }
  if (current.direction === 'asc') return { columnId, direction: 'desc' }
  return null
}

const DEFAULT_WIDTH = 'minmax(120px, 1fr)'

/** The CSS grid tracks of the columns (every row uses the same, so the cells line up). */
export function columnTemplate<T>(columns: readonly DataTableColumn<T>[]): string {
  return columns.map((c) => c.width ?? DEFAULT_WIDTH).join(' ')
}

/**
 * The narrowest the rows may get: the sum of each track's pixel minimum ('120px', 'minmax(120px, 1fr)').
 * Rows are as wide as the grid or this, whichever is more, so `fr` tracks split the same width in every row.
 */
export function minimumWidth<T>(columns: readonly DataTableColumn<T>[]): number {
  return columns.reduce((sum, column) => {
    const track = column.width ?? DEFAULT_WIDTH
    const match = /^(?:minmax\(\s*)?(\d+(?:\.\d+)?)px/.exec(track.trim())
    return sum + (match ? Number(match[1]) : 120)
  }, 0)
}

/**
 * The columns that fit in `width` pixels: while the minimums add up to more, the optional column of the lowest
 * priority (the last of equals) steps aside. `null` (not measured yet) keeps them all.
 */
export function fitColumns<T>(
  columns: readonly DataTableColumn<T>[],
  width: number | null,
): DataTableColumn<T>[] {
  const shown = [...columns]
  if (width === null || width <= 0) return shown
  while (minimumWidth(shown) > width) {
    let drop = -1
    shown.forEach((column, index) => {
      if (column.priority === undefined) return
      const current = drop < 0 ? undefined : shown[drop]
      if (!current || (current.priority ?? 0) >= column.priority) drop = index
    })
    if (drop < 0) break
    shown.splice(drop, 1)
  }
  return shown
}

/**
 * Where a grid's keyboard moves the active row: ↑ ↓ by one, PageUp/PageDown by a page, Home/End to the ends;
 * null for any other key. `count` rows, `page` rows per page.
 */
export function gridMove(key: string, active: number, page: number, count: number): number | null {
  const target =
    key === 'ArrowDown'
      ? active + 1
      : key === 'ArrowUp'
        ? active - 1
        : key === 'PageDown'
          ? active + page
          : key === 'PageUp'
            ? active - page
            : key === 'Home'
              ? 0
              : key === 'End'
                ? count - 1
                : null
  return target === null ? null : Math.max(0, Math.min(count - 1, target))
}

/** The search index of `rows`, built on its first call and kept: a table that is never searched never builds it. */
export function lazySearchIndex<T>(
  rows: readonly T[],
  columns: readonly DataTableColumn<T>[],
): () => readonly string[] {
  let index: string[] | null = null
  return () => (index ??= buildSearchIndex(rows, columns))
}
