import { randomUUID } from 'node:crypto'
import type { Selectable } from 'kysely'
import type {
  GroupOperationCreate,
  GroupOperationResult,
  ListEnvelope,
  Operation,
  OperationCreate,
  OperationListQuery,
  OperationType,
  PurchaseRequest,
  PurchaseResult,
} from '@shared/api'
import {
  availableAt,
  benefitsFor,
  fromKopecks,
  kopecksToDecimal,
  MAX_MONEY_ROUBLES,
  toKopecks,
} from '@shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { OperationsTable } from '../db/schema'
import { conflict, fieldError, type HttpError, unprocessable } from '../errors'
import { type AccountRow, accountTotals, findAccountRow } from './accounts'
import { noSuchGroup } from './account-groups'
import { availableOf, paymentAllowance } from './bonus-balance'
import { businessClock, getSettings } from './settings'
import { envelope } from './lists'
import {
  accountStepOf,
  accumulated,
  isRolling,
  loadPlacementLadders,
  overridden,
  type PlacementLadder,
  placeOn,
  windowStart,
  windowTotals,
} from './placement'
import { execute, rowOf, rowsOf, valueOf } from './sql'
import { holdsOn, liveOverridesOf } from './step-overrides'

// Every write here runs inside one better-sqlite3 transaction (the route's idempotent create): checks, the new
// balance and the ledger row land together or not at all. Money is integer kopecks throughout.

/** The most any balance, group total or day's volume of one operation type may reach, in kopecks. */
const LIMIT_KOPECKS = MAX_MONEY_ROUBLES * 100

/** An `operations` row as answered (the group is the ledger's own bookkeeping). */
type OperationRow = Omit<Selectable<OperationsTable>, 'group_id' | 'purchase_id' | 'available_at'>

const OPERATION_COLUMNS =
  'id, account_id, type, amount, balance_after, comment, batch_id, created_at, created_by'

const operationFromRow = (row: OperationRow): Operation => ({
  ...row,
  amount: fromKopecks(row.amount),
  balance_after: fromKopecks(row.balance_after),
})

const roubles = (kopecks: number): string => `${kopecksToDecimal(kopecks)} ₽`

/** The account an operation names in its body: 422 at `['body', 'account_id']` when there is none, 409 blocked. */
function operableAccount(ctx: ServerContext, accountId: number): AccountRow {
  const row = findAccountRow(ctx, accountId)
  if (!row) {
    throw fieldError(
      ['body', 'account_id'],
      'reference_not_found',
      { resource: 'account', id: accountId },
      `Account ${accountId} does not exist`,
      'not_found',
    )
  }
  if (bool(row.blocked)) {
    throw conflict(
      'account_blocked',
      { number: row.number },
      `Account ${row.id} (${row.number}) is blocked: no operations on it until it is unblocked`,
    )
  }
  return row
}

const tooLarge = (what: string): HttpError =>
  unprocessable(
    'amount_too_large',
    { max: fromKopecks(LIMIT_KOPECKS) },
    `${what} would exceed ${roubles(LIMIT_KOPECKS)}, the largest amount the API can express`,
  )

/**
 * The aggregates reports answer must stay amounts the API can express: a group's total balance, and the volume
 * of one operation type on one UTC day. An operation that would break either is refused (422), never stored.
 */
function assertWithinLimits(
  ctx: ServerContext,
  change: { type: OperationType; volume: number; groupId: number; balanceDelta: number },
): void {
  const day = ctx.nowIso().slice(0, 10)
  const dayVolume =
    valueOf<number>(
      ctx,
      'SELECT coalesce(sum(amount), 0) FROM operation_days WHERE day = ? AND type = ?',
      day,
      change.type,
    ) ?? 0
  if (dayVolume + change.volume > LIMIT_KOPECKS)
    throw tooLarge(`The day's total of ${change.type} operations`)
  if (change.balanceDelta > 0) {
    const groupTotal =
      valueOf<number>(ctx, 'SELECT balance_total FROM group_balances WHERE group_id = ?', change.groupId) ?? 0
    if (groupTotal + change.balanceDelta > LIMIT_KOPECKS) throw tooLarge("The group's total balance")
  }
}

function insertOperation(
  ctx: ServerContext,
  account: { id: number; group_id: number },
  fields: {
    type: OperationType
    amount: number
    balanceAfter: number
    comment: string | null
    actor: string | null
    /** The bill of a bonus credit or a payment with bonus. */
    purchaseId?: number | null
    /** A deferred bonus credit: when it becomes spendable. */
    availableAt?: string | null
  },
): Operation {
  const inserted = rowOf<OperationRow>(
    ctx,
    `INSERT INTO operations (account_id, group_id, type, amount, balance_after, comment, batch_id, created_at,
       created_by, purchase_id, available_at)
     VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?) RETURNING ${OPERATION_COLUMNS}`,
    account.id,
    account.group_id,
    fields.type,
    fields.amount,
    fields.balanceAfter,
    fields.comment,
    ctx.nowIso(),
    fields.actor,
    fields.purchaseId ?? null,
    fields.availableAt ?? null,
  )
  if (!inserted) throw new Error('Operation insert returned no row')
  return operationFromRow(inserted)
}

/** A deposit or a withdrawal on one account. A withdrawal above the balance is a 422 that states the balance. */
export function createOperation(ctx: ServerContext, input: OperationCreate, actor: string | null): Operation {
  return ctx.db.tx(() => writeOperation(ctx, input, actor))
}

function writeOperation(ctx: ServerContext, input: OperationCreate, actor: string | null): Operation {
  const account = operableAccount(ctx, input.account_id)
  const amount = toKopecks(input.amount)
  // Pending (deferred) bonus is part of the balance but cannot be withdrawn yet.
  const spendable = input.type === 'withdraw' ? availableOf(ctx, account) : account.balance
  if (input.type === 'withdraw' && amount > spendable) {
    throw unprocessable(
      'balance_too_low',
      { balance: fromKopecks(spendable), amount: fromKopecks(amount) },
      `Insufficient balance: account ${account.id} has ${roubles(spendable)}` +
        `${spendable < account.balance ? ' available' : ''}, the withdrawal is ${roubles(amount)}`,
    )
  }
  const delta = input.type === 'deposit' ? amount : -amount
  assertWithinLimits(ctx, {
    type: input.type,
    volume: amount,
    groupId: account.group_id,
    balanceDelta: delta,
  })
  const balanceAfter = account.balance + delta
  execute(ctx, 'UPDATE accounts SET balance = ? WHERE id = ?', balanceAfter, account.id)
  return insertOperation(ctx, account, {
    type: input.type,
    amount,
    balanceAfter,
    comment: input.comment ?? null,
    actor,
  })
}

/** At most this many accounts are named in a refusal of a group operation. */
const NAMED = 5

const accountList = (rows: readonly { id: number; number: string }[], more: number): string =>
  rows.map((row) => `${row.id} (${row.number})`).join(', ') +
  (more > rows.length ? ` and ${more - rows.length} more` : '')

/**
 * A group's blocked accounts, read from the partial index `accounts_blocked` alone. Left to itself the planner
 * picks `accounts_group` (it yields `ORDER BY id` for free) and reads every account of the group: 0.3 s at 100,000.
 */
export const BLOCKED_IN_GROUP =
  'FROM accounts INDEXED BY accounts_blocked WHERE group_id = ? AND blocked <> 0'

/**
 * The same deposit or withdrawal on every account of a group, atomically: a blocked account (409) or one whose
 * balance is below a withdrawal (422) refuses the whole operation before anything is written. Written set-based
 * (one UPDATE and one INSERT … SELECT), so 10,000 accounts take one statement each.
 */
export function createGroupOperation(
  ctx: ServerContext,
  input: GroupOperationCreate,
  actor: string | null,
): GroupOperationResult {
  return ctx.db.tx(() => writeGroupOperation(ctx, input, actor))
}

function writeGroupOperation(
  ctx: ServerContext,
  input: GroupOperationCreate,
  actor: string | null,
): GroupOperationResult {
  const group = rowOf<{ id: number; accounts_count: number }>(
    ctx,
    'SELECT id, accounts_count FROM account_groups WHERE id = ?',
    input.group_id,
  )
  if (!group) throw noSuchGroup(['body', 'group_id'], input.group_id)
  const amount = toKopecks(input.amount)
  const blocked = rowsOf<{ id: number; number: string }>(
    ctx,
    `SELECT id, number ${BLOCKED_IN_GROUP} ORDER BY id LIMIT ?`,
    group.id,
    NAMED,
  )
  if (blocked.length > 0) {
    const count = valueOf<number>(ctx, `SELECT count(*) ${BLOCKED_IN_GROUP}`, group.id) ?? 0
    throw conflict(
      'group_has_blocked_accounts',
      { numbers: blocked.map((row) => row.number), count },
      `The group has blocked accounts: ${accountList(blocked, count)}. A group operation changes every account ` +
        'or none: unblock them or move them to another group first.',
    )
  }
  if (input.type === 'withdraw') {
    const short = rowsOf<{ id: number; number: string; balance: number }>(
      ctx,
      `SELECT id, number, balance - coalesce((SELECT sum(o.amount) FROM operations o
         WHERE o.account_id = a.id AND o.available_at > @now), 0) AS balance
       FROM accounts a WHERE group_id = @group AND balance < @amount + coalesce((SELECT sum(o.amount)
         FROM operations o WHERE o.account_id = a.id AND o.available_at > @now), 0)
       ORDER BY id LIMIT @named`,
      { group: group.id, amount, named: NAMED, now: ctx.nowIso() },
    )
    if (short.length > 0) {
      const named = short.map((row) => `${row.id} (${row.number}) has ${roubles(row.balance)}`).join(', ')
      throw unprocessable(
        'group_balance_too_low',
        { numbers: short.map((row) => row.number), amount: fromKopecks(amount) },
        `Insufficient balance for a withdrawal of ${roubles(amount)} from every account of the group: ${named}. ` +
          'Nothing was withdrawn.',
      )
    }
  }
  const total = amount * group.accounts_count
  const delta = input.type === 'deposit' ? total : -total
  assertWithinLimits(ctx, { type: input.type, volume: total, groupId: group.id, balanceDelta: delta })
  const batchId = randomUUID()
  if (group.accounts_count > 0) {
    execute(
      ctx,
      'UPDATE accounts SET balance = balance + ? WHERE group_id = ?',
      input.type === 'deposit' ? amount : -amount,
      group.id,
    )
    execute(
      ctx,
      `INSERT INTO operations (account_id, group_id, type, amount, balance_after, comment, batch_id, created_at, created_by)
       SELECT id, group_id, ?, ?, balance, ?, ?, ?, ? FROM accounts WHERE group_id = ? ORDER BY id`,
      input.type,
      amount,
      input.comment ?? null,
      batchId,
      ctx.nowIso(),
      actor,
      group.id,
    )
  }
  return { batch_id: batchId, accounts: group.accounts_count, total: fromKopecks(total) }
}

/** The ladder an account's group applies now (an inactive ladder applies none). */
function activeLadderOf(ctx: ServerContext, groupId: number): PlacementLadder | null {
  const ladderId =
    valueOf<number | null>(ctx, 'SELECT ladder_id FROM account_groups WHERE id = ?', groupId) ?? null
  if (ladderId === null) return null
  const ladder = loadPlacementLadders(ctx, [ladderId]).get(ladderId)
  return ladder && ladder.active ? ladder : null
}

/**
 * A paid bill reported by a till: adds to `spend_total` and `visits`, and credits the bonus of the step the guest
 * held when paying (this bill does not count yet toward it); `step` is where the account stands afterwards. The
 * highest step reached on the ladder is remembered for `downgrade: false`.
 */
export function recordPurchase(
  ctx: ServerContext,
  input: PurchaseRequest,
  actor: string | null,
): PurchaseResult {
  return ctx.db.tx(() => writePurchase(ctx, input, actor))
}

function writePurchase(ctx: ServerContext, input: PurchaseRequest, actor: string | null): PurchaseResult {
  const account = operableAccount(ctx, input.account_id)
  const amount = toKopecks(input.amount)
  const paid = toKopecks(input.paid_with_bonus ?? 0)
  if (account.spend_total + amount > LIMIT_KOPECKS) throw tooLarge("The account's spend total")
  const ladder = activeLadderOf(ctx, account.group_id)
  const totals = accountTotals(account)
  let bonus = 0
  let capKopecks: number | null = null
  let stepAfter = null
  let highest = { ladderId: account.highest_step_ladder_id, index: account.highest_step_index }
  if (ladder && ladder.id !== null) {
    const window = isRolling(ladder)
      ? (windowTotals(ctx, [account.id], windowStart(ctx, ladder)).get(account.id) ?? { spend: 0, visits: 0 })
      : null
    const override = liveOverridesOf(ctx, [account.id]).get(account.id)
    const held = holdsOn(override, ladder.id, ladder.steps.length) ? override : undefined
    const before = overridden(ladder, placeOn(ladder, accumulated(ladder, totals, window), totals), held)
    const bonusBp = before?.step.bonusBp ?? null
    bonus = bonusBp === null ? 0 : benefitsFor({ bonus_percent: fromKopecks(bonusBp) }, amount).bonusKopecks
    const capBp = before?.step.maxPaymentBp ?? null
    capKopecks =
      capBp === null
        ? null
        : benefitsFor({ max_payment_percent: fromKopecks(capBp) }, amount).maxBonusPaymentKopecks
    const afterTotals = { ...totals, spendTotal: totals.spendTotal + amount, visits: totals.visits + 1 }
    const afterWindow = window && { spend: window.spend + amount, visits: window.visits + 1 }
    const computedAfter = placeOn(ladder, accumulated(ladder, afterTotals, afterWindow), totals)
    // The highest step reached is what the guest accumulated: a level set by hand does not raise it.
    const reached = totals.highestLadderId === ladder.id ? (totals.highestIndex ?? -1) : -1
    if (computedAfter) highest = { ladderId: ladder.id, index: Math.max(reached, computedAfter.index) }
    stepAfter = overridden(ladder, computedAfter, held)
  }
  if (paid > 0) {
    if (paid > amount) {
      throw fieldError(
        ['body', 'paid_with_bonus'],
        'payment_above_bill',
        { max: fromKopecks(amount) },
        `At most the bill, ${roubles(amount)}, may be paid with bonus`,
        'less_than_equal',
      )
    }
    const allowance = paymentAllowance(ctx, account, capKopecks)
    if (paid > allowance.allowed) {
      throw fieldError(
        ['body', 'paid_with_bonus'],
        'payment_above_allowed',
        { allowed: fromKopecks(allowance.allowed), rule: allowance.rule },
        `At most ${roubles(allowance.allowed)} may be paid with bonus now (${PAYMENT_RULES[allowance.rule]})`,
        `payment_above_${allowance.rule}`,
      )
    }
  }
  if (bonus > 0) {
    assertWithinLimits(ctx, { type: 'bonus', volume: bonus, groupId: account.group_id, balanceDelta: bonus })
  }
  const settings = getSettings(ctx)
  const availableAtMs =
    bonus > 0 ? availableAt(ctx.now(), settings.accrual_delay_days, businessClock(ctx)) : null
  const availableAtIso = availableAtMs === null ? null : new Date(availableAtMs).toISOString()
  const afterPayment = account.balance - paid
  const balanceAfter = afterPayment + bonus
  const purchase = rowOf<{ id: number }>(
    ctx,
    'INSERT INTO purchases (account_id, amount, created_at, created_by) VALUES (?, ?, ?, ?) RETURNING id',
    account.id,
    amount,
    ctx.nowIso(),
    actor,
  )
  execute(
    ctx,
    `UPDATE accounts SET spend_total = spend_total + ?, visits = visits + 1, balance = ?,
       highest_step_ladder_id = ?, highest_step_index = ? WHERE id = ?`,
    amount,
    balanceAfter,
    highest.ladderId,
    highest.index,
    account.id,
  )
  if (paid > 0) {
    insertOperation(ctx, account, {
      type: 'withdraw',
      amount: paid,
      balanceAfter: afterPayment,
      comment: null,
      actor,
      purchaseId: purchase?.id ?? null,
    })
  }
  if (bonus > 0) {
    insertOperation(ctx, account, {
      type: 'bonus',
      amount: bonus,
      balanceAfter,
      comment: null,
      actor,
      purchaseId: purchase?.id ?? null,
      availableAt: availableAtIso,
    })
  }
  return {
    step: ladder && ladder.id !== null ? accountStepOf(ladder.id, stepAfter) : null,
    bonus_credited: fromKopecks(bonus),
    balance_after: fromKopecks(balanceAfter),
    paid_with_bonus: fromKopecks(paid),
    bonus_pending: fromKopecks(availableAtIso === null ? 0 : bonus),
    available_at: availableAtIso,
  }
}

/** Why a payment with bonus is capped where it is, as the refusal says it. */
const PAYMENT_RULES = {
  balance: 'the available balance',
  step_cap: "the step's share of the bill that may be paid with bonus",
  per_day: "what is left of the account's limit for this business day",
  per_week: "what is left of the account's limit for this business week",
  per_month: "what is left of the account's limit for this business month",
} as const

// ---- list ----

const dayStart = (day: string): string => `${day}T00:00:00.000Z`
const nextDayStart = (day: string): string => new Date(Date.parse(dayStart(day)) + 86_400_000).toISOString()

/** `from` after `to`: 422 at `['query', 'to']`. */
export function assertDayRange(from: string | undefined, to: string | undefined): void {
  if (from !== undefined && to !== undefined && from > to) {
    throw fieldError(
      ['query', 'to'],
      'range_reversed',
      {},
      `The range ends (${to}) before it starts (${from})`,
      'range_error',
    )
  }
}

/**
 * Operations newest first, filtered by account, group (the account's group when the operation was made), type
 * and UTC days `from`…`to` inclusive. Every filter is an index range; `total` is exact: counted on the account's
 * index for an account filter, else summed from the per-day aggregate.
 */
export function listOperations(ctx: ServerContext, query: OperationListQuery): ListEnvelope<Operation> {
  assertDayRange(query.from, query.to)
  const filter = new Filter()
  if (query.account_id !== undefined) filter.add('account_id = ?', query.account_id)
  if (query.group_id !== undefined) filter.add('group_id = ?', query.group_id)
  if (query.type !== undefined) filter.add('type = ?', query.type)
  if (query.from !== undefined) filter.add('created_at >= ?', dayStart(query.from))
  if (query.to !== undefined) filter.add('created_at < ?', nextDayStart(query.to))
  const rows = rowsOf<OperationRow>(
    ctx,
    `SELECT ${OPERATION_COLUMNS} FROM operations ${filter.sql()} ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    ...filter.params,
    query.limit,
    query.offset,
  )
  const total =
    query.account_id !== undefined
      ? valueOf<number>(ctx, `SELECT count(*) FROM operations ${filter.sql()}`, ...filter.params)
      : operationDaysCount(ctx, query)
  return envelope(rows.map(operationFromRow), total ?? 0, query)
}

/** The number of operations the filters select, from the per-day aggregate (no account filter). */
function operationDaysCount(ctx: ServerContext, query: OperationListQuery): number | undefined {
  const filter = new Filter()
  if (query.group_id !== undefined) filter.add('group_id = ?', query.group_id)
  if (query.type !== undefined) filter.add('type = ?', query.type)
  if (query.from !== undefined) filter.add('day >= ?', query.from)
  if (query.to !== undefined) filter.add('day <= ?', query.to)
  return valueOf<number>(
    ctx,
    `SELECT coalesce(sum(count), 0) FROM operation_days ${filter.sql()}`,
    ...filter.params,
  )
}

/** A WHERE clause built from optional conditions, with its parameters in order. */
class Filter {
  private readonly conditions: string[] = []
  readonly params: unknown[] = []

  add(condition: string, value: unknown): void {
    this.conditions.push(condition)
    this.params.push(value)
  }

  sql(): string {
    return this.conditions.length > 0 ? `WHERE ${this.conditions.join(' AND ')}` : ''
  }
}
