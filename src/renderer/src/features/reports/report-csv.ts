// The reports as CSV (app/csv: UTF-8 with a BOM, ";", CRLF), with the screen's headers and words. Pure.
import type { BalancesReport, LadderStepsReport, OperationsReport, OperationType } from '@shared/api'
import { csvNumber, csvText } from '../../app/csv'

export interface ReportCsvLabels {
  decimalComma: boolean
}

export function balancesCsv(
  report: BalancesReport,
  labels: ReportCsvLabels & { group: string; accounts: string; balance: string },
): string {
  return csvText(
    [labels.group, labels.accounts, labels.balance],
    report.items.map((item) => [
      item.name,
      item.accounts,
      csvNumber(item.balance_total, labels.decimalComma),
    ]),
  )
}

export function operationsCsv(
  report: OperationsReport,
  labels: ReportCsvLabels & {
    day: string
    type: string
    count: string
    amount: string
    types: Record<OperationType, string>
  },
): string {
  return csvText(
    [labels.day, labels.type, labels.count, labels.amount],
    report.items.map((item) => [
      item.day,
      labels.types[item.type],
      item.count,
      csvNumber(item.amount, labels.decimalComma),
    ]),
  )
}

export function ladderStepsCsv(
  report: LadderStepsReport,
  labels: { index: string; step: string; accounts: string },
): string {
  return csvText(
    [labels.index, labels.step, labels.accounts],
    report.items.map((item) => [item.index + 1, item.name, item.accounts]),
  )
}
