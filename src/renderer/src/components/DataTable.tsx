import {
  memo,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
} from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useLanguageCode, useT } from '../app/useT'
import { SearchInput } from './fields'
import { Icon } from './Icon'
import {
  columnTemplate,
  fitColumns,
  minimumWidth,
  filterIndexes,
  gridMove,
  lazySearchIndex,
  nextSort,
  queryWords,
  sortIndexes,
  textOf,
  type DataTableColumn,
  type SortState,
} from './data-table-model'

export const DATA_TABLE_ROW_HEIGHT = 36
/** Rows rendered past each edge of the visible ones while the list stands still, and while it scrolls. */
const OVERSCAN_STILL = 2
const OVERSCAN_SCROLLING = 12

export interface DataTableProps<T> {
  rows: readonly T[]
  columns: readonly DataTableColumn<T>[]
  getRowId: (row: T) => string | number
  /** The grid's accessible name ("Скидки RK"). */
  label: string
  /** Called on click, Enter or Space on a row. */
  onRowActivate?: (row: T) => void
  /** The row shown as selected (the one open in the editor). */
  selectedId?: string | number | null
  /** Shown when there are no rows at all. */
  empty?: ReactNode
  initialSort?: SortState | null
  /** Controlled filter text; leave both undefined for the table's own. */
  filter?: string
  onFilterChange?: (text: string) => void
  /** False hides the built-in filter box (a screen with its own search passes `filter`). */
  showFilter?: boolean
  filterLabel?: string
  /** Extra controls on the toolbar's right (import, create). */
  toolbar?: ReactNode
  /** Adds a class per row: inactive rows look muted. */
  rowClassName?: (row: T) => string | undefined
  /** Test id of the grid element for page models. */
  testId?: string
}

/**
 * A virtualized grid: only the visible rows are in the DOM, so 10,000 rows scroll and filter smoothly.
 * Sorting by header click (aria-sort), a filter box (Ctrl+K), and keyboard moves on the focused grid:
 * ↑ ↓ PageUp PageDown Home End, Enter to open.
 */
export function DataTable<T>({
  rows,
  columns: allColumns,
  getRowId,
  label,
  onRowActivate,
  selectedId,
  empty,
  initialSort = null,
  filter,
  onFilterChange,
  showFilter = true,
  filterLabel,
  toolbar,
  rowClassName,
  testId,
}: DataTableProps<T>): React.JSX.Element {
  const t = useT()
  const language = useLanguageCode()
  const gridId = useId()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [ownFilter, setOwnFilter] = useState('')
  const filterText = filter ?? ownFilter
  const setFilter = onFilterChange ?? setOwnFilter
  const [sort, setSort] = useState<SortState | null>(initialSort)
  const [activeIndex, setActiveIndex] = useState(0)
  // The grid's inner width: columns with a priority step aside when the others would not fit without scrolling.
  const [width, setWidth] = useState<number | null>(null)
  useEffect(() => {
    const element = scrollRef.current
    if (!element) return
    const measure = () => setWidth(element.clientWidth || null)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  const columns = useMemo(() => fitColumns(allColumns, width), [allColumns, width])

  // Sorted once per data, column and direction; a filter keystroke then only walks the rows in that order.
  const sortColumn = sort ? allColumns.find((c) => c.id === sort.columnId) : undefined
  const order = useMemo(() => {
    const all = rows.map((_, i) => i)
    return sortColumn && sort ? sortIndexes(all, rows, sortColumn, sort.direction, language) : all
  }, [rows, sortColumn, sort, language])
  // The search text of every row is built on the first search, or when the page is idle before that.
  const searchIndex = useMemo(() => lazySearchIndex(rows, allColumns), [rows, allColumns])
  useEffect(() => whenIdle(searchIndex), [searchIndex])
  const visible = useMemo(
    () => (queryWords(filterText).length === 0 ? order : filterIndexes(searchIndex(), filterText, order)),
    [order, searchIndex, filterText],
  )

  // Rows rendered beyond the visible ones: few while the list stands still (a filter keystroke refills every
  // rendered row), more while it scrolls (the compositor scrolls ahead of the main thread into what is rendered).
  const [scrolling, setScrolling] = useState(false)
  // TanStack Virtual's API is not memoizable by the React compiler (it says so); the app does not use the compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => DATA_TABLE_ROW_HEIGHT,
    overscan: scrolling ? OVERSCAN_SCROLLING : OVERSCAN_STILL,
    onChange: (instance) => setScrolling(instance.isScrolling),
    // The sticky header sits inside the scroll container above the rows.
    scrollPaddingStart: DATA_TABLE_ROW_HEIGHT,
    initialRect: { width: 800, height: 480 },
  })

  const template = columnTemplate(columns)
  const rowWidth = `max(100%, ${minimumWidth(columns)}px)`
  const clampedActive = Math.min(activeIndex, Math.max(visible.length - 1, 0))
  const activeRowIndex = visible[clampedActive]
  const activeRow = activeRowIndex === undefined ? undefined : rows[activeRowIndex]
  const rowDomId = (row: T) => `${gridId}-row-${String(getRowId(row))}`

  const moveTo = (index: number) => {
    if (visible.length === 0) return
    const next = Math.max(0, Math.min(visible.length - 1, index))
    setActiveIndex(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const pageSize = Math.max(
    1,
    Math.floor((scrollRef.current?.clientHeight ?? 480) / DATA_TABLE_ROW_HEIGHT) - 1,
  )

  const booleanTexts = useMemo(() => ({ yes: t('common.yes'), no: t('common.no') }), [t])
  const onBodyClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const element = (event.target as Element).closest('[role="row"][aria-rowindex]')
    if (!element || !event.currentTarget.contains(element)) return
    const index = Number(element.getAttribute('aria-rowindex')) - 2
    const rowIndex = visible[index]
    if (rowIndex === undefined) return
    setActiveIndex(index)
    onRowActivate?.(rows[rowIndex] as T)
  }

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget) return
    const target = gridMove(event.key, clampedActive, pageSize, visible.length)
    if (target !== null) moveTo(target)
    else if (event.key === 'Enter' || event.key === ' ') {
      if (activeRow !== undefined && onRowActivate) onRowActivate(activeRow)
    } else return
    event.preventDefault()
  }

  const countText =
    visible.length === rows.length
      ? t('table.count', { count: rows.length })
      : t('table.countFiltered', { shown: visible.length, total: rows.length })

  return (
    <div className="data-table" data-testid={testId ? `${testId}-container` : undefined}>
      {(showFilter || toolbar) && (
        <div className="data-table__toolbar">
          {showFilter && (
            <SearchInput
              value={filterText}
              onChange={(text) => {
                setFilter(text)
                setActiveIndex(0)
              }}
              label={filterLabel ?? t('table.filter')}
            />
          )}
          <span className="data-table__count muted" aria-live="polite">
            {countText}
          </span>
          <span className="spacer" />
          {toolbar}
        </div>
      )}
      <div
        ref={scrollRef}
        role="grid"
        aria-label={label}
        aria-rowcount={visible.length + 1}
        aria-colcount={columns.length}
        aria-activedescendant={
          activeRow !== undefined && visible.length > 0 ? rowDomId(activeRow) : undefined
        }
        tabIndex={0}
        className="data-table__scroll"
        onKeyDown={onKeyDown}
        data-testid={testId}
      >
        <DataTableHead columns={columns} template={template} sort={sort} setSort={setSort} />
        {rows.length === 0 ? (
          <div className="data-table__empty">{empty ?? t('table.empty')}</div>
        ) : visible.length === 0 ? (
          <div className="data-table__empty">{t('table.noMatches', { query: filterText })}</div>
        ) : (
          <div
            role="rowgroup"
            className="data-table__body"
            style={{ height: virtualizer.getTotalSize(), width: rowWidth }}
            onClick={onBodyClick}
          >
            {virtualizer.getVirtualItems().map((item) => {
              const rowIndex = visible[item.index]
              if (rowIndex === undefined) return null
              const row = rows[rowIndex] as T
              const id = getRowId(row)
              return (
                // Keyed by position: a filter keystroke refills the rows on screen instead of replacing them.
                <DataRow
                  key={item.index}
                  row={row}
                  id={id}
                  domId={rowDomId(row)}
                  index={item.index}
                  start={item.start}
                  columns={columns}
                  template={template}
                  active={item.index === clampedActive}
                  selected={selectedId !== undefined && selectedId !== null && id === selectedId}
                  className={rowClassName?.(row)}
                  texts={booleanTexts}
                />
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}

interface DataTableHeadProps<T> {
  columns: readonly DataTableColumn<T>[]
  template: string
  sort: SortState | null
  setSort: Dispatch<SetStateAction<SortState | null>>
}

/** The header row with its sort buttons; memoized, so a filter keystroke does not make its labels again. */
function DataTableHeadView<T>({
  columns,
  template,
  sort,
  setSort,
}: DataTableHeadProps<T>): React.JSX.Element {
  const t = useT()
  return (
    <div role="rowgroup" className="data-table__head">
      <div role="row" aria-rowindex={1} className="data-table__row" style={{ gridTemplateColumns: template }}>
        {columns.map((column) => {
          const sortable = column.sortable !== false
          const direction = sort?.columnId === column.id ? sort.direction : null
          return (
            <div
              key={column.id}
              role="columnheader"
              className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}
              aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : undefined}
            >
              {sortable ? (
                <button
                  type="button"
                  className="data-table__sort"
                  title={t('table.sortBy', { column: column.header })}
                  onClick={() => setSort((current) => nextSort(current, column.id))}
                >
                  <span>{column.header}</span>
                  <Icon
                    name={
                      direction === 'asc' ? 'chevronUp' : direction === 'desc' ? 'chevronDown' : 'sortNone'
                    }
                    size={12}
                    className={direction ? 'data-table__sort-icon is-active' : 'data-table__sort-icon'}
                  />
                </button>
              ) : (
                <span>{column.header}</span>
              )}
            </div>
          )
        })}
      </div>
    </div>
  )
}

const DataTableHead = memo(DataTableHeadView) as typeof DataTableHeadView

interface BooleanTexts {
  yes: string
  no: string
}

interface DataRowProps<T> {
  row: T
  id: string | number
  domId: string
  /** The row's position among the visible rows. */
  index: number
  start: number
  columns: readonly DataTableColumn<T>[]
  template: string
  active: boolean
  selected: boolean
  className: string | undefined
  texts: BooleanTexts
}

/** One body row; memoized, so typing in the filter box re-renders only the rows whose content changes. */
function DataRowView<T>({
  row,
  id,
  domId,
  index,
  start,
  columns,
  template,
  active,
  selected,
  className,
  texts,
}: DataRowProps<T>): React.JSX.Element {
  return (
    <div
      id={domId}
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-row-id={String(id)}
      className={[
        'data-table__row',
        'data-table__row--body',
        active && 'is-active',
        selected && 'is-selected',
        className,
      ]
        .filter(Boolean)
        .join(' ')}
      style={{
        gridTemplateColumns: template,
        width: '100%',
        height: DATA_TABLE_ROW_HEIGHT,
        transform: `translateY(${start}px)`,
      }}
    >
      {columns.map((column) => (
        <div
          key={column.id}
          role="gridcell"
          className={`data-table__cell data-table__cell--${column.align ?? 'start'}`}
        >
          {column.cell ? column.cell(row) : <DefaultCell value={column.value(row)} texts={texts} />}
        </div>
      ))}
    </div>
  )
}

const DataRow = memo(DataRowView) as typeof DataRowView

function DefaultCell({
  value,
  texts,
}: {
  value: ReturnType<DataTableColumn<unknown>['value']>
  texts: BooleanTexts
}): React.JSX.Element {
  if (typeof value === 'boolean') {
    return (
      <>
        <span aria-hidden="true">{value ? '✓' : '—'}</span>
        <span className="visually-hidden">{value ? texts.yes : texts.no}</span>
      </>
    )
  }
  const text = textOf(value)
  return (
    <span className="data-table__text" title={text.length > 24 ? text : undefined}>
      {text}
    </span>
  )
}

/** Runs `task` when the page is next idle (soon, where there is no idle callback); returns the cancel. */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: 2000 })
    return () => cancelIdleCallback(id)
  }
  const timer = setTimeout(task, 200)
  return () => clearTimeout(timer)
}
