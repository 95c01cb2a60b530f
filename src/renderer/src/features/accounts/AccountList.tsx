// The accounts the server finds, as one virtualized grid over all of them: only the visible rows are in the DOM,
// and only the page around them is asked for (paging.ts). Rows of a page still on its way show as placeholders;
// the page shown stays until the next arrives. Keyboard: ↑ ↓ PageUp PageDown Home End move, Enter opens, Space
// selects (when selecting is on).
import { useEffect, useId, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useTranslation } from 'react-i18next'
import type { Account } from '@shared/api'
import { formatMoney, toKopecks } from '@shared/domain'
import { currentLanguage } from '../../app/i18n'
import { usePagedList } from '../../app/queries'
import { DATA_TABLE_ROW_HEIGHT } from '../../components/DataTable'
import { gridMove } from '../../components/data-table-model'
import { Badge } from '../../components/Badge'
import { ErrorState, LoadingState } from '../../components/states'
import { messageFor } from '../../app/messages'
import { covers, pageFor, scrollRows, type PageWindow } from './paging'

const ROW = DATA_TABLE_ROW_HEIGHT

export interface AccountListProps {
  q: string
  groupId: number | null
  /** Only the accounts whose level is set by hand now. */
  overridden?: boolean
  groupName: (id: number) => string
  selectedId: number | null
  onOpen: (account: Account) => void
  /** Checkboxes for a move (admin): the chosen ids, and a toggle. */
  picked?: ReadonlySet<number>
  onPick?: (account: Account) => void
  /** The total as the server counts it (its cap says "more than"), for the screen's counter. */
  onTotal?: (total: number | null, loading: boolean) => void
  empty: React.ReactNode
  /** A pane is open beside the list: the group column goes (the card shows it). */
  compact?: boolean
}

export function AccountList({
  q,
  groupId,
  overridden = false,
  groupName,
  selectedId,
  onOpen,
  picked,
  onPick,
  onTotal,
  empty,
  compact = false,
}: AccountListProps): React.JSX.Element {
  const { t } = useTranslation()
  const language = currentLanguage()
  const gridId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [page, setPage] = useState<PageWindow>(() => pageFor(0, 30))
  const [active, setActive] = useState(0)
  const filters = {
    q: q === '' ? undefined : q,
    group_id: groupId ?? undefined,
    step_override: overridden ? (true as const) : undefined,
  }
  const list = usePagedList('accounts:list', filters, page)
  const filterKey = `${q}\u0000${groupId ?? ''}\u0000${overridden}`
  const [shownFilterKey, setShownFilterKey] = useState(filterKey)
  // New filters: back to the top, first page.
  if (shownFilterKey !== filterKey) {
    setShownFilterKey(filterKey)
    setPage(pageFor(0, 30))
    setActive(0)
  }
  const count = scrollRows(list.total)
  const total = list.loading ? null : list.total

  useEffect(() => {
    onTotal?.(total, list.loading || list.previous)
  }, [onTotal, total, list.loading, list.previous])

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 })
  }, [filterKey])

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not memoizable by the compiler
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 10,
    scrollPaddingStart: ROW,
    initialRect: { width: 800, height: 480 },
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    if (!covers({ ...page, total: count }, first, last)) setPage(pageFor(first, last))
  }, [first, last, page, count])

  const rowAt = (index: number): Account | undefined =>
    index >= list.offset && index < list.offset + list.items.length
      ? list.items[index - list.offset]
      : undefined
  const activeRow = rowAt(active)

  const pageSize = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 480) / ROW) - 1)
  const moveTo = (index: number) => {
    if (count === 0) return
    const next = Math.max(0, Math.min(count - 1, index))
    setActive(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    const target = gridMove(event.key, active, pageSize, count)
    if (target !== null) moveTo(target)
    else if (event.key === 'Enter' && activeRow) onOpen(activeRow)
    else if (event.key === ' ' && activeRow) (onPick ?? onOpen)(activeRow)
    else if (event.key !== 'Enter' && event.key !== ' ') return
    event.preventDefault()
  }

  const template = [
    onPick && '36px',
    'minmax(100px, 1fr)',
    'minmax(140px, 2fr)',
    'minmax(124px, 1.2fr)',
    !compact && 'minmax(110px, 1.2fr)',
    '104px',
  ]
    .filter(Boolean)
    .join(' ')
  const columnCount = (onPick ? 1 : 0) + (compact ? 4 : 5)
  const rowDomId = (index: number) => `${gridId}-row-${index}`
  const money = (value: number) => formatMoney(toKopecks(value), language)

  return (
    <div className="data-table account-list" data-testid="accounts-list-container">
      <div
        ref={scrollRef}
        role="grid"
        aria-label={t('accounts.tableLabel')}
        aria-rowcount={count + 1}
        aria-colcount={columnCount}
        aria-busy={list.loading || list.previous}
        aria-activedescendant={activeRow ? rowDomId(active) : undefined}
        aria-multiselectable={onPick ? true : undefined}
        tabIndex={0}
        className="data-table__scroll"
        onKeyDown={onKeyDown}
        data-testid="accounts-list"
      >
        <div role="rowgroup" className="data-table__head">
          <div
            role="row"
            aria-rowindex={1}
            className="data-table__row"
            style={{ gridTemplateColumns: template }}
          >
            {onPick && (
              <div role="columnheader" aria-label={t('accounts.pick')} className="data-table__cell" />
            )}
            <div role="columnheader" className="data-table__cell">
              {t('accounts.number')}
            </div>
            <div role="columnheader" className="data-table__cell">
              {t('accounts.holder')}
            </div>
            <div role="columnheader" className="data-table__cell">
              {t('accounts.phone')}
            </div>
            {!compact && (
              <div role="columnheader" className="data-table__cell">
                {t('accounts.group')}
              </div>
            )}
            <div role="columnheader" className="data-table__cell data-table__cell--end">
              {t('accounts.balance')}
            </div>
          </div>
        </div>
        {list.error && list.items.length === 0 ? (
          <ErrorState message={messageFor(list.error)} onRetry={() => void list.reload()} />
        ) : list.loading ? (
          <LoadingState label={t('accounts.searching')} />
        ) : count === 0 ? (
          <div className="data-table__empty">{empty}</div>
        ) : (
          <div role="rowgroup" className="data-table__body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const account = rowAt(item.index)
              const style = {
                gridTemplateColumns: template,
                width: '100%',
                height: ROW,
                transform: `translateY(${item.start}px)`,
              }
              if (!account) {
                return (
                  <div
                    key={`placeholder-${item.index}`}
                    role="row"
                    aria-rowindex={item.index + 2}
                    className="data-table__row data-table__row--body account-list__placeholder"
                    style={style}
                  >
                    <div role="gridcell" className="data-table__cell muted">
                      …
                    </div>
                  </div>
                )
              }
              const isPicked = picked?.has(account.id) ?? false
              return (
                <div
                  key={account.id}
                  id={rowDomId(item.index)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={onPick ? isPicked : account.id === selectedId}
                  data-account-id={account.id}
                  className={[
                    'data-table__row',
                    'data-table__row--body',
                    item.index === active && 'is-active',
                    account.id === selectedId && 'is-selected',
                    account.blocked && 'is-inactive',
                  ]
                    .filter(Boolean)
                    .join(' ')}
                  style={style}
                  onClick={() => {
                    setActive(item.index)
                    onOpen(account)
                  }}
                >
                  {onPick && (
                    <div role="gridcell" className="data-table__cell">
                      <input
                        type="checkbox"
                        tabIndex={-1}
                        checked={isPicked}
                        aria-label={t('accounts.pickOne', { number: account.number })}
                        onClick={(event) => event.stopPropagation()}
                        onChange={() => onPick?.(account)}
                      />
                    </div>
                  )}
                  <div role="gridcell" className="data-table__cell mono">
                    {account.number}
                  </div>
                  <div role="gridcell" className="data-table__cell">
                    <span className="data-table__text">{account.holder_name ?? '—'}</span>
                    {account.blocked && <Badge tone="danger">{t('accounts.blocked')}</Badge>}
                  </div>
                  <div role="gridcell" className="data-table__cell mono">
                    {account.phone ?? ''}
                  </div>
                  {!compact && (
                    <div role="gridcell" className="data-table__cell">
                      <span className="data-table__text">{groupName(account.group_id)}</span>
                    </div>
                  )}
                  <div role="gridcell" className="data-table__cell data-table__cell--end">
                    {money(account.balance)}
                  </div>
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
