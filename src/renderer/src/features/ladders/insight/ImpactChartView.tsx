// Guests per step before and after a proposed change, as bars: loaded on demand with recharts.
import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'

export interface ImpactBar {
  name: string
  before: number
  after: number
}

export interface ImpactChartViewProps {
  bars: readonly ImpactBar[]
  labels: { before: string; after: string }
  formatCount: (value: number) => string
}

function ImpactChartView({ bars, labels, formatCount }: ImpactChartViewProps): React.JSX.Element {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart
        data={bars as ImpactBar[]}
        margin={{ top: 8, right: 8, bottom: 8, left: 8 }}
        accessibilityLayer={false}
      >
        <CartesianGrid strokeDasharray="3 3" stroke="#8884" />
        <XAxis dataKey="name" />
        <YAxis tickFormatter={formatCount} allowDecimals={false} width={56} />
        <Bar dataKey="before" name={labels.before} fill="#8da2c0" isAnimationActive={false} />
        <Bar dataKey="after" name={labels.after} fill="#2358c4" isAnimationActive={false} />
        <Tooltip formatter={(value) => formatCount(Number(value))} />
        <Legend />
      </BarChart>
    </ResponsiveContainer>
  )
}

export default memo(ImpactChartView)
