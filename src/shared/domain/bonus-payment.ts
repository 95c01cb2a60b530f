// Paying with bonus at the till (DOMAIN.md «Paying with bonus at the till»): at most the spendable balance, at
// most the step's `max_payment_percent` of the bill, at most what is left of each per-account limit for the
// current business day, week and month — the smallest wins, and a refusal names that rule. One rule for the
// sandbox server's `operations/purchase` and the ladder simulator, in integer kopecks.
import type { AccountLimits } from '../api/accounts'
import { toKopecks } from './money'

export const LIMIT_RULES = ['per_day', 'per_week', 'per_month'] as const
/** A per-account limit of paying with bonus (settings' `bonus_payment_limits`). */
export type LimitRule = (typeof LIMIT_RULES)[number]
/** What sets the most that may be paid with bonus: the bill itself, the balance, the step's cap, a limit. */
export type PaymentRule = 'bill' | 'balance' | 'step_cap' | LimitRule

/** What is left of each limit for the current business periods, in kopecks; null: no such limit. */
export type LimitsLeft = Record<LimitRule, number | null>

export interface PaymentAllowanceInput {
  /** The spendable balance (pending bonus excluded), kopecks; below zero counts as zero; null: not known. */
  availableKopecks: number | null
  /** The step's `max_payment_percent` of the bill, kopecks; null: the step sets no cap. */
  stepCapKopecks: number | null
  /** What the limits leave (`GET accounts/{id}/limits`' `left`); null: not known, not applied. */
  limitsLeft: LimitsLeft | null
}

export interface PaymentAllowance<Rule extends PaymentRule = PaymentRule> {
  /** The most that may be paid with bonus, kopecks. */
  allowed: number
  /** The rule that sets it (on a tie, the first of bill, balance, step cap, day, week, month). */
  rule: Rule
}

/**
 * The most that may be paid with bonus now, and the rule that sets it. With `billKopecks`, the bill bounds it too
 * (the simulator); without it the caller refuses a payment above the bill on its own (the server's
 * `payment_above_bill`, checked before this).
 */
export function paymentAllowance(input: PaymentAllowanceInput & { billKopecks: number }): PaymentAllowance
export function paymentAllowance(input: PaymentAllowanceInput): PaymentAllowance<Exclude<PaymentRule, 'bill'>>
export function paymentAllowance(input: PaymentAllowanceInput & { billKopecks?: number }): PaymentAllowance {
  const candidates: [PaymentRule, number | null | undefined][] = [
    ['bill', input.billKopecks],
    ['balance', input.availableKopecks === null ? null : Math.max(0, input.availableKopecks)],
    ['step_cap', input.stepCapKopecks],
    ...LIMIT_RULES.map((rule): [PaymentRule, number | null] => [rule, input.limitsLeft?.[rule] ?? null]),
  ]
  let best: PaymentAllowance | null = null
  for (const [rule, allowed] of candidates) {
    if (allowed === null || allowed === undefined) continue
    if (best === null || allowed < best.allowed) best = { allowed: Math.max(0, allowed), rule }
  }
  // Nothing bounds it only when neither a bill nor a balance is given: the server always gives the balance.
  return best ?? { allowed: 0, rule: 'balance' }
}

/** The `left` of `GET accounts/{id}/limits` (roubles) in kopecks. */
export function limitsLeftOf(limits: AccountLimits): LimitsLeft {
  const left = (rule: LimitRule) => {
    const value = limits[rule].left
    return value === null ? null : toKopecks(value)
  }
  return { per_day: left('per_day'), per_week: left('per_week'), per_month: left('per_month') }
}
