// The ladder as a chart while it is edited: thresholds on the x axis, the RK discount %, bonus % and pay-with-bonus
// cap as step lines, and the guests on each step now as bars behind them (drawn on a canvas: LadderChartView).
import { memo, useCallback, useMemo, useState } from 'react'
import { useT } from '../../../app/useT'
import type { LadderCreate } from '@shared/api'
import { formatMoney } from '@shared/domain'
import { formatNumber } from '../../../app/format'
import { currentLanguage } from '../../../app/i18n'
import { messageFor } from '../../../app/messages'
import { useDebouncedValue } from '../../../app/useDebouncedValue'
import { chartPoints, type ChartPoint } from './chart-data'
import { percentText, thresholdText } from './format'
import LadderChartView from './LadderChartView'
import { useChartSources, type ChartSources } from './chart-sources'
import type { InsightProps } from './model'

const SERIES = ['guests', 'discount', 'bonus', 'cap'] as const
/** How long typing pauses before the chart's table (for screen readers) follows it, ms. */
const TABLE_DELAY_MS = 250

const NO_STEPS: readonly LadderCreate['steps'][number][] = []

/** `items`, or the array last given when it held the same items (by identity) in the same order. */
function useSameItems<T>(items: readonly T[]): readonly T[] {
  const [kept, setKept] = useState(items)
  if (kept === items) return kept
  if (kept.length === items.length && items.every((item, i) => item === kept[i])) return kept
  // Remembered from this render on (React's pattern for state that follows a prop).
  setKept(items)
  return items
}

/** A ref and whether its element is on screen (always true where IntersectionObserver is missing). */
function useInView<E extends Element>(): [(node: E | null) => void, boolean] {
  const [inView, setInView] = useState(typeof IntersectionObserver === 'undefined')
  const ref = useCallback((node: E | null) => {
    if (!node || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver((entries) => {
      for (const entry of entries) setInView(entry.isIntersecting)
    })
    observer.observe(node)
    return () => observer.disconnect()
  }, [])
  return [ref, inView]
}

export const LadderChart = memo(function LadderChart({ ladder, ladderId }: InsightProps): React.JSX.Element {
  return <LadderChartBody ladder={ladder} ladderId={ladderId} {...useChartSources(ladderId)} />
})

/** The chart of `ladder` from its sources (see `useChartSources`). */
export const LadderChartBody = memo(function LadderChartBody({
  ladder,
  ladderId,
  discounts,
  counts,
  error,
}: InsightProps & ChartSources): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  // Drawn in the keystroke's own frame: the chart is cheap (step-chart.ts), and a chart a frame behind the form
  // would show a threshold that is no longer typed.
  const shown = ladder
  const basis = shown?.basis ?? 'spend'
  // Keyed by the steps, not by the ladder's identity: renaming the ladder redraws nothing. (The edited ladder keeps
  // the same object for a step whose fields did not change: see ladder-parse.)
  const steps = useSameItems(shown?.steps ?? NO_STEPS)
  const points = useMemo(() => chartPoints(steps, discounts, counts), [steps, discounts, counts])
  const formatX = useCallback(
    (x: number) =>
      basis === 'spend' ? formatMoney(Math.round(x * 100), language) : formatNumber(x, language),
    [basis, language],
  )
  const formatPercent = useCallback((value: number) => percentText(value, language, t), [language, t])
  const formatCount = useCallback((value: number) => formatNumber(value, language), [language])
  const labels = useMemo(
    () => ({
      discount: t('ladderInsight.chart.discount'),
      bonus: t('ladderInsight.chart.bonus'),
      cap: t('ladderInsight.chart.cap'),
      guests: t('ladderInsight.chart.guests'),
      threshold: t('ladderInsight.chart.threshold'),
    }),
    [t],
  )

  // The chart's text alternative follows a pause in typing, not every keystroke: a 50-row table laid out again on
  // each key cost more than the drawing itself, and nobody reads it while the threshold is being typed.
  const tablePoints = useDebouncedValue(points, TABLE_DELAY_MS)

  // Drawn only while on screen: below a long list of steps, typing into them costs no chart work.
  const [canvas, inView] = useInView<HTMLDivElement>()

  if (!shown) return <p className="insight__note">{t('ladderInsight.notParsed')}</p>
  return (
    <figure className="insight-chart" data-testid="ladder-chart">
      <ChartCaption ladderId={ladderId} error={error} />
      <div className="insight-chart__canvas" aria-hidden="true" ref={canvas}>
        {inView && (
          <LadderChartView
            points={points}
            labels={labels}
            formatX={formatX}
            formatPercent={formatPercent}
            formatCount={formatCount}
          />
        )}
      </div>
      <ul className="insight-chart__legend" aria-hidden="true">
        {SERIES.map((key) => (
          <li key={key}>
            <span className={`insight-chart__swatch insight-chart__swatch--${key}`} />
            {labels[key]}
          </li>
        ))}
      </ul>
      <ChartTable points={tablePoints} basis={basis} />
    </figure>
  )
})

/** The chart's title, and why the guests on each step are missing (a new ladder, counts not available). */
const ChartCaption = memo(function ChartCaption({
  ladderId,
  error,
}: Pick<InsightProps & ChartSources, 'ladderId' | 'error'>): React.JSX.Element {
  const t = useT()
  return (
    <>
      <figcaption className="insight__title">{t('ladderInsight.chart.title')}</figcaption>
      {ladderId === null ? (
        <p className="insight__note">{t('ladderInsight.chart.countsNew')}</p>
      ) : error ? (
        <p className="insight__note">
          {t('ladderInsight.chart.countsUnavailable', { reason: messageFor(error) })}
        </p>
      ) : null}
    </>
  )
})

/** What the chart shows, as a table for screen readers (and tests). */
const ChartTable = memo(function ChartTable({
  points,
  basis,
}: {
  points: readonly ChartPoint[]
  basis: LadderCreate['basis']
}): React.JSX.Element {
  const t = useT()
  return (
    // A table ignores the 1px width of .visually-hidden and would widen the page: the div clips it.
    <div className="visually-hidden">
      <table className="insight-chart__table" aria-label={t('ladderInsight.chart.tableLabel')}>
        <ChartTableHead />
        <tbody>
          {points.map((point) =>
            point.index === null ? null : (
              <ChartRow
                key={point.index}
                basis={basis}
                name={point.name}
                x={point.x}
                discount={point.discount}
                discountAmount={point.discountAmount}
                bonus={point.bonus}
                cap={point.cap}
                guests={point.guests}
              />
            ),
          )}
        </tbody>
      </table>
    </div>
  )
})

/** One step's row: its own memo, so a keystroke in one threshold formats one row again, not all of them. */
const ChartRow = memo(function ChartRow({
  basis,
  ...point
}: Omit<ChartPoint, 'index'> & { basis: LadderCreate['basis'] }): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  return (
    <tr data-testid="chart-step">
      <th scope="row">{point.name}</th>
      <td>{thresholdText(basis, point.x, language, t)}</td>
      <td>
        {point.discountAmount !== null
          ? t('ladderInsight.chart.amountDiscount', {
              amount: formatMoney(Math.round(point.discountAmount * 100), language),
            })
          : percentText(point.discount, language, t)}
      </td>
      <td>{percentText(point.bonus, language, t)}</td>
      <td>{percentText(point.cap, language, t)}</td>
      <td>{point.guests === null ? t('ladderInsight.none') : formatNumber(point.guests, language)}</td>
    </tr>
  )
})

/** The table's column headers: the same for every keystroke. */
const ChartTableHead = memo(function ChartTableHead(): React.JSX.Element {
  const t = useT()
  return (
    <thead>
      <tr>
        <th scope="col">{t('ladderInsight.chart.step')}</th>
        <th scope="col">{t('ladderInsight.chart.threshold')}</th>
        <th scope="col">{t('ladderInsight.chart.discount')}</th>
        <th scope="col">{t('ladderInsight.chart.bonus')}</th>
        <th scope="col">{t('ladderInsight.chart.cap')}</th>
        <th scope="col">{t('ladderInsight.chart.guests')}</th>
      </tr>
    </thead>
  )
})
