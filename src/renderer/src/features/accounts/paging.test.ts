import { describe, expect, it } from 'vitest'
import {
  covers,
  nextPage,
  pageFor,
  scrollRows,
  MAX_SCROLL_ROWS,
  PAGE_AHEAD,
  PAGE_LIMIT,
  type PageWindow,
} from './paging'

describe('pageFor', () => {
  it('reaches the margin beyond the visible rows on both sides, at multiples of the step', () => {
    expect(pageFor(0, 20)).toEqual({ offset: 0, limit: 250 })
    expect(pageFor(250, 280)).toEqual({ offset: 50, limit: 450 })
    expect(pageFor(99_990, 100_020)).toEqual({ offset: 99_750, limit: 500 })
  })

  it('a page always covers what is visible, within the API’s limit', () => {
    for (const [first, last] of [
      [0, 20],
      [130, 160],
      [199, 230],
      [4321, 4380],
    ] as const) {
      const page = pageFor(first, last)
      expect(covers({ ...page, total: 1_000_000 }, first, last)).toBe(true)
      expect(page.limit).toBeLessThanOrEqual(PAGE_LIMIT)
    }
  })

  it('a page shown covers rows past the end of the list', () => {
    expect(covers({ offset: 0, limit: 200, total: 7 }, 0, 30)).toBe(true)
    expect(covers({ offset: 0, limit: 200, total: 1000 }, 190, 220)).toBe(false)
  })

  it('scrolls at most MAX_SCROLL_ROWS rows', () => {
    expect(scrollRows(1_000_000)).toBe(MAX_SCROLL_ROWS)
    expect(scrollRows(42)).toBe(42)
  })
})

describe('nextPage', () => {
  /** A steady scroll row by row over `total` rows showing `span` rows: each page asked, and where. */
  function scrollThrough(total: number, span: number, down: boolean) {
    const asked: { at: number; before: PageWindow }[] = []
    const start = down ? 0 : total - span
    let shown: PageWindow = pageFor(start, start + span - 1)
    let alwaysCovered = true
    for (let step = 0; step <= total - span; step++) {
      const first = down ? step : total - span - step
      const last = first + span - 1
      const next = nextPage({ ...shown, total }, first, last)
      if (next) {
        asked.push({ at: first, before: shown })
        shown = next
      }
      alwaysCovered &&= covers({ ...shown, total }, first, last)
    }
    expect(alwaysCovered).toBe(true)
    return asked
  }

  it('a steady scroll asks the next page while the rows PAGE_AHEAD beyond the screen are still in the shown one', () => {
    for (const down of [true, false]) {
      const asked = scrollThrough(10_000, 45, down)
      expect(asked.length).toBeGreaterThan(10_000 / PAGE_LIMIT)
      for (const { at, before } of asked) {
        // What was on screen when the next page was asked for, and the next PAGE_AHEAD - 1 rows of scrolling,
        // were all in the page shown meanwhile: its answer had that long to arrive.
        const [first, last] = down ? [at, at + 44 + PAGE_AHEAD - 1] : [at - PAGE_AHEAD + 1, at + 44]
        expect(covers({ ...before, total: 10_000 }, Math.max(0, first), last)).toBe(true)
      }
    }
  })

  it('asks nothing while the page shown reaches far enough, nor the page it already shows', () => {
    expect(nextPage({ ...pageFor(1000, 1044), total: 10_000 }, 1000, 1044)).toBeNull()
    expect(nextPage({ ...pageFor(1000, 1044), total: 10_000 }, 1040, 1084)).toBeNull()
    expect(nextPage({ ...pageFor(0, 44), total: 10_000 }, 0, 44)).toBeNull()
    expect(nextPage({ ...pageFor(9955, 9999), total: 10_000 }, 9955, 9999)).toBeNull()
  })

  it('a jump asks the page it lands on', () => {
    expect(nextPage({ ...pageFor(0, 44), total: 10_000 }, 5000, 5044)).toEqual(pageFor(5000, 5044))
  })
})
