import { z } from 'zod'
import { id, idParam, money } from './common'
import { ladderStepCount } from './ladders'
import { operationType } from './operations'

export const balancesReport = z.strictObject({
  items: z.array(
    z.strictObject({
      group_id: id,
      name: z.string(),
      accounts: z.number().int().min(0),
      balance_total: money,
    }),
  ),
})
export type BalancesReport = z.infer<typeof balancesReport>

export const operationsReportQuery = z.strictObject({ from: z.iso.date(), to: z.iso.date() })
export type OperationsReportQuery = z.infer<typeof operationsReportQuery>

export const operationsReport = z.strictObject({
  items: z.array(
    z.strictObject({
      day: z.iso.date(),
      type: operationType,
      count: z.number().int().min(0),
      amount: money,
    }),
  ),
})
export type OperationsReport = z.infer<typeof operationsReport>

export const ladderStepsReportQuery = z.strictObject({ ladder_id: idParam })
export type LadderStepsReportQuery = z.infer<typeof ladderStepsReportQuery>

export const ladderStepsReport = z.strictObject({ items: z.array(ladderStepCount) })
export type LadderStepsReport = z.infer<typeof ladderStepsReport>
