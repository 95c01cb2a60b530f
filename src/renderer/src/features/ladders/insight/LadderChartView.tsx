// The recharts drawing of a ladder: loaded on demand (React.lazy), so recharts stays out of the initial bundle.
import { memo } from 'react'
import { Bar, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import type { ChartPoint } from './chart-data'

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

function LadderChartView({
  points,
  labels,
  formatX,
  formatPercent,
  formatCount,
}: LadderChartViewProps): React.JSX.Element {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <ComposedChart
        data={points as ChartPoint[]}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        // The figure's table says the same to screen readers; the drawing itself takes no focus.
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#8884" />
        <XAxis
          dataKey="x"
          type="number"
          domain={[0, 'dataMax']}
          tickFormatter={formatX}
          name={labels.threshold}
          padding={{ left: 12, right: 12 }}
        />
        <YAxis yAxisId="percent" tickFormatter={formatPercent} allowDecimals={false} width={48} />
        <YAxis
          yAxisId="guests"
          orientation="right"
          tickFormatter={formatCount}
          allowDecimals={false}
          width={56}
        />
        <Bar
          yAxisId="guests"
          dataKey="guests"
          name={labels.guests}
          fill={SERIES_COLORS.guests}
          fillOpacity={0.45}
          barSize={14}
          isAnimationActive={false}
        />
        {(['discount', 'bonus', 'cap'] as const).map((key) => (
          <Line
            key={key}
            yAxisId="percent"
            type="stepAfter"
            dataKey={key}
            name={labels[key]}
            stroke={SERIES_COLORS[key]}
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          labelFormatter={(x) => formatX(Number(x))}
          formatter={(value, _name, item) =>
            item.dataKey === 'guests' ? formatCount(Number(value)) : formatPercent(Number(value))
          }
        />
      </ComposedChart>
    </ResponsiveContainer>
  )
}

export default memo(LadderChartView)
