// The accounts the server finds, as one virtualized grid over all of them: only the visible rows are in the DOM,
// and only the page around them is asked for (paging.ts). Rows of a page still on its way show as placeholders;
// the page shown stays until the next arrives. Keyboard: ↑ ↓ PageUp PageDown Home End move, Enter opens, Space
// selects (when selecting is on).
import { memo, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useT } from '../../app/useT'
import type { Account } from '@shared/api'
import { formatMoney, toKopecks } from '@shared/domain'
import { currentLanguage, type Language } from '../../app/i18n'
import { usePagedList } from '../../app/queries'
import { DATA_TABLE_ROW_HEIGHT } from '../../components/DataTable'
import { gridMove } from '../../components/data-table-model'
import { Badge } from '../../components/Badge'
import { ErrorState, LoadingState } from '../../components/states'
import { messageFor } from '../../app/messages'
import { nextPage, pageFor, scrollRows, type PageWindow } from './paging'

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
  const t = useT()
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
    const next = nextPage({ ...page, total: count }, first, last)
    if (next) setPage(next)
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

  // The rows get handlers that never change, so that a row is rendered when it comes on screen or its own
  // content changes, not on every scroll frame: they call the latest props through a ref.
  const handlers = useRef({ onOpen, onPick })
  useLayoutEffect(() => {
    handlers.current = { onOpen, onPick }
  })
  const onRowClick = useCallback((index: number, account: Account) => {
    setActive(index)
    handlers.current.onOpen(account)
  }, [])
  const onRowPick = useCallback((account: Account) => handlers.current.onPick?.(account), [])

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
        <AccountListHead template={template} picking={Boolean(onPick)} compact={compact} />
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
              return account ? (
                <AccountRow
                  key={account.id}
                  account={account}
                  index={item.index}
                  start={item.start}
                  domId={rowDomId(item.index)}
                  template={template}
                  compact={compact}
                  language={language}
                  groupName={compact ? '' : groupName(account.group_id)}
                  active={item.index === active}
                  selected={account.id === selectedId}
                  picked={onPick ? (picked?.has(account.id) ?? false) : undefined}
                  onClick={onRowClick}
                  onPick={onRowPick}
                />
              ) : (
                <PlaceholderRow
                  key={`placeholder-${item.index}`}
                  index={item.index}
                  start={item.start}
                  template={template}
                />
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}

/** The columns after the checkbox, by their header's text key (`accounts.…`). */
const COLUMNS = ['number', 'holder', 'phone', 'group', 'balance'] as const

const rowStyle = (template: string, start: number): React.CSSProperties => ({
  gridTemplateColumns: template,
  width: '100%',
  height: ROW,
  transform: `translateY(${start}px)`,
})

const AccountListHead = memo(function AccountListHead({
  template,
  picking,
  compact,
}: {
  template: string
  picking: boolean
  compact: boolean
}): React.JSX.Element {
  const t = useT()
  return (
    <div role="rowgroup" className="data-table__head">
      <div role="row" aria-rowindex={1} className="data-table__row" style={{ gridTemplateColumns: template }}>
        {picking && <div role="columnheader" aria-label={t('accounts.pick')} className="data-table__cell" />}
        {COLUMNS.filter((column) => !compact || column !== 'group').map((column) => (
          <div
            key={column}
            role="columnheader"
            className={column === 'balance' ? 'data-table__cell data-table__cell--end' : 'data-table__cell'}
          >
            {t(`accounts.${column}`)}
          </div>
        ))}
      </div>
    </div>
  )
})

/** A row of a page still on its way. */
const PlaceholderRow = memo(function PlaceholderRow({
  index,
  start,
  template,
}: {
  index: number
  start: number
  template: string
}): React.JSX.Element {
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="data-table__row data-table__row--body account-list__placeholder"
      style={rowStyle(template, start)}
    >
      <div role="gridcell" className="data-table__cell muted">
        …
      </div>
    </div>
  )
})

interface AccountRowProps {
  account: Account
  index: number
  start: number
  domId: string
  template: string
  compact: boolean
  language: Language
  groupName: string
  active: boolean
  selected: boolean
  /** With checkboxes: whether this one is picked. */
  picked: boolean | undefined
  onClick: (index: number, account: Account) => void
  onPick: (account: Account) => void
}

/** The fields a row shows are the same (the same account read again in another page). */
const sameShown = (a: Account, b: Account): boolean =>
  a === b ||
  (a.id === b.id &&
    a.number === b.number &&
    a.holder_name === b.holder_name &&
    a.phone === b.phone &&
    a.group_id === b.group_id &&
    a.balance === b.balance &&
    a.blocked === b.blocked)

function sameRow(before: AccountRowProps, after: AccountRowProps): boolean {
  for (const key of Object.keys(after) as (keyof AccountRowProps)[]) {
    if (key === 'account' ? !sameShown(before.account, after.account) : before[key] !== after[key])
      return false
  }
  return true
}

/**
 * One account: rendered again only when what it shows changes, not when the list scrolls or the next page brings
 * the same account again.
 */
const AccountRow = memo(function AccountRow({
  account,
  index,
  start,
  domId,
  template,
  compact,
  language,
  groupName,
  active,
  selected,
  picked,
  onClick,
  onPick,
}: AccountRowProps): React.JSX.Element {
  const t = useT()
  const picking = picked !== undefined
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={picking ? picked : selected}
      data-account-id={account.id}
      className={[
        'data-table__row',
        'data-table__row--body',
        active && 'is-active',
        selected && 'is-selected',
        account.blocked && 'is-inactive',
      ]
        .filter(Boolean)
        .join(' ')}
      style={rowStyle(template, start)}
      onClick={() => onClick(index, account)}
    >
      {picking && (
        <div role="gridcell" className="data-table__cell">
          <input
            type="checkbox"
            tabIndex={-1}
            checked={picked}
            aria-label={t('accounts.pickOne', { number: account.number })}
            onClick={(event) => event.stopPropagation()}
            onChange={() => onPick(account)}
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
          <span className="data-table__text">{groupName}</span>
        </div>
      )}
      <div role="gridcell" className="data-table__cell data-table__cell--end">
        {formatMoney(toKopecks(account.balance), language)}
      </div>
    </div>
  )
}, sameRow)
