// Which page of a server-paged list to ask for while a virtualized list shows rows `first..last`: pages start at
// multiples of `step` and cover the visible rows with a margin, so scrolling a little asks nothing new and a fast
// scroll asks only the page it stops on (the superseded requests are cancelled). Pure.

/** Rows asked at once: the visible rows and a margin on both sides (the API gives at most 500). */
export const PAGE_STEP = 100
export const PAGE_LIMIT = 300

export interface PageWindow {
  offset: number
  limit: number
}

/** The page that covers rows `first..last` (inclusive) with a margin of `step` rows before and after. */
export function pageFor(first: number, last: number, step = PAGE_STEP, limit = PAGE_LIMIT): PageWindow {
  const offset = Math.max(0, Math.floor(Math.max(0, first) / step) * step - step)
  const end = Math.ceil((Math.max(first, last) + 1) / step) * step + step
  return { offset, limit: Math.min(limit, end - offset) }
}

/** True when the page `shown` holds every row `first..last` (or the list ends before `last`). */
export function covers(shown: PageWindow & { total: number }, first: number, last: number): boolean {
  const end = Math.min(last, shown.total - 1)
  return first >= shown.offset && end < shown.offset + shown.limit
}

/**
 * The server counts a search up to a cap and then answers "more than": `total` above the cap. The list shows at
 * most that many rows (nobody scrolls through a million guests: they narrow the search).
 */
export const MAX_SCROLL_ROWS = 100_000

export function scrollRows(total: number): number {
  return Math.min(total, MAX_SCROLL_ROWS)
}
