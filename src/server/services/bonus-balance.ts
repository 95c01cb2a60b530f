import type { AccountLimits } from '@shared/api'
import { fromKopecks } from '@shared/domain'
import {
  paymentAllowance as allowanceOf,
  type LimitRule,
  type PaymentAllowance,
  type PaymentRule,
} from '@shared/domain/bonus-payment'
import type { ServerContext } from '../context'
import { placeholders, rowsOf, valueOf } from './sql'
import { paymentLimitsNow } from './settings'

// What of a balance may be spent now. The balance holds every bonus credited; a deferred credit (settings'
// `accrual_delay_days`) stays pending until its `available_at`, and what is pending cannot be spent or withdrawn.
// Payments with bonus at the till count against the per-account limits of the business day, week and month.

/** Pending kopecks per account (accounts with nothing pending are absent). */
export function pendingOf(ctx: ServerContext, accountIds: readonly number[]): Map<number, number> {
  const pending = new Map<number, number>()
  if (accountIds.length === 0) return pending
  const rows = rowsOf<{ account_id: number; pending: number }>(
    ctx,
    `SELECT account_id, sum(amount) AS pending FROM operations
     WHERE account_id IN (${placeholders(accountIds.length)}) AND available_at > ? GROUP BY account_id`,
    ...accountIds,
    ctx.nowIso(),
  )
  for (const row of rows) pending.set(row.account_id, row.pending)
  return pending
}

/** The part of the balance that may be spent now, in kopecks. */
export const availableOf = (ctx: ServerContext, account: { id: number; balance: number }): number =>
  account.balance - (pendingOf(ctx, [account.id]).get(account.id) ?? 0)

/** Kopecks the account paid with bonus in `[start, end)`. */
function paidWithBonus(ctx: ServerContext, accountId: number, start: number, end: number): number {
  return (
    valueOf<number>(
      ctx,
      `SELECT coalesce(sum(amount), 0) FROM operations
       WHERE account_id = ? AND purchase_id IS NOT NULL AND type = 'withdraw' AND created_at >= ? AND created_at < ?`,
      accountId,
      new Date(start).toISOString(),
      new Date(end).toISOString(),
    ) ?? 0
  )
}

/** Per limit of the current business periods: the limit, what was paid with bonus, what is left (kopecks). */
export function limitsLeft(
  ctx: ServerContext,
  accountId: number,
): Record<LimitRule, { limit: number | null; used: number; left: number | null }> {
  const periods = paymentLimitsNow(ctx)
  const one = (period: (typeof periods)['day']) => {
    const used = paidWithBonus(ctx, accountId, period.start, period.end)
    return {
      limit: period.limit,
      used,
      left: period.limit === null ? null : Math.max(0, period.limit - used),
    }
  }
  return { per_day: one(periods.day), per_week: one(periods.week), per_month: one(periods.month) }
}

/** `GET accounts/{id}/limits`: the same in roubles. */
export function accountLimits(ctx: ServerContext, accountId: number): AccountLimits {
  const left = limitsLeft(ctx, accountId)
  const roubles = (value: number | null) => (value === null ? null : fromKopecks(value))
  const one = (rule: LimitRule) => ({
    limit: roubles(left[rule].limit),
    used: fromKopecks(left[rule].used),
    left: roubles(left[rule].left),
  })
  return { per_day: one('per_day'), per_week: one('per_week'), per_month: one('per_month') }
}

/**
 * The most of a bill the account may pay with bonus now, and the rule that sets it: the available balance, the
 * step's cap (`capKopecks`, null: none), and what is left of each limit — the smallest wins (the shared rule).
 */
export function paymentAllowance(
  ctx: ServerContext,
  account: { id: number; balance: number },
  capKopecks: number | null,
): PaymentAllowance<Exclude<PaymentRule, 'bill'>> {
  const left = limitsLeft(ctx, account.id)
  return allowanceOf({
    availableKopecks: availableOf(ctx, account),
    stepCapKopecks: capKopecks,
    limitsLeft: { per_day: left.per_day.left, per_week: left.per_week.left, per_month: left.per_month.left },
  })
}
