import { z } from 'zod'
import { accountStep } from './accounts'
import { id, idParam, listQuery, money, positiveMoney, timestamp } from './common'

/** What an admin may post: a deposit or a withdrawal of bonus. */
export const operationKind = z.enum(['deposit', 'withdraw'])
export type OperationKind = z.infer<typeof operationKind>

/** What the ledger holds: the two above plus `bonus`, credited by a purchase from the account's step. */
export const operationType = z.enum(['deposit', 'withdraw', 'bonus'])
export type OperationType = z.infer<typeof operationType>

/** `Idempotency-Key`: mandatory for operations, optional on other creates. */
export const idempotencyKey = z.string().min(1).max(200)
export const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey.optional() })
export const requiredIdempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey })

export const operationCreate = z.strictObject({
  account_id: id,
  type: operationKind,
  amount: positiveMoney,
  comment: z.string().max(500).nullish(),
})
export type OperationCreate = z.infer<typeof operationCreate>

export const operation = z.strictObject({
  id,
  account_id: id,
  type: operationType,
  amount: money,
  balance_after: money,
  comment: z.string().nullable(),
  batch_id: z.string().nullable(),
  created_at: timestamp,
  created_by: z.string().nullable(),
})
export type Operation = z.infer<typeof operation>

export const groupOperationCreate = z.strictObject({
  group_id: id,
  type: operationKind,
  amount: positiveMoney,
  comment: z.string().max(500).nullish(),
})
export type GroupOperationCreate = z.infer<typeof groupOperationCreate>

export const groupOperationResult = z.strictObject({
  batch_id: z.string(),
  accounts: z.number().int().min(0),
  total: money,
})
export type GroupOperationResult = z.infer<typeof groupOperationResult>

export const purchaseRequest = z.strictObject({
  account_id: id,
  amount: positiveMoney,
  /** Roubles of the bill paid with bonus: at most the available balance, the step's cap and what the limits leave. */
  paid_with_bonus: money.nullish(),
})
export type PurchaseRequest = z.infer<typeof purchaseRequest>

export const purchaseResult = z.strictObject({
  step: accountStep.nullable(),
  bonus_credited: money,
  balance_after: money,
  paid_with_bonus: money,
  /** Of `bonus_credited`, what stays pending until `available_at` (settings' `accrual_delay_days`). */
  bonus_pending: money,
  available_at: timestamp.nullable(),
})
export type PurchaseResult = z.infer<typeof purchaseResult>

export const operationListQuery = listQuery.extend({
  account_id: idParam.optional(),
  group_id: idParam.optional(),
  type: operationType.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
})
export type OperationListQuery = z.infer<typeof operationListQuery>
