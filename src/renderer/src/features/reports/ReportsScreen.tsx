// Reports (every role reads them): balances by group, operations per day and type for a period, accounts per
// ladder step — each a chart (recharts, loaded on demand) and a table, exported as CSV through the host.
import { lazy, Suspense, useId, useMemo, useRef, useState, type ReactNode } from 'react'
import { useT } from '../../app/useT'
import type { OperationType } from '@shared/api'
import { datedCsvName, saveCsv } from '../../app/csv'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { ipcErrorOf, useCachedList, useIpcQuery } from '../../app/queries'
import { replaceParams } from '../../app/router'
import type { ScreenComponentProps } from '../../app/screens'
import { Button } from '../../components/Button'
import { Screen } from '../../components/Screen'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { useMoney } from '../operations/money'
import { balancesCsv, ladderStepsCsv, operationsCsv } from './report-csv'
import type { ChartSeries, ReportChartProps } from './ReportChart'
import './reports.css'

const ReportChart = lazy(() => import('./ReportChart'))

const TABS = ['balances', 'operations', 'ladder-steps'] as const
type Tab = (typeof TABS)[number]

const COLORS = { deposit: '#2f7d4f', withdraw: '#c4452f', bonus: '#2358c4', main: '#2358c4' } as const
const OPERATION_TYPES: readonly OperationType[] = ['deposit', 'withdraw', 'bonus']

const isoDay = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

export function ReportsScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const tab: Tab = TABS.find((item) => item === params[0]) ?? 'balances'
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    balances: null,
    operations: null,
    'ladder-steps': null,
  })
  const baseId = useId()
  const labels: Record<Tab, string> = {
    balances: t('reports.balances.tab'),
    operations: t('reports.operations.tab'),
    'ladder-steps': t('reports.ladderSteps.tab'),
  }
  const select = (next: Tab, focus = false) => {
    replaceParams(next)
    if (focus) tabRefs.current[next]?.focus()
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    const index = TABS.indexOf(tab)
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step !== 0) {
      event.preventDefault()
      select(TABS[(index + step + TABS.length) % TABS.length] ?? 'balances', true)
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault()
      select(event.key === 'Home' ? TABS[0] : TABS[TABS.length - 1]!, true)
    }
  }
  return (
    <Screen title={t('reports.title')} subtitle={t('reports.subtitle')}>
      <div className="reports">
        <div
          className="segmented reports__tabs"
          role="tablist"
          aria-label={t('reports.tabs')}
          onKeyDown={onKeyDown}
        >
          {TABS.map((item) => (
            <button
              key={item}
              ref={(element) => {
                tabRefs.current[item] = element
              }}
              type="button"
              role="tab"
              id={`${baseId}-${item}-tab`}
              aria-selected={tab === item}
              aria-controls={`${baseId}-${item}-panel`}
              tabIndex={tab === item ? 0 : -1}
              className={tab === item ? 'segmented__item is-active' : 'segmented__item'}
              onClick={() => select(item)}
              data-testid={`report-tab-${item}`}
            >
              {labels[item]}
            </button>
          ))}
        </div>
        <div
          role="tabpanel"
          id={`${baseId}-${tab}-panel`}
          aria-labelledby={`${baseId}-${tab}-tab`}
          className="reports__panel"
          data-testid={`report-${tab}`}
        >
          {tab === 'balances' && <BalancesReportView />}
          {tab === 'operations' && <OperationsReportView />}
          {tab === 'ladder-steps' && <LadderStepsReportView />}
        </div>
      </div>
    </Screen>
  )
}

/** The chart (loaded on demand), the table and the export of one report. */
function ReportLayout({
  description,
  controls,
  chart,
  table,
  onExport,
  exportable,
}: {
  description: string
  controls?: ReactNode
  chart: ReportChartProps | null
  table: ReactNode
  onExport: () => void
  exportable: boolean
}): React.JSX.Element {
  const t = useT()
  return (
    <div className="report">
      <div className="report__toolbar">
        <p className="muted report__description">{description}</p>
        {controls}
        <Button
          icon="download"
          variant="secondary"
          title={t('reports.exportHint')}
          disabled={!exportable}
          onClick={onExport}
          data-testid="report-export"
        >
          {t('reports.export')}
        </Button>
      </div>
      {chart && (
        <figure className="report__chart" aria-label={t('reports.chart')} data-testid="report-chart">
          <Suspense fallback={<LoadingState inline label={t('reports.chartLoading')} />}>
            <ReportChart {...chart} />
          </Suspense>
        </figure>
      )}
      {table}
    </div>
  )
}

function useExportTexts() {
  const t = useT()
  return {
    saved: (path: string) => t('reports.saved', { path }),
    downloaded: (name: string) => t('reports.downloaded', { name }),
    failed: (message: string) => t('reports.failed', { message }),
  }
}

/** Loading, error or empty: the state to show instead of the report, or null when there is one to show. */
function reportState(
  query: { data?: unknown; error: unknown; isFetching: boolean; refetch: () => unknown },
  empty: boolean,
  emptyTitle: string,
  t: (key: 'reports.loadError') => string,
): React.JSX.Element | null {
  if (query.data === undefined && query.error) {
    const error = ipcErrorOf(query.error)
    return (
      <ErrorState
        title={t('reports.loadError')}
        message={error ? messageFor(error) : undefined}
        onRetry={() => void query.refetch()}
      />
    )
  }
  if (query.data === undefined) return <LoadingState />
  if (empty) return <EmptyState icon="info" title={emptyTitle} />
  return null
}

function BalancesReportView(): React.JSX.Element {
  const t = useT()
  const money = useMoney()
  const language = currentLanguage()
  const texts = useExportTexts()
  const query = useIpcQuery('reports:balances', undefined)
  const items = useMemo(() => query.data?.items ?? [], [query.data])
  const state = reportState(query, items.length === 0, t('reports.balances.empty'), t)
  const total = items.reduce((sum, item) => sum + Math.round(item.balance_total * 100), 0) / 100
  return (
    <ReportLayout
      description={t('reports.balances.description')}
      exportable={items.length > 0}
      onExport={() => {
        if (!query.data) return
        const text = balancesCsv(query.data, {
          group: t('reports.balances.group'),
          accounts: t('reports.balances.accounts'),
          balance: t('reports.balances.balance'),
          decimalComma: language === 'ru',
        })
        void saveCsv(datedCsvName(t('reports.balances.file'), new Date()), text, texts)
      }}
      chart={
        state === null
          ? {
              rows: items.map((item) => ({ name: item.name, balance: item.balance_total })),
              category: 'name',
              series: [{ key: 'balance', name: t('reports.balances.balance'), color: COLORS.main }],
              format: money,
            }
          : null
      }
      table={
        state ?? (
          <table className="simple-table report__table" aria-label={t('reports.balances.tab')}>
            <thead>
              <tr>
                <th scope="col">{t('reports.balances.group')}</th>
                <th scope="col" className="num">
                  {t('reports.balances.accounts')}
                </th>
                <th scope="col" className="num">
                  {t('reports.balances.balance')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.group_id}>
                  <th scope="row">{item.name}</th>
                  <td className="num">{formatNumber(item.accounts, language)}</td>
                  <td className="num">{money(item.balance_total)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('reports.total')}</th>
                <td className="num">
                  {formatNumber(
                    items.reduce((sum, item) => sum + item.accounts, 0),
                    language,
                  )}
                </td>
                <td className="num">{money(total)}</td>
              </tr>
            </tfoot>
          </table>
        )
      }
    />
  )
}

function OperationsReportView(): React.JSX.Element {
  const t = useT()
  const money = useMoney()
  const language = currentLanguage()
  const texts = useExportTexts()
  const [period, setPeriod] = useState(() => {
    const today = new Date()
    const from = new Date(today)
    from.setDate(from.getDate() - 29)
    return { from: isoDay(from), to: isoDay(today) }
  })
  const ids = { from: useId(), to: useId() }
  const valid = period.from !== '' && period.to !== '' && period.from <= period.to
  const query = useIpcQuery('reports:operations', valid ? period : null, { keepPrevious: true })
  const items = useMemo(() => query.data?.items ?? [], [query.data])
  const types = useMemo(
    () =>
      Object.fromEntries(OPERATION_TYPES.map((type) => [type, t(`operations.type.${type}`)])) as Record<
        OperationType,
        string
      >,
    [t],
  )
  const rows = useMemo(() => {
    const byDay = new Map<string, Record<string, string | number>>()
    for (const item of items) {
      const row = byDay.get(item.day) ?? { day: item.day }
      row[item.type] = item.amount
      byDay.set(item.day, row)
    }
    return [...byDay.values()]
  }, [items])
  const series: ChartSeries[] = OPERATION_TYPES.map((type) => ({
    key: type,
    name: types[type],
    color: COLORS[type],
  }))
  const state = valid ? (
    reportState(query, items.length === 0, t('reports.operations.empty'), t)
  ) : (
    <p className="field__error" role="alert">
      {t('reports.operations.badRange')}
    </p>
  )
  return (
    <ReportLayout
      description={t('reports.operations.description')}
      controls={
        <div className="report__controls">
          <label htmlFor={ids.from}>{t('reports.operations.from')}</label>
          <input
            id={ids.from}
            type="date"
            className="input"
            value={period.from}
            onChange={(event) => setPeriod({ ...period, from: event.target.value })}
            data-testid="report-from"
          />
          <label htmlFor={ids.to}>{t('reports.operations.to')}</label>
          <input
            id={ids.to}
            type="date"
            className="input"
            value={period.to}
            onChange={(event) => setPeriod({ ...period, to: event.target.value })}
            data-testid="report-to"
          />
        </div>
      }
      exportable={valid && items.length > 0}
      onExport={() => {
        if (!query.data) return
        const text = operationsCsv(query.data, {
          day: t('reports.operations.day'),
          type: t('reports.operations.type'),
          count: t('reports.operations.count'),
          amount: t('reports.operations.amount'),
          types,
          decimalComma: language === 'ru',
        })
        void saveCsv(`${t('reports.operations.file')}-${period.from}-${period.to}.csv`, text, texts)
      }}
      chart={state === null ? { rows, category: 'day', series, stacked: false, format: money } : null}
      table={
        state ?? (
          <table className="simple-table report__table" aria-label={t('reports.operations.tab')}>
            <thead>
              <tr>
                <th scope="col">{t('reports.operations.day')}</th>
                <th scope="col">{t('reports.operations.type')}</th>
                <th scope="col" className="num">
                  {t('reports.operations.count')}
                </th>
                <th scope="col" className="num">
                  {t('reports.operations.amount')}
                </th>
              </tr>
            </thead>
            <tbody aria-busy={query.isPlaceholderData || undefined}>
              {items.map((item) => (
                <tr key={`${item.day}-${item.type}`}>
                  <td>{item.day}</td>
                  <td>{types[item.type]}</td>
                  <td className="num">{formatNumber(item.count, language)}</td>
                  <td className="num">{money(item.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    />
  )
}

function LadderStepsReportView(): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const texts = useExportTexts()
  const ladders = useCachedList('ladders:list')
  const selectId = useId()
  const [chosen, setChosen] = useState<number | null>(null)
  const ladderId = chosen ?? ladders.items.find((ladder) => ladder.active)?.id ?? ladders.items[0]?.id ?? null
  const ladder = ladders.items.find((item) => item.id === ladderId)
  const query = useIpcQuery('reports:ladder-steps', ladderId === null ? null : { ladder_id: ladderId })
  const items = useMemo(() => query.data?.items ?? [], [query.data])
  const count = (value: number) => formatNumber(value, language)
  let state: React.JSX.Element | null
  if (ladders.status === 'loading') state = <LoadingState />
  else if (ladders.items.length === 0)
    state = <EmptyState icon="ladder" title={t('reports.ladderSteps.noLadders')} />
  else state = reportState(query, items.length === 0, t('reports.ladderSteps.empty'), t)
  return (
    <ReportLayout
      description={t('reports.ladderSteps.description')}
      controls={
        <div className="report__controls">
          <label htmlFor={selectId}>{t('reports.ladderSteps.ladder')}</label>
          <select
            id={selectId}
            className="input select"
            value={ladderId === null ? '' : String(ladderId)}
            onChange={(event) => setChosen(event.target.value === '' ? null : Number(event.target.value))}
            data-testid="report-ladder"
          >
            {ladderId === null && <option value="">{t('reports.ladderSteps.chooseLadder')}</option>}
            {ladders.items.map((item) => (
              <option key={item.id} value={item.id}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
      }
      exportable={items.length > 0}
      onExport={() => {
        if (!query.data) return
        const text = ladderStepsCsv(query.data, {
          index: t('reports.ladderSteps.index'),
          step: t('reports.ladderSteps.step'),
          accounts: t('reports.ladderSteps.accounts'),
        })
        void saveCsv(
          datedCsvName(`${t('reports.ladderSteps.file')}-${ladderId ?? ''}`, new Date()),
          text,
          texts,
        )
      }}
      chart={
        state === null
          ? {
              rows: items.map((item) => ({ name: item.name, accounts: item.accounts })),
              category: 'name',
              series: [{ key: 'accounts', name: t('reports.ladderSteps.accounts'), color: COLORS.main }],
              format: count,
            }
          : null
      }
      table={
        state ?? (
          <table
            className="simple-table report__table"
            aria-label={
              ladder ? `${t('reports.ladderSteps.tab')}: ${ladder.name}` : t('reports.ladderSteps.tab')
            }
          >
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('reports.ladderSteps.index')}
                </th>
                <th scope="col">{t('reports.ladderSteps.step')}</th>
                <th scope="col" className="num">
                  {t('reports.ladderSteps.accounts')}
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.index}>
                  <td className="num">{item.index + 1}</td>
                  <th scope="row">{item.name}</th>
                  <td className="num">{count(item.accounts)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    />
  )
}
