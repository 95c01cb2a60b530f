import { describe, expect, it } from 'vitest'
import type { RkDiscount } from '@shared/api'
import { catalogCsv, catalogFileName, type CatalogCsvLabels } from './export-file'
import { parseImportText } from './import-file'

const discount = (rk_code: number, name: string, kind: RkDiscount['kind'], value: number, active = true) => ({
  id: rk_code,
  rk_code,
  name,
  kind,
  value,
  active,
  synced_at: '2026-11-30T10:00:00Z',
})
const catalog: RkDiscount[] = [
  discount(101, 'Скидка 3%', 'percent', 3),
  discount(112, 'Скидка 12,5%', 'percent', 12.5),
  discount(141, 'День рождения; «±3 дня»', 'percent', 10),
  discount(212, 'Чёрная пятница 25%', 'percent', 25, false),
  discount(331, 'Купон "Кофе" 180,50 ₽', 'amount', 180.5),
  discount(999, '=HYPERLINK("http://x")', 'amount', 1),
]
const russian: CatalogCsvLabels = {
  headers: { rk_code: 'Код', name: 'Название', kind: 'Тип', value: 'Размер', active: 'Активна' },
  kind: { percent: 'процент', amount: 'сумма' },
  yes: 'да',
  no: 'нет',
  decimalComma: true,
}

describe('the catalog as CSV', () => {
  it('is UTF-8 with a BOM, ";" separated, CRLF, with Russian text Excel shows as written', () => {
    const bytes = new TextEncoder().encode(catalogCsv(catalog, russian))
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    // «Код» in UTF-8, right after the BOM.
    expect([...bytes.subarray(3, 9)]).toEqual([0xd0, 0x9a, 0xd0, 0xbe, 0xd0, 0xb4])
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    expect(text.split('\r\n')).toEqual([
      '\uFEFFКод;Название;Тип;Размер;Активна',
      '101;Скидка 3%;процент;3;да',
      '112;Скидка 12,5%;процент;12,5;да',
      '141;"День рождения; «±3 дня»";процент;10;да',
      '212;Чёрная пятница 25%;процент;25;нет',
      '331;"Купон ""Кофе"" 180,50 ₽";сумма;180,5;да',
      `999;"'=HYPERLINK(""http://x"")";сумма;1;да`,
      '',
    ])
  })

  it('reads back in through the import (the formula guard aside)', () => {
    const parsed = parseImportText('rk.csv', catalogCsv(catalog.slice(0, 5), russian))
    if (!parsed.ok) throw new Error(parsed.problem.code)
    expect(parsed.encoding).toBe('utf-8-bom')
    expect(parsed.errors).toEqual([])
    expect(parsed.rows.map((row) => row.item)).toEqual(
      catalog
        .slice(0, 5)
        .map(({ rk_code, name, kind, value, active }) => ({ rk_code, name, kind, value, active })),
    )
  })

  it('is named by the date', () => {
    expect(catalogFileName(new Date(2026, 10, 3, 23, 59))).toBe('rk-discounts-2026-11-03.csv')
  })
})
