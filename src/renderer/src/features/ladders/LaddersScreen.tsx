import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Ladder, LadderStep, RkDiscount } from '@shared/api'
import { formatMoney, toKopecks } from '@shared/domain'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { DataTable } from '../../components/DataTable'
import { Icon } from '../../components/Icon'
import type { DataTableColumn } from '../../components/data-table-model'
import { Screen } from '../../components/Screen'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { formatDataTime, formatNumber } from '../../app/format'
import { currentLanguage, type Language } from '../../app/i18n'
import { replaceParams } from '../../app/router'
import type { ScreenComponentProps } from '../../app/screens'
import { DraftStateBadge } from '../drafts/DraftStateBadge'
import { useDraftStates } from '../drafts/store'
import { useCachedList } from '../../app/queries'
import './ladders.css'

function formatThreshold(ladder: Ladder, threshold: number, language: Language): string {
  if (ladder.basis === 'visits') return formatNumber(threshold, language)
  try {
    return formatMoney(toKopecks(threshold), language)
  } catch {
    return String(threshold)
  }
}

function percent(value: number, language: Language): string {
  return `${formatNumber(value, language)} %`
}

/** The ladders as they are on the server (or in main's cache): a list and the steps of the selected one. */
export function LaddersScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const { t } = useTranslation()
  const language = currentLanguage()
  const list = useCachedList('ladders:list')
  const catalog = useCachedList('catalog:list')
  const draftStates = useDraftStates('ladder')
  const selectedId = params[0] !== undefined ? Number(params[0]) : null
  const selected = list.items.find((ladder) => ladder.id === selectedId) ?? null
  const discounts = useMemo(() => new Map(catalog.items.map((d) => [d.id, d])), [catalog.items])

  const columns = useMemo<DataTableColumn<Ladder>[]>(
    () => [
      {
        id: 'name',
        header: t('ladders.name'),
        value: (l) => l.name,
        // A pending edit of the ladder shows next to its name: «черновик», «конфликт»…
        cell: (l) => {
          const state = draftStates.get(l.id)
          return (
            <>
              <span className="data-table__text">{l.name}</span>
              {state && <DraftStateBadge state={state} />}
            </>
          )
        },
        width: 'minmax(140px, 2fr)',
      },
      {
        id: 'basis',
        header: t('ladders.basis'),
        value: (l) => t(`ladders.basisValue.${l.basis}`),
        width: 'minmax(120px, 1fr)',
        priority: 2,
      },
      {
        id: 'period',
        header: t('ladders.period'),
        value: (l) =>
          l.period === 'rolling_days'
            ? t('ladders.periodValue.rolling_days', { days: l.period_days ?? 0 })
            : t('ladders.periodValue.all_time'),
        width: 'minmax(130px, 1fr)',
        priority: 3,
      },
      {
        id: 'steps',
        header: t('ladders.steps'),
        value: (l) => l.steps.length,
        align: 'end',
        width: '88px',
        priority: 4,
      },
      {
        id: 'active',
        header: t('ladders.active'),
        value: (l) => l.active,
        align: 'center',
        width: '88px',
        priority: 1,
      },
      {
        id: 'updated',
        header: t('ladders.updated'),
        value: (l) => l.updated_at,
        cell: (l) => formatDataTime(l.updated_at, language),
        filterText: false,
        width: '116px',
        priority: 5,
      },
    ],
    [t, language, draftStates],
  )

  let content: React.JSX.Element
  if (list.status === 'loading') content = <LoadingState />
  else if (list.status === 'error' && list.items.length === 0) {
    content = <ErrorState message={list.error?.message} onRetry={() => void list.reload(true)} />
  } else {
    content = (
      <>
        <DataTable
          rows={list.items}
          columns={columns}
          getRowId={(l) => l.id}
          label={t('ladders.tableLabel')}
          filterLabel={t('ladders.filter')}
          selectedId={selectedId}
          onRowActivate={(l) => replaceParams(l.id)}
          initialSort={{ columnId: 'name', direction: 'asc' }}
          rowClassName={(l) => (l.active ? undefined : 'is-inactive')}
          empty={
            <EmptyState icon="ladder" title={t('ladders.empty')}>
              {t('ladders.emptyHint')}
            </EmptyState>
          }
          testId="ladders-table"
        />
        {/* Focusable: the pane scrolls, and keyboard users must be able to scroll it. */}
        <aside
          className="detail-pane"
          aria-label={selected ? selected.name : t('ladders.stepsTitle')}
          tabIndex={0}
        >
          {selected ? (
            <LadderDetails ladder={selected} discounts={discounts} language={language} />
          ) : params[0] !== undefined ? (
            // An address naming a ladder the list does not have (deleted, or a mistyped link).
            <EmptyState
              icon="info"
              title={t('ladders.notFound')}
              action={
                <Button icon="close" onClick={() => replaceParams()}>
                  {t('ladders.backToList')}
                </Button>
              }
            >
              <span data-testid="ladder-not-found">{t('ladders.notFoundText', { id: params[0] })}</span>
            </EmptyState>
          ) : (
            <EmptyState icon="ladder" title={t('ladders.select')} />
          )}
        </aside>
      </>
    )
  }

  return (
    <Screen
      title={t('ladders.title')}
      subtitle={t('ladders.subtitle')}
      fetchedAt={list.fetchedAt}
      stale={list.stale}
      layout="split"
      actions={
        <Button icon="refresh" variant="ghost" onClick={() => void list.reload(true)}>
          {t('common.refresh')}
        </Button>
      }
    >
      {content}
    </Screen>
  )
}

/** The selected ladder and its steps; a step whose RK discount is inactive says so. */
export function LadderDetails({
  ladder,
  discounts,
  language,
}: {
  ladder: Ladder
  discounts: ReadonlyMap<number, RkDiscount>
  language: Language
}): React.JSX.Element {
  const { t } = useTranslation()
  const discountOf = (step: LadderStep) =>
    step.rk_discount_id === null ? undefined : discounts.get(step.rk_discount_id)
  const discountName = (step: LadderStep) => {
    if (step.rk_discount_id === null) return null
    return discountOf(step)?.name ?? `#${step.rk_discount_id}`
  }
  return (
    <div className="stack" data-testid="ladder-details">
      <div className="row">
        <h2>{ladder.name}</h2>
        {!ladder.active && <Badge tone="neutral">{t('ladders.inactive')}</Badge>}
      </div>
      <p className="muted">
        {t(`ladders.basisValue.${ladder.basis}`)} ·{' '}
        {ladder.period === 'rolling_days'
          ? t('ladders.periodValue.rolling_days', { days: ladder.period_days ?? 0 })
          : t('ladders.periodValue.all_time')}{' '}
        · {ladder.downgrade ? t('ladders.downgradeYes') : t('ladders.downgradeNo')}
      </p>
      <h3>{t('ladders.stepsTitle')}</h3>
      {/* A list of steps rather than a wide table: the pane is narrow, and each step reads as a sentence. */}
      <ol className="step-list">
        {ladder.steps.map((step, index) => {
          const rk = discountName(step)
          const inactive = discountOf(step)?.active === false
          const benefits: string[] = []
          if (rk) benefits.push(t('ladders.benefitRk', { name: rk }))
          if (step.bonus_percent !== null) {
            benefits.push(t('ladders.benefitBonus', { percent: percent(step.bonus_percent, language) }))
          }
          if (step.max_payment_percent !== null) {
            benefits.push(
              t('ladders.benefitPayment', { percent: percent(step.max_payment_percent, language) }),
            )
          }
          return (
            <li key={index} className="step-list__item">
              <div className="step-list__head">
                <span className="step-list__name">{step.name}</span>
                <span className="step-list__threshold num">
                  {t('ladders.from', { threshold: formatThreshold(ladder, step.threshold, language) })}
                </span>
              </div>
              <p className="step-list__benefits muted">
                {benefits.length > 0 ? benefits.join(' · ') : t('ladders.none')}
              </p>
              {inactive && (
                <p className="step-list__warning" data-testid="step-inactive-rk">
                  <Icon name="alert" /> {t('ladders.inactiveRk', { name: rk ?? '' })}
                </p>
              )}
            </li>
          )
        })}
      </ol>
      <p className="muted">
        {t('ladders.version', {
          version: ladder.version,
          who: ladder.updated_by ?? '—',
          time: formatDataTime(ladder.updated_at, language),
        })}
      </p>
    </div>
  )
}
