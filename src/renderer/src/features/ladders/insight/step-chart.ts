// The geometry of the ladder's step chart (LadderChartView): scales, nice axis ticks and the step lines' paths.
// Pure and cheap: a 50-step ladder is a few hundred arithmetic operations per keystroke.
import type { ChartPoint } from './chart-data'

export type LineKey = 'discount' | 'bonus' | 'cap'

export interface ChartLayout {
  width: number
  /** The plot area in px. */
  left: number
  right: number
  top: number
  bottom: number
  /** The largest threshold drawn (the closing point's). */
  xMax: number
  x: (value: number) => number
  percentY: (value: number) => number
  guestsY: (value: number) => number
  percentTicks: readonly number[]
  /** Null when the guests on the steps are not known (a new ladder): no right axis. */
  guestTicks: readonly number[] | null
  /** The index into the points of the step nearest to `px` (from the svg's left edge); null when none. */
  nearest: (px: number) => number | null
}

/** Room for the axes' labels and the bars at the ends of the x axis. */
const MARGIN = { left: 56, right: 64, rightBare: 16, top: 12, bottom: 28 }
/** Between the plot's edges and the first and last threshold, px. */
export const X_PADDING = 12

/** A step of 1, 2, 2.5 or 5 × 10ⁿ that cuts `span` into at most `count` parts (whole when `integer`). */
function niceStep(span: number, count: number, integer: boolean): number {
  const raw = span / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(raw))
  const step =
    [1, 2, 2.5, 5, 10]
      .map((m) => m * power)
      .find((s) => s >= raw * (1 - 1e-9) && (!integer || Number.isInteger(s))) ?? 10 * power
  return integer ? Math.max(1, Math.ceil(step)) : step
}

/**
 * Ticks from 0 in nice steps, about `count` of them: up to the first tick at or above `max` (`roundUp`, the axis
 * then ends there), or up to the last one not above `max`.
 */
export function axisTicks(max: number, count: number, integer: boolean, roundUp: boolean): number[] {
  const span = Number.isFinite(max) && max > 0 ? max : 1
  const step = niceStep(span, count, integer)
  const last = roundUp ? Math.ceil(span / step - 1e-9) : Math.floor(span / step + 1e-9)
  const ticks: number[] = []
  for (let i = 0; i <= last; i++) ticks.push(Number((i * step).toPrecision(12)))
  return ticks
}

const maxOf = (values: Iterable<number | null>): number => {
  let max = 0
  for (const value of values) if (value !== null && value > max) max = value
  return max
}

export function chartLayout(points: readonly ChartPoint[], width: number, height: number): ChartLayout {
  const guestsKnown = points.some((point) => point.guests !== null)
  const left = MARGIN.left
  const right = Math.max(left + 2 * X_PADDING + 1, width - (guestsKnown ? MARGIN.right : MARGIN.rightBare))
  const top = MARGIN.top
  const bottom = Math.max(top + 1, height - MARGIN.bottom)
  const xMax = Math.max(1, maxOf(points.map((point) => point.x)))
  const plot = right - left - 2 * X_PADDING
  const x = (value: number) => round(left + X_PADDING + (value / xMax) * plot)

  const percents = maxOf(points.flatMap((point) => [point.discount, point.bonus, point.cap]))
  const percentTicks = axisTicks(percents, 4, true, true)
  const percentTop = percentTicks[percentTicks.length - 1] ?? 1
  const percentY = (value: number) => round(bottom - (value / percentTop) * (bottom - top))

  const guestTicks = guestsKnown ? axisTicks(maxOf(points.map((point) => point.guests)), 4, true, true) : null
  const guestsTop = guestTicks?.[guestTicks.length - 1] ?? 1
  const guestsY = (value: number) => round(bottom - (value / guestsTop) * (bottom - top))

  const nearest = (px: number): number | null => {
    let best: number | null = null
    let distance = Infinity
    points.forEach((point, index) => {
      const d = Math.abs(x(point.x) - px)
      if (point.index !== null && d < distance) {
        best = index
        distance = d
      }
    })
    return best
  }
  return { width, left, right, top, bottom, xMax, x, percentY, guestsY, percentTicks, guestTicks, nearest }
}

/**
 * The step line of one series: from each point along to the next point's threshold, then up or down to its value
 * (recharts' `stepAfter`); a step without a value breaks the line.
 */
export function stepPath(points: readonly ChartPoint[], key: LineKey, layout: ChartLayout): string {
  let path = ''
  let drawing = false
  let lastY = NaN
  points.forEach((point, index) => {
    const value = point[key]
    if (value === null) {
      drawing = false
      return
    }
    const y = layout.percentY(value)
    if (!drawing) path += `M${layout.x(point.x)},${y}`
    else if (y !== lastY) path += `V${y}`
    lastY = y
    const next = points[index + 1]
    drawing = next !== undefined && next[key] !== null
    if (drawing && next) path += `H${layout.x(next.x)}`
  })
  return path
}

const round = (value: number): number => Math.round(value * 10) / 10
