// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { renderUi } from '../testing/render'
import { DataTable } from './DataTable'
import {
  buildSearchIndex,
  filterIndexes,
  fitColumns,
  minimumWidth,
  nextSort,
  sortIndexes,
  type DataTableColumn,
} from './data-table-model'

interface Discount {
  id: number
  code: number
  name: string
  active: boolean
  value: number | null
}

const columns: DataTableColumn<Discount>[] = [
  { id: 'code', header: 'Код', value: (d) => d.code, align: 'end', width: '80px' },
  { id: 'name', header: 'Название', value: (d) => d.name },
  { id: 'value', header: 'Значение', value: (d) => d.value, filterText: false },
  { id: 'active', header: 'Активна', value: (d) => d.active },
]

function makeRows(count: number): Discount[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    code: count - i,
    name: `Скидка ${String(i + 1).padStart(5, '0')}`,
    active: i % 3 !== 0,
    value: i % 10 === 0 ? null : i % 97,
  }))
}

// happy-dom does no layout: give the grid (the scroll container) the size a window would, so the
// virtualizer has a viewport to fill.
beforeAll(() => {
  for (const [property, size] of [
    ['clientHeight', 480],
    ['clientWidth', 800],
  ] as const) {
    Object.defineProperty(HTMLElement.prototype, property, {
      configurable: true,
      get(this: HTMLElement) {
        return this.getAttribute('role') === 'grid' ? size : 0
      },
    })
  }
})

afterEach(cleanup)

const grid = () => screen.getByRole('grid', { name: 'Скидки RK' })
const bodyRows = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-rowindex') !== '1')

describe('DataTable', () => {
  it('renders only a window of 10,000 rows and says how many there are', async () => {
    await renderUi(
      <DataTable rows={makeRows(10_000)} columns={columns} getRowId={(d) => d.id} label="Скидки RK" />,
    )
    const rendered = bodyRows()
    expect(rendered.length).toBeGreaterThan(5)
    expect(rendered.length).toBeLessThan(100)
    expect(grid().getAttribute('aria-rowcount')).toBe('10001')
    expect(screen.getByText('10 000 строк')).toBeTruthy()
  })

  it('is a focusable grid with an accessible name', async () => {
    await renderUi(
      <DataTable rows={makeRows(3)} columns={columns} getRowId={(d) => d.id} label="Скидки RK" />,
    )
    expect(grid().getAttribute('tabindex')).toBe('0')
  })

  it('sorts by a header click: ascending, descending, then unsorted, with aria-sort', async () => {
    await renderUi(
      <DataTable rows={makeRows(5)} columns={columns} getRowId={(d) => d.id} label="Скидки RK" />,
    )
    const header = screen.getByRole('columnheader', { name: /Код/ })
    expect(header.getAttribute('aria-sort')).toBeNull()
    const firstCode = () => within(bodyRows()[0] as HTMLElement).getAllByRole('gridcell')[0]?.textContent
    expect(firstCode()).toBe('5')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('ascending')
    expect(firstCode()).toBe('1')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBe('descending')
    expect(firstCode()).toBe('5')
    fireEvent.click(within(header).getByRole('button'))
    expect(header.getAttribute('aria-sort')).toBeNull()
  })

  it('filters by every word in any searchable column and shows the count', async () => {
    await renderUi(
      <DataTable rows={makeRows(200)} columns={columns} getRowId={(d) => d.id} label="Скидки RK" />,
    )
    fireEvent.change(screen.getByRole('searchbox', { name: 'Фильтр' }), { target: { value: 'скидка 0012' } })
    expect(await screen.findByText('Показано 11 из 200')).toBeTruthy()
    fireEvent.change(screen.getByRole('searchbox', { name: 'Фильтр' }), { target: { value: 'нет такой' } })
    expect(await screen.findByText(/Ничего не найдено/)).toBeTruthy()
  })

  it('re-renders only the rows a filter keystroke changes, and opens a clicked row', async () => {
    const rendered: number[] = []
    const counted: DataTableColumn<Discount>[] = [
      ...columns,
      {
        id: 'count',
        header: 'Отрисовки',
        value: () => null,
        filterText: false,
        cell: (d) => {
          rendered.push(d.id)
          return d.id
        },
      },
    ]
    const onActivate = vi.fn()
    await renderUi(
      <DataTable
        rows={makeRows(200)}
        columns={counted}
        getRowId={(d) => d.id}
        label="Скидки RK"
        onRowActivate={onActivate}
      />,
    )
    const filter = screen.getByRole('searchbox', { name: 'Фильтр' })
    // Every row says «Скидка»: the rows shown stay the same, so none of them renders again.
    rendered.length = 0
    fireEvent.change(filter, { target: { value: 'скидка' } })
    expect(filter).toHaveProperty('value', 'скидка')
    expect(rendered).toEqual([])
    // «0012» leaves 11 rows: the rows on screen show them now.
    fireEvent.change(filter, { target: { value: 'скидка 0012' } })
    expect(screen.getByText('Показано 11 из 200')).toBeTruthy()
    expect(bodyRows().map((row) => row.getAttribute('data-row-id'))).toEqual(
      ['12', '120', '121', '122', '123', '124', '125', '126', '127', '128', '129'].sort(
        (a, b) => Number(a) - Number(b),
      ),
    )
    fireEvent.click(within(bodyRows()[1] as HTMLElement).getAllByRole('gridcell')[1] as HTMLElement)
    expect(onActivate).toHaveBeenCalledWith(expect.objectContaining({ id: 120 }))
  })

  it('moves the active row with the arrow keys and opens it with Enter', async () => {
    const onActivate = vi.fn()
    await renderUi(
      <DataTable
        rows={makeRows(50)}
        columns={columns}
        getRowId={(d) => d.id}
        label="Скидки RK"
        onRowActivate={onActivate}
      />,
    )
    const active = () => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '')
    expect(active()?.getAttribute('data-row-id')).toBe('1')
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    fireEvent.keyDown(grid(), { key: 'ArrowDown' })
    expect(active()?.getAttribute('data-row-id')).toBe('3')
    fireEvent.keyDown(grid(), { key: 'ArrowUp' })
    expect(active()?.getAttribute('data-row-id')).toBe('2')
    fireEvent.keyDown(grid(), { key: 'Home' })
    expect(active()?.getAttribute('data-row-id')).toBe('1')
    fireEvent.keyDown(grid(), { key: 'Enter' })
    expect(onActivate).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }))
  })

  it('shows the empty state when there are no rows', async () => {
    await renderUi(
      <DataTable rows={[]} columns={columns} getRowId={(d) => d.id} label="Скидки RK" empty="Скидок нет" />,
    )
    expect(screen.getByText('Скидок нет')).toBeTruthy()
  })
})

describe('data table model', () => {
  const rows = makeRows(20)

  it('sorts stably with empty values last in both directions', () => {
    const all = rows.map((_, i) => i)
    const valueColumn = columns[2] as DataTableColumn<Discount>
    for (const direction of ['asc', 'desc'] as const) {
      const sorted = sortIndexes(all, rows, valueColumn, direction, 'ru').map((i) => rows[i]?.value ?? null)
      const firstNull = sorted.indexOf(null)
      expect(sorted.slice(firstNull).every((v) => v === null)).toBe(true)
      const numbers = sorted.slice(0, firstNull) as number[]
      const expected = [...numbers].sort((a, b) => (direction === 'asc' ? a - b : b - a))
      expect(numbers).toEqual(expected)
    }
  })

  it('compares text naturally in the locale (digits as numbers, case ignored)', () => {
    const named = ['б10', 'Б2', 'а'].map((name, i) => ({ ...rows[0], id: i, name }) as Discount)
    const sorted = sortIndexes([0, 1, 2], named, columns[1] as DataTableColumn<Discount>, 'asc', 'ru')
    expect(sorted.map((i) => named[i]?.name)).toEqual(['а', 'Б2', 'б10'])
  })

  it('filters on every word, ignoring columns left out of the search', () => {
    const index = buildSearchIndex(rows, columns)
    expect(filterIndexes(index, '')).toHaveLength(20)
    expect(filterIndexes(index, 'СКИДКА 00002')).toEqual([1])
    // In a given order (the sorted rows): the matches keep it.
    expect(filterIndexes(index, 'скидка 0001', [15, 3, 9, 12, 0])).toEqual([15, 9, 12, 0])
    // `value` is not searchable: 96 appears only there.
    expect(filterIndexes(index, '96')).toEqual([])
  })

  it('cycles sort states and sums the pixel minimum of the tracks', () => {
    expect(nextSort(null, 'a')).toEqual({ columnId: 'a', direction: 'asc' })
    expect(nextSort({ columnId: 'a', direction: 'asc' }, 'a')).toEqual({ columnId: 'a', direction: 'desc' })
    expect(nextSort({ columnId: 'a', direction: 'desc' }, 'a')).toBeNull()
    expect(nextSort({ columnId: 'a', direction: 'desc' }, 'b')).toEqual({ columnId: 'b', direction: 'asc' })
    expect(minimumWidth(columns)).toBe(80 + 120 * 3)
  })

  it('lets optional columns step aside, lowest priority first, until the rest fit without scrolling', () => {
    const optional: DataTableColumn<Discount>[] = [
      { id: 'code', header: 'Код', value: (d) => d.code, width: '80px' },
      { id: 'name', header: 'Название', value: (d) => d.name, width: 'minmax(200px, 2fr)' },
      { id: 'value', header: 'Значение', value: (d) => d.value, width: '100px', priority: 2 },
      { id: 'active', header: 'Активна', value: (d) => d.active, width: '100px', priority: 1 },
    ]
    const ids = (width: number | null) => fitColumns(optional, width).map((column) => column.id)
    expect(ids(null)).toEqual(['code', 'name', 'value', 'active'])
    expect(ids(480)).toEqual(['code', 'name', 'value', 'active'])
    expect(ids(479)).toEqual(['code', 'name', 'value'])
    expect(ids(379)).toEqual(['code', 'name'])
    // The columns without a priority stay even when they do not fit.
    expect(ids(100)).toEqual(['code', 'name'])
  })
})

describe('DataTable in a narrow grid', () => {
  it('leaves out the optional columns that do not fit, and still filters by them', async () => {
    const narrow: DataTableColumn<Discount>[] = [
      { id: 'code', header: 'Код', value: (d) => d.code, width: '300px' },
      { id: 'name', header: 'Название', value: (d) => d.name, width: '300px' },
      { id: 'value', header: 'Значение', value: (d) => d.value, width: '300px', priority: 1 },
    ]
    await renderUi(
      <DataTable rows={makeRows(20)} columns={narrow} getRowId={(d) => d.id} label="Скидки RK" />,
    )
    // The grid is 800 px wide here: 900 px of minimums do not fit, so «Значение» steps aside.
    expect(
      within(grid())
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Код', 'Название'])
    expect(grid().getAttribute('aria-colcount')).toBe('2')
  })
})
