// The drawing of a ladder while it is edited: a small hand-written SVG step chart (thresholds on the x axis, the
// RK discount %, bonus % and pay-with-bonus cap as step lines on the left axis, the guests on each step as bars on
// the right axis). It redraws on every keystroke, so it is plain elements computed in one pass: a general chart
// library lays out its whole tree again each time and costs several frames on a 50-step ladder (recharts stays for
// the reports and the impact preview).
import { memo, useCallback, useState, type MouseEvent } from 'react'
import type { ChartPoint } from './chart-data'
import { axisTicks, chartLayout, stepPath, X_PADDING } from './step-chart'

export interface LadderChartViewProps {
  points: readonly ChartPoint[]
  /** Texts and formatters from the panel (the view knows no i18n). */
  labels: { discount: string; bonus: string; cap: string; guests: string; threshold: string }
  formatX: (x: number) => string
  formatPercent: (value: number) => string
  formatCount: (value: number) => string
}

/** Series colours readable on the light and the dark theme alike (insight.css gives the legend the same). */
const SERIES_COLORS = { discount: '#d9480f', bonus: '#2b8a3e', cap: '#7048e8', guests: '#8da2c0' }
const LINES = ['discount', 'bonus', 'cap'] as const
const HEIGHT = 280
/** The width drawn before the canvas is measured (and where nothing can measure it). */
const FALLBACK_WIDTH = 640
const BAR_WIDTH = 14

/** The canvas's width in px, following resizes (measured as it mounts, so the first paint has it). */
function useWidth(): [(node: HTMLDivElement | null) => (() => void) | undefined, number] {
  const [width, setWidth] = useState(0)
  const ref = useCallback((node: HTMLDivElement | null) => {
    if (!node) return undefined
    setWidth(node.clientWidth)
    if (typeof ResizeObserver === 'undefined') return undefined
    const observer = new ResizeObserver(() => setWidth(node.clientWidth))
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return [ref, width]
}

function LadderChartView({
  points,
  labels,
  formatX,
  formatPercent,
  formatCount,
}: LadderChartViewProps): React.JSX.Element {
  const [ref, measured] = useWidth()
  const [hover, setHover] = useState<number | null>(null)
  const layout = chartLayout(points, measured > 0 ? measured : FALLBACK_WIDTH, HEIGHT)
  const onMove = useCallback(
    (event: MouseEvent<SVGSVGElement>) => {
      const box = event.currentTarget.getBoundingClientRect()
      setHover(layout.nearest(event.clientX - box.left))
    },
    [layout],
  )
  const hovered = hover === null ? undefined : points[hover]
  const box = { left: layout.left, right: layout.right, top: layout.top, bottom: layout.bottom }
  return (
    <div className="ladder-chart" ref={ref}>
      <svg
        className="ladder-chart__svg"
        width={layout.width}
        height={HEIGHT}
        viewBox={`0 0 ${layout.width} ${HEIGHT}`}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
        data-testid="ladder-chart-svg"
      >
        <XAxis {...box} xMax={layout.xMax} formatX={formatX} />
        <YAxis {...box} side="left" ticks={layout.percentTicks.join(',')} format={formatPercent} />
        {layout.guestTicks && (
          <YAxis {...box} side="right" ticks={layout.guestTicks.join(',')} format={formatCount} />
        )}
        <g className="ladder-chart__bars" fill={SERIES_COLORS.guests} fillOpacity={0.45}>
          {points.map((point, i) =>
            point.guests === null || point.guests <= 0 ? null : (
              <rect
                key={i}
                x={layout.x(point.x) - BAR_WIDTH / 2}
                y={layout.guestsY(point.guests)}
                width={BAR_WIDTH}
                height={layout.bottom - layout.guestsY(point.guests)}
              />
            ),
          )}
        </g>
        {LINES.map((key) => (
          <path
            key={key}
            className={`ladder-chart__line ladder-chart__line--${key}`}
            d={stepPath(points, key, layout)}
            fill="none"
            stroke={SERIES_COLORS[key]}
            strokeWidth={2}
          />
        ))}
        {hovered && (
          <line
            className="ladder-chart__cursor"
            x1={layout.x(hovered.x)}
            x2={layout.x(hovered.x)}
            y1={layout.top}
            y2={layout.bottom}
          />
        )}
      </svg>
      {hovered && (
        <div
          className="ladder-chart__tooltip"
          style={
            layout.x(hovered.x) > layout.width / 2
              ? { right: layout.width - layout.x(hovered.x) + 8 }
              : { left: layout.x(hovered.x) + 8 }
          }
        >
          <strong>{formatX(hovered.x)}</strong>
          {LINES.map((key) => {
            const value = hovered[key]
            return value === null ? null : (
              <span key={key} style={{ color: SERIES_COLORS[key] }}>
                {labels[key]}: {formatPercent(value)}
              </span>
            )
          })}
          {hovered.guests !== null && (
            <span>
              {labels.guests}: {formatCount(hovered.guests)}
            </span>
          )}
        </div>
      )}
    </div>
  )
}

interface AxisBox {
  left: number
  right: number
  top: number
  bottom: number
}

/**
 * The threshold axis below and its grid lines. Memoized on numbers (not on the layout object): typing a threshold
 * that keeps the largest one redraws no tick.
 */
const XAxis = memo(function XAxis({
  xMax,
  left,
  right,
  top,
  bottom,
  formatX,
}: AxisBox & { xMax: number; formatX: (x: number) => string }): React.JSX.Element {
  const ticks = axisTicks(xMax, Math.max(2, Math.floor((right - left) / 110)), false, false)
  const plot = right - left - 2 * X_PADDING
  const x = (value: number) => left + X_PADDING + (value / xMax) * plot
  return (
    <g className="ladder-chart__x">
      <g className="ladder-chart__grid">
        {ticks.map((tick) => (
          <line key={tick} x1={x(tick)} x2={x(tick)} y1={top} y2={bottom} />
        ))}
      </g>
      <line className="ladder-chart__axis" x1={left} x2={right} y1={bottom} y2={bottom} />
      <g textAnchor="middle">
        {ticks.map((tick) => (
          <text key={tick} x={x(tick)} y={bottom + 16}>
            {formatX(tick)}
          </text>
        ))}
      </g>
    </g>
  )
})

/** A value axis (percent on the left, guests on the right) with, for the left one, the horizontal grid. */
const YAxis = memo(function YAxis({
  ticks,
  side,
  left,
  right,
  top,
  bottom,
  format,
}: AxisBox & {
  /** The ticks joined by commas (a string, so the memo holds while they stay the same). */
  ticks: string
  side: 'left' | 'right'
  format: (value: number) => string
}): React.JSX.Element {
  const values = ticks.split(',').map(Number)
  const topValue = values[values.length - 1] || 1
  const y = (value: number) => bottom - (value / topValue) * (bottom - top)
  const at = side === 'left' ? left : right
  return (
    <g className={`ladder-chart__y ladder-chart__y--${side}`}>
      {side === 'left' && (
        <g className="ladder-chart__grid">
          {values.map((tick) => (
            <line key={tick} x1={left} x2={right} y1={y(tick)} y2={y(tick)} />
          ))}
        </g>
      )}
      <line className="ladder-chart__axis" x1={at} x2={at} y1={top} y2={bottom} />
      <g textAnchor={side === 'left' ? 'end' : 'start'}>
        {values.map((tick) => (
          <text key={tick} x={side === 'left' ? at - 6 : at + 6} y={y(tick) + 4}>
            {format(tick)}
          </text>
        ))}
      </g>
    </g>
  )
})

export default memo(LadderChartView)
