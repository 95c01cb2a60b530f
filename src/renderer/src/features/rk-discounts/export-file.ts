// The catalog as a CSV Excel opens with Russian text intact (app/csv: UTF-8 with a BOM, ";", CRLF). The headers
// and words are the import's, so the file reads back in. Pure: no React, no IPC.
import type { RkDiscount } from '@shared/api'
import { csvNumber, csvText, datedCsvName } from '../../app/csv'

export { CSV_MIME_TYPE } from '../../app/csv'

export interface CatalogCsvLabels {
  headers: { rk_code: string; name: string; kind: string; value: string; active: string }
  kind: Record<RkDiscount['kind'], string>
  yes: string
  no: string
  /** "12,5" rather than "12.5" (Russian Excel reads it as a number). */
  decimalComma: boolean
}

export function catalogCsv(discounts: readonly RkDiscount[], labels: CatalogCsvLabels): string {
  const { headers } = labels
  return csvText(
    [headers.rk_code, headers.name, headers.kind, headers.value, headers.active],
    discounts.map((discount) => [
      String(discount.rk_code),
      discount.name,
      labels.kind[discount.kind],
      csvNumber(discount.value, labels.decimalComma),
      discount.active ? labels.yes : labels.no,
    ]),
  )
}

/** `rk-discounts-2026-11-30.csv` (the local date). */
export function catalogFileName(now: Date): string {
  return datedCsvName('rk-discounts', now)
}
