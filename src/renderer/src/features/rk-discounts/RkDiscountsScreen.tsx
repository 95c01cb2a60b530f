import { useMemo, useState } from 'react'
import { useT } from '../../app/useT'
import type { RkDiscount } from '@shared/api'
import type { CatalogUsage } from '@shared/ipc'
import { formatDataTime } from '../../app/format'
import { currentLanguage, type Language } from '../../app/i18n'
import { hrefTo, replaceParams } from '../../app/router'
import { useShortcut } from '../../app/shortcuts'
import type { ScreenComponentProps } from '../../app/screens'
import { Badge } from '../../components/Badge'
import { Button, IconButton } from '../../components/Button'
import { DataTable } from '../../components/DataTable'
import type { DataTableColumn } from '../../components/data-table-model'
import { Icon } from '../../components/Icon'
import { Screen } from '../../components/Screen'
import { ListStates } from '../entities/EntityListScreen'
import { Banner, EmptyState, LoadingState } from '../../components/states'
import { useCanEdit } from '../session/store'
import { discountValueSortKey, formatDiscountValue } from './format'
import { saveCsv } from '../../app/csv'
import { catalogCsv, catalogFileName } from './export-file'
import { ImportDialog } from './ImportDialog'
import './rk-discounts.css'
import { useCachedList } from '../../app/queries'

type ActiveFilter = 'all' | 'active' | 'inactive'
type LadderUse = CatalogUsage['items'][number]['ladders'][number]

const NO_USE: readonly LadderUse[] = []

/** The R-Keeper discount list: a large sortable, filterable table, where each is used, and the import. */
export function RkDiscountsScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const list = useCachedList('catalog:list')
  const usage = useCachedList('catalog:usage')
  const canImport = useCanEdit('rk_discount_import')
  const [show, setShow] = useState<ActiveFilter>('all')
  const [importOpen, setImportOpen] = useState(false)

  const usageById = useMemo(
    () => new Map(usage.items.map((entry) => [entry.rk_discount_id, entry.ladders])),
    [usage.items],
  )
  const rows = useMemo(
    () =>
      show === 'all' ? list.items : list.items.filter((discount) => discount.active === (show === 'active')),
    [list.items, show],
  )
  const selectedId = params[0] !== undefined && /^\d+$/.test(params[0]) ? Number(params[0]) : null
  const selected =
    selectedId === null ? null : (list.items.find((discount) => discount.id === selectedId) ?? null)

  // With the details pane open the table is narrower: kind and sync time are in the pane, so they step aside.
  const compact = selected !== null
  const columns = useMemo<DataTableColumn<RkDiscount>[]>(() => {
    // Translated once, not once per row (the column's text is read for every row to search and sort).
    const kinds: Record<RkDiscount['kind'], string> = {
      percent: t('rkDiscounts.kindValue.percent'),
      amount: t('rkDiscounts.kindValue.amount'),
    }
    const all: DataTableColumn<RkDiscount>[] = [
      {
        id: 'code',
        header: t('rkDiscounts.code'),
        value: (discount) => discount.rk_code,
        align: 'end',
        width: '76px',
      },
      {
        id: 'name',
        header: t('rkDiscounts.name'),
        value: (discount) => discount.name,
        width: 'minmax(180px, 3fr)',
      },
      {
        id: 'kind',
        header: t('rkDiscounts.kind'),
        value: (discount) => kinds[discount.kind],
        width: '100px',
        priority: 1,
      },
      {
        id: 'value',
        header: t('rkDiscounts.value'),
        // Kind first, then the value: 10 % and 10 ₽ are not neighbours.
        value: discountValueSortKey,
        cell: (discount) => formatDiscountValue(discount, language),
        filterText: false,
        align: 'end',
        width: '100px',
      },
      {
        id: 'active',
        header: t('rkDiscounts.active'),
        value: (discount) => discount.active,
        align: 'center',
        width: '88px',
        priority: 3,
      },
      {
        id: 'synced',
        header: t('rkDiscounts.synced'),
        value: (discount) => discount.synced_at,
        cell: (discount) => formatDataTime(discount.synced_at, language),
        filterText: false,
        width: '168px',
        priority: 2,
      },
      {
        id: 'used',
        header: t('rkDiscounts.usedIn'),
        value: (discount) => usageById.get(discount.id)?.length ?? 0,
        cell: (discount) => {
          const ladders = usageById.get(discount.id)
          return ladders && ladders.length > 0 ? (
            <span className="data-table__text" title={ladders.map((ladder) => ladder.name).join(', ')}>
              {ladders.length}
            </span>
          ) : (
            <span className="muted">—</span>
          )
        },
        filterText: false,
        align: 'end',
        width: '92px',
        priority: 4,
      },
    ]
    return compact ? all.filter((column) => column.id !== 'kind' && column.id !== 'synced') : all
  }, [t, language, usageById, compact])

  const filters: { value: ActiveFilter; label: string }[] = [
    { value: 'all', label: t('rkDiscounts.showAll') },
    { value: 'active', label: t('rkDiscounts.showActive') },
    { value: 'inactive', label: t('rkDiscounts.showInactive') },
  ]
  const exportCatalog = async (discounts: readonly RkDiscount[]) => {
    const name = catalogFileName(new Date())
    const text = catalogCsv(discounts, {
      headers: {
        rk_code: t('rkDiscounts.code'),
        name: t('rkDiscounts.name'),
        kind: t('rkDiscounts.kind'),
        value: t('rkDiscounts.value'),
        active: t('rkDiscounts.active'),
      },
      kind: { percent: t('rkDiscounts.kindValue.percent'), amount: t('rkDiscounts.kindValue.amount') },
      yes: t('common.yes'),
      no: t('common.no'),
      decimalComma: language === 'ru',
    })
    await saveCsv(name, text, {
      saved: (path) => t('rkDiscounts.export.saved', { path }),
      downloaded: (file) => t('rkDiscounts.export.downloaded', { name: file }),
      failed: (message) => t('rkDiscounts.export.failed', { message }),
    })
  }
  const importButton = canImport && (
    <Button
      variant="primary"
      icon="upload"
      title={t('rkDiscounts.import.buttonHint')}
      onClick={() => setImportOpen(true)}
      data-testid="rk-import"
    >
      {t('rkDiscounts.import.button')}
    </Button>
  )

  const content = (
    <ListStates list={list}>
      <DataTable
        rows={rows}
        columns={columns}
        getRowId={(discount) => discount.id}
        label={t('rkDiscounts.tableLabel')}
        filterLabel={t('rkDiscounts.filter')}
        selectedId={selectedId}
        onRowActivate={(discount) => replaceParams(discount.id)}
        initialSort={{ columnId: 'code', direction: 'asc' }}
        rowClassName={(discount) => (discount.active ? undefined : 'is-inactive')}
        toolbar={
          <div className="segmented" role="group" aria-label={t('rkDiscounts.show')}>
            {filters.map((filter) => (
              <button
                key={filter.value}
                type="button"
                className={show === filter.value ? 'segmented__item is-active' : 'segmented__item'}
                aria-pressed={show === filter.value}
                onClick={() => setShow(filter.value)}
              >
                {filter.label}
              </button>
            ))}
          </div>
        }
        empty={
          list.items.length === 0 ? (
            <EmptyState icon="discount" title={t('rkDiscounts.empty')} action={importButton || undefined}>
              {canImport ? t('rkDiscounts.emptyHint') : t('rkDiscounts.emptyReadOnly')}
            </EmptyState>
          ) : (
            <EmptyState icon="search" title={t('rkDiscounts.emptyFiltered')} />
          )
        }
        testId="rk-discounts-table"
      />
    </ListStates>
  )

  return (
    <Screen
      title={t('rkDiscounts.title')}
      subtitle={t('rkDiscounts.subtitle')}
      fetchedAt={list.fetchedAt}
      stale={list.stale}
      layout="split"
      actions={
        <>
          <Button
            icon="refresh"
            variant="ghost"
            onClick={() => {
              void list.reload(true)
              void usage.reload(true)
            }}
          >
            {t('common.refresh')}
          </Button>
          <Button
            icon="download"
            variant="ghost"
            title={t('rkDiscounts.export.hint')}
            disabled={list.items.length === 0}
            onClick={() => void exportCatalog(list.items)}
            data-testid="rk-export"
          >
            {t('rkDiscounts.export.button')}
          </Button>
          {importButton}
        </>
      }
    >
      {content}
      {selected && (
        <aside
          className="detail-pane detail-pane--narrow"
          aria-label={selected.name}
          data-testid="rk-discount-pane"
        >
          <DiscountDetails
            discount={selected}
            ladders={usageById.get(selected.id) ?? NO_USE}
            usageStatus={usage.status}
            usageStale={usage.stale ? usage.fetchedAt : null}
            language={language}
            onClose={() => replaceParams()}
          />
        </aside>
      )}
      <ImportDialog open={importOpen} onClose={() => setImportOpen(false)} />
    </Screen>
  )
}

function DiscountDetails({
  discount,
  ladders,
  usageStatus,
  usageStale,
  language,
  onClose,
}: {
  discount: RkDiscount
  ladders: readonly LadderUse[]
  usageStatus: 'loading' | 'ready' | 'error'
  usageStale: string | null
  language: Language
  onClose: () => void
}): React.JSX.Element {
  const t = useT()
  useShortcut('escape', onClose)
  return (
    <div className="stack discount-details" data-testid="rk-discount-details">
      <div className="row">
        <h2 className="discount-details__title">{discount.name}</h2>
        {!discount.active && <Badge tone="neutral">{t('common.inactive')}</Badge>}
        <span className="spacer" />
        <IconButton icon="close" size="sm" label={t('common.close')} shortcut="escape" onClick={onClose} />
      </div>
      <dl className="props">
        <div className="props__row">
          <dt>{t('rkDiscounts.details.code')}</dt>
          <dd className="mono">{discount.rk_code}</dd>
        </div>
        <div className="props__row">
          <dt>{t('rkDiscounts.details.kind')}</dt>
          <dd>{t(`rkDiscounts.kindValue.${discount.kind}`)}</dd>
        </div>
        <div className="props__row">
          <dt>{t('rkDiscounts.details.value')}</dt>
          <dd>{formatDiscountValue(discount, language)}</dd>
        </div>
        <div className="props__row">
          <dt>{t('rkDiscounts.details.state')}</dt>
          <dd>{discount.active ? t('common.active') : t('common.inactive')}</dd>
        </div>
        <div className="props__row">
          <dt>{t('rkDiscounts.details.synced')}</dt>
          <dd>{formatDataTime(discount.synced_at, language)}</dd>
        </div>
      </dl>
      {!discount.active && ladders.length > 0 && (
        <Banner tone="warning" icon="alert">
          {t('rkDiscounts.details.inactiveWarning')}
        </Banner>
      )}
      <section className="stack" aria-labelledby="discount-usage-title">
        <h3 id="discount-usage-title" className="discount-details__subtitle">
          {t('rkDiscounts.details.usage')}
        </h3>
        {usageStatus === 'loading' && ladders.length === 0 ? (
          <LoadingState inline label={t('rkDiscounts.details.usageLoading')} />
        ) : ladders.length === 0 ? (
          <p className="muted" data-testid="rk-usage-none">
            {t('rkDiscounts.details.usageNone')}
          </p>
        ) : (
          <ul className="usage-list" data-testid="rk-usage">
            {ladders.map((ladder) => (
              <li key={ladder.ladder_id} className="usage-list__item">
                <a
                  href={hrefTo('ladders', ladder.ladder_id)}
                  className="usage-list__link"
                  title={t('rkDiscounts.details.openLadder', { name: ladder.name })}
                >
                  <Icon name="ladder" />
                  <span>{ladder.name}</span>
                </a>
                {!ladder.active && <Badge tone="neutral">{t('rkDiscounts.details.ladderInactive')}</Badge>}
                <span className="usage-list__steps muted">
                  {t('rkDiscounts.details.step', { count: ladder.steps.length })}:{' '}
                  {ladder.steps.map((step) => step.name).join(', ')}
                </span>
              </li>
            ))}
          </ul>
        )}
        {usageStale && (
          <p className="muted discount-details__note">
            {t('rkDiscounts.details.usageStale', { time: formatDataTime(usageStale, language) })}
          </p>
        )}
      </section>
    </div>
  )
}
