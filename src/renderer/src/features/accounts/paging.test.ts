import { describe, expect, it } from 'vitest'
import { covers, pageFor, scrollRows, MAX_SCROLL_ROWS } from './paging'

describe('pageFor', () => {
  it('starts at a multiple of the step, one step before the first visible row, and covers the visible rows', () => {
    expect(pageFor(0, 20)).toEqual({ offset: 0, limit: 200 })
    expect(pageFor(250, 280)).toEqual({ offset: 100, limit: 300 })
    expect(pageFor(99_990, 100_020)).toEqual({ offset: 99_800, limit: 300 })
  })

  it('a small scroll stays on the same page; the page always covers what is visible', () => {
    for (const [first, last] of [
      [0, 20],
      [130, 160],
      [199, 230],
      [4321, 4350],
    ] as const) {
      const page = pageFor(first, last)
      expect(covers({ ...page, total: 1_000_000 }, first, last)).toBe(true)
      expect(page.limit).toBeLessThanOrEqual(500)
    }
    expect(pageFor(110, 140)).toEqual(pageFor(150, 180))
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
