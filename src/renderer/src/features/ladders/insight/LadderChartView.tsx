// The drawing of a ladder while it is edited: thresholds on the x axis, the RK discount %, bonus % and
// pay-with-bonus cap as step lines on the left axis, the guests on each step as bars on the right axis. It redraws
// on every keystroke, so it is drawn on a canvas in the keystroke's own commit: an SVG's elements were laid out and
// painted again on each key (a general chart library, more so: recharts stays for the reports and the impact
// preview). What it shows is also the chart's table for screen readers (LadderChart), so the canvas is decorative.
import {
  memo,
  useCallback,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type MouseEvent,
} from 'react'
import { appliedTheme, onThemeApplied } from '../../../app/theme'
import type { ChartPoint } from './chart-data'
import { axisTicks, chartLayout, stepPath, X_PADDING, type ChartLayout } from './step-chart'

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
const GRID_COLOR = '#8888884d'

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
  const theme = useSyncExternalStore(onThemeApplied, appliedTheme)
  const width = measured > 0 ? measured : FALLBACK_WIDTH
  const layout = useMemo(() => chartLayout(points, width, HEIGHT), [points, width])
  const canvas = useRef<HTMLCanvasElement>(null)
  const hovered = hover === null ? undefined : points[hover]
  // The axes' labels, made once per value: a keystroke redraws the axes, mostly with the same ticks.
  const xLabel = useMemo(() => remembered(formatX), [formatX])
  const percentLabel = useMemo(() => remembered(formatPercent), [formatPercent])
  const countLabel = useMemo(() => remembered(formatCount), [formatCount])

  // Drawn as the keystroke commits, before the frame: the chart never shows a threshold no longer typed.
  useLayoutEffect(() => {
    const element = canvas.current
    if (!element) return
    draw(element, {
      layout,
      points,
      theme,
      hoveredX: hovered?.x ?? null,
      formatX: xLabel,
      formatPercent: percentLabel,
      formatCount: countLabel,
    })
  }, [layout, points, hovered, xLabel, percentLabel, countLabel, theme])

  const onMove = (event: MouseEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect()
    setHover(layout.nearest(event.clientX - box.left))
  }
  return (
    <div className="ladder-chart" ref={ref}>
      <canvas
        ref={canvas}
        className="ladder-chart__canvas"
        style={{ width: layout.width, height: HEIGHT }}
        onMouseMove={onMove}
        onMouseLeave={() => setHover(null)}
        data-testid="ladder-chart-canvas"
      />
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

interface Drawing {
  layout: ChartLayout
  points: readonly ChartPoint[]
  /** The page's theme: the colours of the text and axes are read from the styles again when it changes. */
  theme: string
  /** The threshold under the pointer: a dashed cursor line there. */
  hoveredX: number | null
  formatX: (x: number) => string
  formatPercent: (value: number) => string
  formatCount: (value: number) => string
}

/** `format` answering a value it has seen from memory (a few hundred at most). */
function remembered(format: (value: number) => string): (value: number) => string {
  const labels = new Map<number, string>()
  return (value) => {
    let label = labels.get(value)
    if (label === undefined) {
      if (labels.size > 500) labels.clear()
      label = format(value)
      labels.set(value, label)
    }
    return label
  }
}

interface ThemeColors {
  text: string
  axis: string
  /** The panel's colour under the chart (the canvas is opaque). */
  background: string
  font: string
}

const colorsByCanvas = new WeakMap<HTMLCanvasElement, ThemeColors & { theme: string }>()

/** The theme's colours and the font for `element`, read from its style once per theme (not on every keystroke). */
function themeColors(element: HTMLCanvasElement, theme: string): ThemeColors {
  const known = colorsByCanvas.get(element)
  if (known?.theme === theme) return known
  const style = getComputedStyle(element)
  const colors = {
    theme,
    text: style.getPropertyValue('--text-muted').trim() || '#666',
    axis: style.getPropertyValue('--border-strong').trim() || '#999',
    background: style.getPropertyValue('--surface').trim() || '#fff',
    font: `${style.fontSize} ${style.fontFamily}`,
  }
  colorsByCanvas.set(element, colors)
  return colors
}

/** Draws the chart on `element` at the screen's pixel density (nothing where a canvas cannot draw: tests' DOM). */
function draw(element: HTMLCanvasElement, drawing: Drawing): void {
  const { layout, points } = drawing
  const ratio = globalThis.devicePixelRatio || 1
  const pixelWidth = Math.round(layout.width * ratio)
  const pixelHeight = Math.round(HEIGHT * ratio)
  if (element.width !== pixelWidth) element.width = pixelWidth
  if (element.height !== pixelHeight) element.height = pixelHeight
  // Opaque: drawn over the panel's own colour, the canvas is cheaper to draw and to put on screen.
  const context = element.getContext('2d', { alpha: false })
  if (!context) return
  const { text, axis, font, background } = themeColors(element, drawing.theme)
  context.setTransform(ratio, 0, 0, ratio, 0, 0)
  context.fillStyle = background
  context.fillRect(0, 0, layout.width, HEIGHT)
  context.font = font

  const { left, right, top, bottom } = layout
  const line = (x1: number, y1: number, x2: number, y2: number) => {
    context.beginPath()
    context.moveTo(x1, y1)
    context.lineTo(x2, y2)
    context.stroke()
  }

  // The threshold axis: its ticks as dashed grid lines and labels below.
  const xTicks = axisTicks(layout.xMax, Math.max(2, Math.floor((right - left) / 110)), false, false)
  const plot = right - left - 2 * X_PADDING
  const tickX = (value: number) => Math.round(left + X_PADDING + (value / layout.xMax) * plot) + 0.5
  // The value axes: percent on the left (with the horizontal grid), guests on the right.
  const percentTop = layout.percentTicks[layout.percentTicks.length - 1] || 1
  const percentY = (value: number) => Math.round(bottom - (value / percentTop) * (bottom - top)) + 0.5
  const guestTicks = layout.guestTicks ?? []
  const guestsTop = guestTicks[guestTicks.length - 1] || 1
  const guestY = (value: number) => Math.round(bottom - (value / guestsTop) * (bottom - top)) + 0.5

  context.lineWidth = 1
  context.strokeStyle = GRID_COLOR
  context.setLineDash([3, 3])
  for (const tick of xTicks) line(tickX(tick), top, tickX(tick), bottom)
  for (const tick of layout.percentTicks) line(left, percentY(tick), right, percentY(tick))
  context.setLineDash([])
  context.strokeStyle = axis
  line(left, bottom + 0.5, right, bottom + 0.5)
  line(left + 0.5, top, left + 0.5, bottom)
  if (layout.guestTicks) line(right + 0.5, top, right + 0.5, bottom)

  context.fillStyle = text
  context.textAlign = 'center'
  for (const tick of xTicks) context.fillText(drawing.formatX(tick), tickX(tick), bottom + 16)
  context.textAlign = 'end'
  for (const tick of layout.percentTicks)
    context.fillText(drawing.formatPercent(tick), left - 6, percentY(tick) + 4)
  context.textAlign = 'start'
  for (const tick of guestTicks) context.fillText(drawing.formatCount(tick), right + 6, guestY(tick) + 4)

  // The guests on each step, behind the lines.
  context.fillStyle = SERIES_COLORS.guests
  context.globalAlpha = 0.45
  let bars = 0
  for (const point of points) {
    if (point.guests === null || point.guests <= 0) continue
    const y = layout.guestsY(point.guests)
    context.fillRect(layout.x(point.x) - BAR_WIDTH / 2, y, BAR_WIDTH, bottom - y)
    bars++
  }
  context.globalAlpha = 1

  context.lineWidth = 2
  const lines: string[] = []
  const paths: string[] = []
  for (const key of LINES) {
    const path = stepPath(points, key, layout)
    paths.push(path)
    if (!path) continue
    lines.push(key)
    context.strokeStyle = SERIES_COLORS[key]
    context.stroke(new Path2D(path))
  }

  if (drawing.hoveredX !== null) {
    context.lineWidth = 1
    context.strokeStyle = axis
    context.setLineDash([2, 2])
    const x = Math.round(layout.x(drawing.hoveredX)) + 0.5
    line(x, top, x, bottom)
    context.setLineDash([])
  }

  // What was drawn, said on the element for tests and tools (a canvas has no elements to look at): the series
  // with a line, the bars, and a signature of the geometry that changes whenever the drawing does.
  element.dataset.lines = lines.join(' ')
  element.dataset.bars = String(bars)
  element.dataset.drawn = signature(
    `${layout.width}|${layout.xMax}|${xTicks.join()}|${paths.join('|')}|${bars}`,
  )
}

/** A short hash of `text` (FNV-1a, 32 bits, in base 36). */
function signature(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(36)
}

export default memo(LadderChartView)
