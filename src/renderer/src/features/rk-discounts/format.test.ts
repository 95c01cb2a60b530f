import { describe, expect, it } from 'vitest'
import type { RkDiscount } from '@shared/api'
import { sortIndexes, type DataTableColumn } from '../../components/data-table-model'
import { discountValueSortKey } from './format'

type Value = Pick<RkDiscount, 'kind' | 'value'>
const rows: Value[] = [
  { kind: 'amount', value: 100 },
  { kind: 'percent', value: 12.5 },
  { kind: 'amount', value: 3 },
  { kind: 'percent', value: 100 },
  { kind: 'amount', value: 1_000_000_000 },
  { kind: 'percent', value: 5 },
  { kind: 'amount', value: 99.99 },
]
const column: DataTableColumn<Value> = { id: 'value', header: 'Размер', value: discountValueSortKey }

describe('sorting «Размер»', () => {
  it('puts percents before amounts and sorts each by value, never mixing ₽ and %', () => {
    const sorted = (direction: 'asc' | 'desc') =>
      sortIndexes([...rows.keys()], rows, column, direction, 'ru').map((i) => {
        const row = rows[i] as Value
        return row.kind === 'percent' ? `${row.value} %` : `${row.value} ₽`
      })
    const ascending = ['5 %', '12.5 %', '100 %', '3 ₽', '99.99 ₽', '100 ₽', '1000000000 ₽']
    expect(sorted('asc')).toEqual(ascending)
    expect(sorted('desc')).toEqual([...ascending].reverse())
  })
})
