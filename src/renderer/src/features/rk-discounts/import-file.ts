// Reads an R-Keeper export of the discount list: CSV (";", "," or tab separated, a header row in Russian or
// English, decimal commas, quoted fields; read with papaparse; UTF-8 with or without a BOM or Windows-1251) or JSON (`{discounts: […]}` or a bare array). Every row is converted
// and then checked with the shared import schema, so the errors name the row (as a person counts it: the line
// of the file for CSV, the item for JSON), the field and what is wrong. Pure: no React, no IPC.
import Papa from 'papaparse'
import {
  codeOfIssueIn,
  type CodedIssue,
  MAX,
  rkDiscountImportItem,
  type RkDiscountImportItem,
} from '@shared/api'
import { RkCodeFirstRows } from '@shared/domain'

export const IMPORT_FIELDS = ['rk_code', 'name', 'kind', 'value', 'active'] as const
export type ImportField = (typeof IMPORT_FIELDS)[number]
const REQUIRED_FIELDS: readonly ImportField[] = ['rk_code', 'name', 'kind', 'value']

/** A file larger than this is not a discount list (20 000 rows of long names stay well below it). */
export const MAX_IMPORT_FILE_BYTES = 16 * 1024 * 1024

export type RowProblem =
  | { code: 'notObject' | 'required' | 'notNumber' | 'badKind' | 'badActive'; value?: string }
  | { code: 'columns'; found: number; expected: number }
  | { code: 'duplicate'; rkCode: number; firstRow: number }
  /** A rule of the shared schema, by its code (`fieldMessage` says it); `message` is English, for logs. */
  | { code: 'schema'; message: string; issue: CodedIssue; path: (string | number)[] }

export interface RowError {
  /** The row as a person finds it: the file's line for CSV (the header is line 1), the item's number for JSON. */
  row: number
  field: ImportField | null
  problem: RowProblem
}

export type FileProblem =
  | { code: 'empty' | 'notText' | 'jsonShape' | 'noRows' }
  | { code: 'tooBig'; bytes: number; maxBytes: number }
  | { code: 'json'; message: string }
  | { code: 'tooManyRows'; count: number; max: number }
  | { code: 'missingColumns'; columns: ImportField[] }
  | { code: 'unclosedQuote'; row: number }

export interface ImportRow {
  row: number
  item: RkDiscountImportItem
}

/** How the file's bytes were read. */
export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1251'

export type ImportParse =
  | { ok: false; problem: FileProblem }
  | {
      ok: true
      format: 'csv' | 'json'
      encoding: ImportEncoding
      total: number
      rows: ImportRow[]
      errors: RowError[]
    }

// ---- header names and values as R-Keeper (and people) write them ----

function normalizeKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s_\-.]+/g, ' ')
    .trim()
}

const HEADER_ALIASES: Record<ImportField, readonly string[]> = {
  rk_code: [
    'rk code',
    'code',
    'rkcode',
    'код',
    'код rk',
    'код r keeper',
    'код в r keeper',
    'код скидки',
    'rk',
  ],
  name: ['name', 'title', 'название', 'наименование', 'имя', 'название скидки'],
  kind: ['kind', 'type', 'тип', 'вид', 'тип скидки', 'вид скидки'],
  value: ['value', 'size', 'значение', 'размер', 'величина', 'размер скидки', 'процент или сумма'],
  active: [
    'active',
    'enabled',
    'is active',
    'status',
    'активна',
    'активен',
    'активность',
    'действует',
    'вкл',
    'статус',
    'состояние',
  ],
}

const HEADER_LOOKUP = new Map<string, ImportField>(
  IMPORT_FIELDS.flatMap((field) =>
    [field, ...HEADER_ALIASES[field]].map((alias) => [normalizeKey(alias), field]),
  ),
)

export function headerField(header: string): ImportField | null {
  return HEADER_LOOKUP.get(normalizeKey(header)) ?? null
}

const KIND_ALIASES: Record<RkDiscountImportItem['kind'], readonly string[]> = {
  percent: [
    'percent',
    'percentage',
    'pct',
    '%',
    'процент',
    'проценты',
    'процентная',
    'процентный',
    'в процентах',
  ],
  amount: [
    'amount',
    'sum',
    'fixed',
    'сумма',
    'суммовая',
    'фиксированная',
    'фикс',
    'руб',
    'рубли',
    'в рублях',
    '₽',
    'rub',
  ],
}
const KIND_LOOKUP = new Map<string, RkDiscountImportItem['kind']>(
  (['percent', 'amount'] as const).flatMap((kind) =>
    KIND_ALIASES[kind].map((alias) => [normalizeKey(alias), kind]),
  ),
)

// R-Keeper 7 writes a status: «Активный», «Неактивный», «Черновик», «Удалённый».
const TRUE_WORDS = new Set([
  'true',
  '1',
  'да',
  'yes',
  'y',
  'д',
  'активна',
  'активен',
  'активный',
  'active',
  '+',
  'вкл',
  'on',
])
const FALSE_WORDS = new Set([
  'false',
  '0',
  'нет',
  'no',
  'n',
  'н',
  'неактивна',
  'неактивен',
  'неактивный',
  'черновик',
  'удаленный',
  'удален',
  'inactive',
  'draft',
  'deleted',
  '-',
  'выкл',
  'off',
])

type Converted<T> = { ok: true; value: T } | { ok: false; problem: RowProblem }

/** "1 234,50", "12.5", "10 %", "150 ₽" → a number; anything else is reported with the text as written. */
export function parseDecimal(text: string): number | null {
  const compact = text
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/(%|₽|руб\.?|р\.)$/i, '')
    .replace(',', '.')
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(compact)) return null
  const value = Number(compact)
  return Number.isFinite(value) ? value : null
}

function convertNumber(raw: unknown): Converted<number> {
  if (typeof raw === 'number') return { ok: true, value: raw }
  if (typeof raw !== 'string') return { ok: false, problem: { code: 'notNumber', value: String(raw) } }
  const value = parseDecimal(raw)
  return value === null
    ? { ok: false, problem: { code: 'notNumber', value: raw.trim() } }
    : { ok: true, value }
}

function convertKind(raw: unknown): Converted<RkDiscountImportItem['kind']> {
  const kind = typeof raw === 'string' ? KIND_LOOKUP.get(normalizeKey(raw)) : undefined
  return kind ? { ok: true, value: kind } : { ok: false, problem: { code: 'badKind', value: String(raw) } }
}

function convertActive(raw: unknown): Converted<boolean> {
  if (typeof raw === 'boolean') return { ok: true, value: raw }
  if (typeof raw === 'number' && (raw === 0 || raw === 1)) return { ok: true, value: raw === 1 }
  const word = typeof raw === 'string' ? normalizeKey(raw) : ''
  if (TRUE_WORDS.has(word)) return { ok: true, value: true }
  if (FALSE_WORDS.has(word)) return { ok: true, value: false }
  return { ok: false, problem: { code: 'badActive', value: String(raw) } }
}

function isBlank(raw: unknown): boolean {
  return raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')
}

/** Where each R-Keeper code was first seen, also on rows with other errors: a repeat is an error too. */
type SeenCodes = RkCodeFirstRows

function noteCode(row: number, raw: unknown, seen: SeenCodes, errors: RowError[]): void {
  const converted = isBlank(raw) ? null : convertNumber(raw)
  if (!converted?.ok || !Number.isInteger(converted.value)) return
  const first = seen.repeatOf(converted.value, row)
  if (first !== null)
    errors.push({
      row,
      field: 'rk_code',
      problem: { code: 'duplicate', rkCode: converted.value, firstRow: first },
    })
}

/** One row's fields (by import field) → the import item, or the row's errors. */
function convertRow(
  row: number,
  fields: Partial<Record<ImportField, unknown>>,
  seen: SeenCodes,
  errors: RowError[],
): ImportRow | null {
  const candidate: Record<string, unknown> = {}
  const before = errors.length
  noteCode(row, fields.rk_code, seen, errors)
  for (const field of IMPORT_FIELDS) {
    const raw = fields[field]
    if (isBlank(raw)) {
      if (REQUIRED_FIELDS.includes(field)) errors.push({ row, field, problem: { code: 'required' } })
      continue
    }
    const converted: Converted<unknown> =
      field === 'rk_code' || field === 'value'
        ? convertNumber(raw)
        : field === 'kind'
          ? convertKind(raw)
          : field === 'active'
            ? convertActive(raw)
            : typeof raw === 'string'
              ? { ok: true, value: raw }
              : { ok: true, value: String(raw) }
    if (converted.ok) candidate[field] = converted.value
    else errors.push({ row, field, problem: converted.problem })
  }
  if (errors.length > before) return null
  const parsed = rkDiscountImportItem.safeParse(candidate)
  if (parsed.success) return { row, item: parsed.data }
  for (const issue of parsed.error.issues) {
    const key = issue.path[0]
    const field = IMPORT_FIELDS.find((name) => name === key) ?? null
    const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol')
    const problem = {
      code: 'schema' as const,
      message: issue.message,
      issue: codeOfIssueIn(issue, candidate),
      path,
    }
    errors.push({ row, field, problem })
  }
  return null
}

// ---- CSV ----

/** Where papaparse may find the separator; ";" first: with decimal commas, R-Keeper's Russian exports use it. */
const CSV_SEPARATORS = [';', ',', '\t']

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0
}

interface CsvRecord {
  /** The file's line the record starts on (a quoted field may span lines). */
  line: number
  cells: string[]
}

/** RFC 4180 records through papaparse (separator guessed), each with the line it starts on. */
function readCsv(text: string): { records: CsvRecord[] } | { unclosedAt: number } {
  const records: CsvRecord[] = []
  let unclosedAt: number | null = null
  let line = 1
  let cursor = 0
  // The separator is guessed from the first rows, blank lines left out (a trailing one would spoil the guess); the
  // file is then read with blank lines kept, so the cursor counts every line.
  const guess = Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: CSV_SEPARATORS,
    skipEmptyLines: true,
    preview: 10,
  })
  Papa.parse<string[]>(text, {
    delimiter: guess.meta.delimiter,
    skipEmptyLines: false,
    step: (result) => {
      const start = line
      const end = result.meta.cursor
      line += countLineBreaks(text.slice(cursor, end))
      cursor = end
      if (result.errors.some((error) => error.code === 'MissingQuotes')) unclosedAt ??= start
      if (result.data.some((value) => value.trim() !== '')) records.push({ line: start, cells: result.data })
    },
  })
  return unclosedAt === null ? { records } : { unclosedAt }
}

function parseCsv(text: string, encoding: ImportEncoding): ImportParse {
  const read = readCsv(text)
  if ('unclosedAt' in read) return { ok: false, problem: { code: 'unclosedQuote', row: read.unclosedAt } }
  const [header, ...records] = read.records
  if (!header) return { ok: false, problem: { code: 'empty' } }
  const columns = header.cells.map(headerField)
  const missing = REQUIRED_FIELDS.filter((field) => !columns.includes(field))
  if (missing.length > 0) return { ok: false, problem: { code: 'missingColumns', columns: missing } }
  if (records.length === 0) return { ok: false, problem: { code: 'noRows' } }
  if (records.length > MAX.importRows) {
    return { ok: false, problem: { code: 'tooManyRows', count: records.length, max: MAX.importRows } }
  }
  const errors: RowError[] = []
  const rows: ImportRow[] = []
  const seen: SeenCodes = new RkCodeFirstRows()
  for (const record of records) {
    const extra = record.cells.slice(columns.length)
    if (record.cells.length < columns.length || extra.some((value) => value.trim() !== '')) {
      errors.push({
        row: record.line,
        field: null,
        problem: { code: 'columns', found: record.cells.length, expected: columns.length },
      })
      continue
    }
    const fields: Partial<Record<ImportField, unknown>> = {}
    columns.forEach((field, index) => {
      if (field && fields[field] === undefined) fields[field] = record.cells[index]
    })
    const converted = convertRow(record.line, fields, seen, errors)
    if (converted) rows.push(converted)
  }
  return finish('csv', encoding, records.length, rows, errors)
}

// ---- JSON ----

function parseJson(text: string, encoding: ImportEncoding): ImportParse {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    return {
      ok: false,
      problem: { code: 'json', message: error instanceof Error ? error.message : String(error) },
    }
  }
  const list = Array.isArray(data)
    ? data
    : typeof data === 'object' && data !== null && Array.isArray((data as { discounts?: unknown }).discounts)
      ? (data as { discounts: unknown[] }).discounts
      : null
  if (!list) return { ok: false, problem: { code: 'jsonShape' } }
  if (list.length === 0) return { ok: false, problem: { code: 'noRows' } }
  if (list.length > MAX.importRows) {
    return { ok: false, problem: { code: 'tooManyRows', count: list.length, max: MAX.importRows } }
  }
  const errors: RowError[] = []
  const rows: ImportRow[] = []
  const seen: SeenCodes = new RkCodeFirstRows()
  list.forEach((entry, index) => {
    const row = index + 1
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      errors.push({ row, field: null, problem: { code: 'notObject' } })
      return
    }
    const fields: Partial<Record<ImportField, unknown>> = {}
    for (const [key, value] of Object.entries(entry)) {
      const field = headerField(key)
      if (field && fields[field] === undefined) fields[field] = value
    }
    const converted = convertRow(row, fields, seen, errors)
    if (converted) rows.push(converted)
  })
  return finish('json', encoding, list.length, rows, errors)
}

function finish(
  format: 'csv' | 'json',
  encoding: ImportEncoding,
  total: number,
  rows: ImportRow[],
  errors: RowError[],
): ImportParse {
  errors.sort((a, b) => a.row - b.row)
  return { ok: true, format, encoding, total, rows, errors }
}

// ---- the file ----

/**
 * The file's bytes → text, and which encoding it was: a byte order mark decides (UTF-8, UTF-16 LE); else valid
 * UTF-8 is UTF-8, and anything else is read as Windows-1251 — what R-Keeper and Excel write on a Russian Windows.
 * A binary file (a spreadsheet, an archive) is refused: it holds NULs and control characters.
 */
export function decodeImportBytes(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: ImportEncoding } | { ok: false; problem: FileProblem } {
  let decoded: { text: string; encoding: ImportEncoding }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  } else {
    try {
      decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
    } catch {
      decoded = { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' }
    }
  }
  if (looksBinary(decoded.text)) return { ok: false, problem: { code: 'notText' } }
  return { ok: true, ...decoded }
}

/** A NUL, or more than a few control characters (other than tab and line breaks) or undecodable bytes. */
function looksBinary(text: string): boolean {
  let odd = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return true
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd) odd++
    if (odd > 8) return true
  }
  return false
}

/**
 * Parses the text of an export. `name` only hints the format; the content decides. `encoding` is what the text
 * was decoded from (for a string: UTF-8, with a BOM if it starts with one).
 */
export function parseImportText(name: string, text: string, encoding?: ImportEncoding): ImportParse {
  const bom = text.startsWith('\uFEFF')
  const content = bom ? text.slice(1) : text
  const used = encoding ?? (bom ? 'utf-8-bom' : 'utf-8')
  if (content.trim() === '') return { ok: false, problem: { code: 'empty' } }
  if (looksBinary(content)) return { ok: false, problem: { code: 'notText' } }
  const first = content.trimStart()[0]
  const json = /\.json$/i.test(name) || first === '{' || first === '['
  return json ? parseJson(content, used) : parseCsv(content, used)
}

/** Reads a dropped or chosen file; too large or unreadable files become file problems, never exceptions. */
export async function readImportFile(file: Blob & { name: string }): Promise<ImportParse> {
  if (file.size > MAX_IMPORT_FILE_BYTES) {
    return { ok: false, problem: { code: 'tooBig', bytes: file.size, maxBytes: MAX_IMPORT_FILE_BYTES } }
  }
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(await file.arrayBuffer())
  } catch {
    return { ok: false, problem: { code: 'notText' } }
  }
  const decoded = decodeImportBytes(bytes)
  return decoded.ok ? parseImportText(file.name, decoded.text, decoded.encoding) : decoded
}
