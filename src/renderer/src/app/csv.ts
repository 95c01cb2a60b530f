// CSV files Excel opens with Russian text intact: UTF-8 with a BOM, ";" between fields (Excel's separator where the
// decimal mark is a comma), CRLF; saved through the host (the desktop's save dialog, the browser's download). One
// place for every export (the RK catalog, the reports). Building the text is pure; saving says how it went.
import Papa from 'papaparse'
import { saveFile } from './host'
import { messageFor } from './messages'
import { toast } from '../components/toast-store'

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8'

export type CsvCell = string | number | boolean | null

/** The file's text: a BOM, the header row, the rows, each line ended by CRLF. */
export function csvText(fields: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const body = Papa.unparse(
    { fields: [...fields], data: rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))) },
    // A text starting with = + - @ would be a formula in Excel: papaparse prefixes it with a quote.
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  )
  return `\uFEFF${body}\r\n`
}

/** A number as Russian Excel reads it: «12,5» with a decimal comma (`decimalComma`), else «12.5». */
export function csvNumber(value: number, decimalComma: boolean): string {
  return decimalComma ? String(value).replace('.', ',') : String(value)
}

/** `<prefix>-2026-11-30.csv` (the local date). */
export function datedCsvName(prefix: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${prefix}-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`
}

export interface CsvSaveTexts {
  saved: (path: string) => string
  downloaded: (name: string) => string
  failed: (message: string) => string
}

/** Saves the file through the host and says so in a toast (nothing when the person cancelled the dialog). */
export async function saveCsv(name: string, text: string, texts: CsvSaveTexts): Promise<boolean> {
  const result = await saveFile({ name, text, mimeType: CSV_MIME_TYPE })
  if (!result.ok) {
    toast.error(texts.failed(messageFor(result.error)))
    return false
  }
  if (!result.data.saved) return false
  toast.success(result.data.path ? texts.saved(result.data.path) : texts.downloaded(name))
  return true
}
