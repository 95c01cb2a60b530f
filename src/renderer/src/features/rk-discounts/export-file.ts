// The catalog as a CSV Excel opens with Russian text intact: UTF-8 with a BOM, ";" between fields (Excel's
// separator where the decimal mark is a comma), CRLF. The headers and words are the import's, so the file reads
// back in. Pure: no React, no IPC.
import Papa from 'papaparse'
import type { RkDiscount } from '@shared/api'

export interface CatalogCsvLabels {
  headers: { rk_code: string; name: string; kind: string; value: string; active: string }
  kind: Record<RkDiscount['kind'], string>
  yes: string
  no: string
  /** "12,5" rather than "12.5" (Russian Excel reads it as a number). */
  decimalComma: boolean
}

export const CSV_MIME_TYPE = 'text/csv;charset=utf-8'

export function catalogCsv(discounts: readonly RkDiscount[], labels: CatalogCsvLabels): string {
  const decimal = (value: number) => (labels.decimalComma ? String(value).replace('.', ',') : String(value))
  const { headers } = labels
  const body = Papa.unparse(
    {
      fields: [headers.rk_code, headers.name, headers.kind, headers.value, headers.active],
      data: discounts.map((discount) => [
        String(discount.rk_code),
        discount.name,
        labels.kind[discount.kind],
        decimal(discount.value),
        discount.active ? labels.yes : labels.no,
      ]),
    },
    // A name starting with = + - @ would be a formula in Excel: papaparse prefixes it with a quote.
    { delimiter: ';', newline: '\r\n', escapeFormulae: true },
  )
  return `\uFEFF${body}\r\n`
}

/** `rk-discounts-2026-11-30.csv` (the local date). */
export function catalogFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `rk-discounts-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.csv`
}
