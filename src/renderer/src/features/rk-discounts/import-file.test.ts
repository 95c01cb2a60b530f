// The test (not the renderer) reads a fixture's raw bytes: Vite's ?raw would decode them as UTF-8.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { MAX } from '@shared/api'
import {
  decodeImportBytes,
  headerField,
  parseDecimal,
  parseImportText,
  readImportFile,
  type ImportParse,
} from './import-file'

function ok(parse: ImportParse) {
  if (!parse.ok) throw new Error(`expected a parsed file, got ${JSON.stringify(parse.problem)}`)
  return parse
}

describe('parseImportText: CSV', () => {
  it('reads a Russian export: ";" separated, decimal commas, да/нет, a BOM and CRLF', () => {
    const text =
      '\uFEFFКод;Название;Тип;Размер;Активна\r\n101;Скидка 3%;процент;3;да\r\n112;Скидка 12,5%;Процент;12,5;Да\r\n300;Сертификат;сумма;1 500,50;нет\r\n'
    const parse = ok(parseImportText('discounts.csv', text))
    expect(parse.format).toBe('csv')
    expect(parse.errors).toEqual([])
    expect(parse.rows).toEqual([
      { row: 2, item: { rk_code: 101, name: 'Скидка 3%', kind: 'percent', value: 3, active: true } },
      { row: 3, item: { rk_code: 112, name: 'Скидка 12,5%', kind: 'percent', value: 12.5, active: true } },
      { row: 4, item: { rk_code: 300, name: 'Сертификат', kind: 'amount', value: 1500.5, active: false } },
    ])
  })

  it('reads an English export: "," separated with quoted fields holding commas, quotes and line breaks', () => {
    const text = [
      'rk_code,name,kind,value,active',
      '7,"Lunch, weekdays",percent,10,true',
      '8,"The ""chef"" special",amount,250,false',
      '9,"Two',
      'lines",percent,5,1',
    ].join('\n')
    const parse = ok(parseImportText('export.csv', text))
    expect(parse.errors).toEqual([])
    expect(parse.rows.map((row) => [row.row, row.item.name, row.item.active])).toEqual([
      [2, 'Lunch, weekdays', true],
      [3, 'The "chef" special', false],
      [4, 'Two\nlines', true],
    ])
  })

  it('takes tab separated files, header aliases in any case, and no active column (left unset)', () => {
    const parse = ok(parseImportText('x.txt', 'КОД СКИДКИ\tНаименование\tВид\tЗначение\n5\tПять\t%\t5\n'))
    expect(parse.rows).toEqual([{ row: 2, item: { rk_code: 5, name: 'Пять', kind: 'percent', value: 5 } }])
  })

  it('reports every bad row with its line in the file, the field and what is wrong, and imports none', () => {
    const text = [
      'Код;Название;Тип;Размер;Активна',
      '101;Скидка 3%;процент;abc;да',
      '',
      ';Без кода;процент;5;да',
      '107;Скидка;бонус;7;может быть',
      '110;Скидка 10%;процент;150;да',
      '101;Дубль;процент;3;да',
      '120;Лишнее;процент;20;да;ещё',
      '121;Хорошая;процент;20;да',
    ].join('\n')
    const parse = ok(parseImportText('bad.csv', text))
    expect(parse.total).toBe(7)
    expect(parse.errors.map((error) => [error.row, error.field, error.problem.code])).toEqual([
      [2, 'value', 'notNumber'],
      [4, 'rk_code', 'required'],
      [5, 'kind', 'badKind'],
      [5, 'active', 'badActive'],
      [6, 'value', 'schema'],
      [7, 'rk_code', 'duplicate'],
      [8, null, 'columns'],
    ])
    expect(parse.errors[0]?.problem).toEqual({ code: 'notNumber', value: 'abc' })
    expect(parse.errors[4]?.problem).toEqual({
      code: 'schema',
      message: 'A percent discount is at most 100',
      issue: { code: 'too_big', params: { max: 100, inclusive: true } },
      path: ['value'],
    })
    expect(parse.errors[5]?.problem).toEqual({ code: 'duplicate', rkCode: 101, firstRow: 2 })
    expect(parse.errors[6]?.problem).toEqual({ code: 'columns', found: 6, expected: 5 })
  })

  it('checks each row with the shared schema: integer codes, at most 2 decimals, a name', () => {
    const text = 'code;name;kind;value\n1,5;A;percent;1\n2;   ;percent;1\n3;C;amount;1,005\n'
    const parse = ok(parseImportText('x.csv', text))
    expect(parse.errors.map((error) => [error.row, error.field, error.problem.code])).toEqual([
      [2, 'rk_code', 'schema'],
      [3, 'name', 'required'],
      [4, 'value', 'schema'],
    ])
  })

  it('refuses files it cannot read as a whole', () => {
    expect(parseImportText('x.csv', '')).toEqual({ ok: false, problem: { code: 'empty' } })
    expect(parseImportText('x.csv', '  \n\n')).toEqual({ ok: false, problem: { code: 'empty' } })
    expect(parseImportText('x.csv', 'name;value\nA;1\n')).toEqual({
      ok: false,
      problem: { code: 'missingColumns', columns: ['rk_code', 'kind'] },
    })
    expect(parseImportText('x.csv', 'code;name;kind;value\n')).toEqual({
      ok: false,
      problem: { code: 'noRows' },
    })
    expect(parseImportText('x.csv', 'code;name;kind;value\n1;"open;percent;1\n')).toEqual({
      ok: false,
      problem: { code: 'unclosedQuote', row: 2 },
    })
    expect(parseImportText('x.xlsx', 'PK\u0003\u0004\u0000\u0000garbage')).toEqual({
      ok: false,
      problem: { code: 'notText' },
    })
    const many = [
      'code;name;kind;value',
      ...Array.from({ length: MAX.importRows + 1 }, (_, i) => `${i + 1};D;percent;1`),
    ]
    expect(parseImportText('x.csv', many.join('\n'))).toEqual({
      ok: false,
      problem: { code: 'tooManyRows', count: MAX.importRows + 1, max: MAX.importRows },
    })
  })
})

describe('parseImportText: JSON', () => {
  it('reads {discounts: […]} and a bare array, with numbers written as text', () => {
    const body = [
      { rk_code: 1, name: 'One', kind: 'percent', value: 10, active: true },
      { code: '2', name: 'Two', type: 'сумма', value: '99,90', active: 'нет', guid: 'ignored' },
    ]
    for (const text of [JSON.stringify({ discounts: body }), JSON.stringify(body)]) {
      const parse = ok(parseImportText('x.json', text))
      expect(parse.format).toBe('json')
      expect(parse.errors).toEqual([])
      expect(parse.rows).toEqual([
        { row: 1, item: { rk_code: 1, name: 'One', kind: 'percent', value: 10, active: true } },
        { row: 2, item: { rk_code: 2, name: 'Two', kind: 'amount', value: 99.9, active: false } },
      ])
    }
  })

  it('numbers rows from 1 and reports items that are not discounts', () => {
    const text = JSON.stringify([
      { rk_code: 1, name: 'A', kind: 'percent', value: 1 },
      'text',
      { rk_code: 1, name: 'B' },
    ])
    const parse = ok(parseImportText('x.json', text))
    expect(parse.errors.map((error) => [error.row, error.field, error.problem.code])).toEqual([
      [2, null, 'notObject'],
      [3, 'rk_code', 'duplicate'],
      [3, 'kind', 'required'],
      [3, 'value', 'required'],
    ])
  })

  it('refuses broken JSON and other shapes', () => {
    const broken = parseImportText('x.json', '{"discounts": [')
    expect(broken.ok).toBe(false)
    expect(!broken.ok && broken.problem.code).toBe('json')
    expect(parseImportText('x.json', '{"items": []}')).toEqual({ ok: false, problem: { code: 'jsonShape' } })
    expect(parseImportText('x.json', '[]')).toEqual({ ok: false, problem: { code: 'noRows' } })
  })
})

/** An R-Keeper 7 export of the discount dictionary, as a Russian Windows writes it (made with iconv -t cp1251). */
const R_KEEPER_CP1251 = new Uint8Array(
  readFileSync(new URL('./testdata/r-keeper-discounts-cp1251.csv', import.meta.url)),
)

function file(name: string, bytes: Uint8Array<ArrayBuffer>): Blob & { name: string } {
  return Object.assign(new Blob([bytes]), { name })
}

describe('encodings', () => {
  const utf8 = 'Код;Название;Тип;Размер\r\n1;Скидка «Ёлка»;процент;5\r\n'
  const expected = [{ row: 2, item: { rk_code: 1, name: 'Скидка «Ёлка»', kind: 'percent', value: 5 } }]

  it('reads a Windows-1251 export of R-Keeper with Cyrillic names and says it was Windows-1251', async () => {
    // The file really is single-byte: «С» is 0xD1, not UTF-8's 0xD0 0xA1.
    expect(R_KEEPER_CP1251.slice(0, 3)).toEqual(new Uint8Array([0xca, 0xee, 0xe4])) // «Код»
    const parse = ok(await readImportFile(file('discounts.csv', R_KEEPER_CP1251)))
    expect(parse.encoding).toBe('windows-1251')
    expect(parse.errors).toEqual([])
    expect(
      parse.rows.map(({ row, item }) => [row, item.rk_code, item.name, item.kind, item.value, item.active]),
    ).toEqual([
      [2, 101, 'Скидка 3%', 'percent', 3, true],
      [3, 110, 'Скидка 10%', 'percent', 10, true],
      [4, 130, 'Сотрудники 30%', 'percent', 30, true],
      [5, 141, 'День рождения: ±3 дня; 10%', 'percent', 10, true],
      [6, 191, 'Партнёр ТЦ «Ёлка» 7%', 'percent', 7.5, true],
      [7, 212, 'Чёрная пятница 25%', 'percent', 25, false],
      [8, 305, 'Скидка 500 руб.', 'amount', 500, true],
      [9, 331, 'Купон «Кофе в подарок»', 'amount', 180.5, true],
    ])
  })

  it('reads UTF-8 with and without a byte order mark, and UTF-16 LE with one, and names each', async () => {
    const plain = new TextEncoder().encode(utf8)
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain])
    const utf16 = new Uint8Array([
      0xff,
      0xfe,
      ...new Uint8Array(Uint16Array.from(utf8, (c) => c.charCodeAt(0)).buffer),
    ])
    for (const [bytes, encoding] of [
      [plain, 'utf-8'],
      [withBom, 'utf-8-bom'],
      [utf16, 'utf-16le'],
    ] as const) {
      const parse = ok(await readImportFile(file('x.csv', bytes)))
      expect(parse.encoding).toBe(encoding)
      expect(parse.rows).toEqual(expected)
    }
  })

  it('refuses a binary file instead of guessing an encoding for it', () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21])
    expect(decodeImportBytes(zip)).toEqual({ ok: false, problem: { code: 'notText' } })
    const noise = Uint8Array.from({ length: 64 }, (_, i) => (i * 7) % 32)
    expect(decodeImportBytes(noise)).toEqual({ ok: false, problem: { code: 'notText' } })
  })
})

describe('helpers', () => {
  it('parses decimals as people write them', () => {
    expect(parseDecimal('12,5')).toBe(12.5)
    expect(parseDecimal('1 000,50')).toBe(1000.5)
    expect(parseDecimal('10 %')).toBe(10)
    expect(parseDecimal('150 ₽')).toBe(150)
    expect(parseDecimal('1.000,50')).toBeNull()
    expect(parseDecimal('abc')).toBeNull()
    expect(parseDecimal('')).toBeNull()
  })

  it('knows the headers of Russian and English exports', () => {
    expect(headerField(' Код ')).toBe('rk_code')
    expect(headerField('RK_CODE')).toBe('rk_code')
    expect(headerField('Наименование')).toBe('name')
    expect(headerField('Активность')).toBe('active')
    expect(headerField('Цвет')).toBeNull()
  })
})
