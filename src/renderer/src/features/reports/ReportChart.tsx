// A bar chart of a report (recharts). Loaded on demand (React.lazy in ReportsScreen): recharts stays out of the
// initial bundle and out of every other screen. The table beside it holds the same figures for screen readers.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

export interface ChartSeries {
  key: string
  name: string
  color: string
}

export interface ReportChartProps {
  rows: readonly Record<string, string | number>[]
  /** The field of a row that labels its bar group (the group's name, the day, the step). */
  category: string
  series: readonly ChartSeries[]
  stacked?: boolean
  /** How a value reads in the tooltip and on the axis (money, counts). */
  format: (value: number) => string
}

export default function ReportChart({ rows, category, series, stacked, format }: ReportChartProps) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart
        data={[...rows]}
        margin={{ top: 8, right: 16, bottom: 8, left: 16 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={category} tick={{ fontSize: 12 }} />
        <YAxis tickFormatter={(value: number) => format(value)} tick={{ fontSize: 12 }} width={96} />
        <Tooltip formatter={(value) => (typeof value === 'number' ? format(value) : String(value))} />
        {series.length > 1 && <Legend />}
        {series.map((item) => (
          <Bar
            key={item.key}
            dataKey={item.key}
            name={item.name}
            fill={item.color}
            stackId={stacked ? 'all' : undefined}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}
