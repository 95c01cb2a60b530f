// The step chart's geometry: nice ticks, the step lines' paths (breaking where a step has no value) and the step
// under the pointer.
import { describe, expect, it } from 'vitest'
import { chartPoints } from './chart-data'
import { axisTicks, chartLayout, stepPath } from './step-chart'

const steps = [
  { name: 'Гость', threshold: 0, rk_discount_id: null, bonus_percent: 3, max_payment_percent: null },
  { name: 'Серебро', threshold: 30_000, rk_discount_id: null, bonus_percent: null, max_payment_percent: 20 },
  { name: 'Золото', threshold: 100_000, rk_discount_id: null, bonus_percent: 7, max_payment_percent: 50 },
]

describe('axisTicks', () => {
  it('cuts the range in steps of 1, 2, 2.5 or 5 × 10ⁿ, whole when asked, up to the max or just past it', () => {
    expect(axisTicks(7, 4, true, true)).toEqual([0, 2, 4, 6, 8])
    expect(axisTicks(50, 4, true, true)).toEqual([0, 20, 40, 60])
    expect(axisTicks(125_000, 5, false, false)).toEqual([0, 25_000, 50_000, 75_000, 100_000, 125_000])
    expect(axisTicks(0, 4, true, true)).toEqual([0, 1])
    expect(axisTicks(1.5, 4, true, true)).toEqual([0, 1, 2])
  })
})

describe('the step lines', () => {
  const points = chartPoints(steps, new Map(), [10, 5, 1])
  const layout = chartLayout(points, 640, 280)

  it('go along to the next threshold, then up or down to its value, and break at a step without one', () => {
    const x = points.map((point) => layout.x(point.x))
    const bonus = stepPath(points, 'bonus', layout)
    // Step 1 gives 3 %, step 2 none (the line stops at step 1's own point), step 3 and the closing point 7 %.
    expect(bonus).toBe(`M${x[0]},${layout.percentY(3)}M${x[2]},${layout.percentY(7)}H${x[3]}`)
    const cap = stepPath(points, 'cap', layout)
    expect(cap).toBe(`M${x[1]},${layout.percentY(20)}H${x[2]}V${layout.percentY(50)}H${x[3]}`)
    expect(stepPath(points, 'discount', layout)).toBe('')
  })

  it('scale thresholds across the plot and values from the bottom up', () => {
    expect(layout.x(0)).toBeLessThan(layout.x(30_000))
    expect(layout.x(points[3]!.x)).toBeLessThanOrEqual(layout.right)
    expect(layout.percentY(0)).toBe(layout.bottom)
    expect(layout.percentTicks).toEqual([0, 20, 40, 60])
    expect(layout.percentY(60)).toBe(layout.top)
    expect(layout.guestTicks).toEqual([0, 5, 10])
  })

  it('name the step nearest to the pointer, never the closing point', () => {
    expect(layout.nearest(layout.x(29_000))).toBe(1)
    expect(layout.nearest(layout.right + 50)).toBe(2)
    expect(chartLayout(points, 640, 280).guestTicks).not.toBeNull()
    expect(chartLayout(chartPoints(steps, new Map(), null), 640, 280).guestTicks).toBeNull()
  })
})
