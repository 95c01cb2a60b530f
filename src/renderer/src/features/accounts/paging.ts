// Which page of a server-paged list to ask for while a virtualized list shows rows `first..last`. A page reaches
// PAGE_MARGIN rows beyond the visible ones on both sides (starting and ending at multiples of PAGE_STEP), and the
// next one is asked for as soon as the visible rows come within PAGE_AHEAD rows of the shown page's edge — not when
// the edge is already on screen — so a steady scroll finds its rows loaded: the answer has the remaining
// PAGE_AHEAD rows of scrolling to arrive, while the page shown stays. A jump (a scrollbar drag, End) asks only the
// page it lands on (superseded requests are cancelled). Pure.

/** Pages start and end at multiples of this many rows. */
export const PAGE_STEP = 50
/** Rows asked beyond the visible ones, on each side. */
export const PAGE_MARGIN = 200
/** The next page is asked for when the visible rows are this near the shown page's edge. */
export const PAGE_AHEAD = 100
/** Rows asked at once at most (the API gives at most 500). */
export const PAGE_LIMIT = 500

export interface PageWindow {
  offset: number
  limit: number
}

/** The page that covers rows `first..last` (inclusive) with PAGE_MARGIN rows before and after. */
export function pageFor(first: number, last: number): PageWindow {
  const offset = Math.floor(Math.max(0, first - PAGE_MARGIN) / PAGE_STEP) * PAGE_STEP
  const end = Math.ceil((Math.max(first, last) + 1 + PAGE_MARGIN) / PAGE_STEP) * PAGE_STEP
  return { offset, limit: Math.min(PAGE_LIMIT, end - offset) }
}

/** True when the page `shown` holds every row `first..last` (or the list ends before `last`). */
export function covers(shown: PageWindow & { total: number }, first: number, last: number): boolean {
  const end = Math.min(last, shown.total - 1)
  return first >= shown.offset && end < shown.offset + shown.limit
}

/**
 * The page to ask for next while rows `first..last` are visible and `shown` is the page asked last: null while
 * `shown` still reaches PAGE_AHEAD rows beyond the visible ones (or the list's ends).
 */
export function nextPage(
  shown: PageWindow & { total: number },
  first: number,
  last: number,
): PageWindow | null {
  if (covers(shown, Math.max(0, first - PAGE_AHEAD), last + PAGE_AHEAD)) return null
  const next = pageFor(first, last)
  return next.offset === shown.offset && next.limit === shown.limit ? null : next
}

/**
 * The server counts a search up to a cap and then answers "more than": `total` above the cap. The list shows at
 * most that many rows (nobody scrolls through a million guests: they narrow the search).
 */
export const MAX_SCROLL_ROWS = 100_000

export function scrollRows(total: number): number {
  return Math.min(total, MAX_SCROLL_ROWS)
}
