// Why an account stands on its step: what it accumulated under its ladder's basis and period, the thresholds
// against that value, how far the next step is, which purchases a rolling period counts and when each stops
// counting, and — for a ladder without downgrade — the step held and since when. Pure; the account card shows it.
//
// The same rules as the server's placement (server/services/placement.ts): a `rolling_days` ladder of N days
// counts the purchases made after `now − N × 24 h`, so a purchase stops counting N × 24 h after it was made;
// thresholds are inclusive (`stepFor`); with `downgrade: false` the step never drops below the highest reached.
import { fromKopecks, toKopecks } from './money'
import { stepFor } from './steps'

const DAY_MS = 24 * 60 * 60 * 1000

/** What the explanation needs of a ladder (the API's `Ladder` fits). */
export interface ExplainedLadder {
  basis: 'spend' | 'visits'
  period: 'all_time' | 'rolling_days'
  period_days: number | null
  downgrade: boolean
  steps: readonly { name: string; threshold: number }[]
}

/** What it needs of an account (the API's `Account` fits): all-time totals and the effective step index. */
export interface ExplainedAccount {
  spend_total: number
  visits: number
  step: { index: number } | null
}

/** A purchase as `accounts/{id}/purchases` answers it (roubles, ISO time). */
export interface ExplainedPurchase {
  id: number
  amount: number
  created_at: string
}

export interface ThresholdRow {
  index: number
  name: string
  threshold: number
  /** The accumulated value is at or above this threshold. */
  reached: boolean
  /** The step the account stands on. */
  current: boolean
  /** What is missing to this threshold (0 once reached). */
  missing: number
}

export interface CountedPurchase extends ExplainedPurchase {
  /** When it leaves the window (ISO). */
  counts_until: string
}

export interface StepExplanation {
  basis: 'spend' | 'visits'
  /** Roubles (spend) or bills (visits) the ladder counts now. */
  accumulated: number
  /** The step that value reaches by itself (null: none, an empty ladder). */
  by_value: number | null
  /** The step the account stands on (the server's, which may be held or set otherwise). */
  current: number | null
  /**
   * Why it stands there: `value` — the accumulated value reaches it; `held` — a ladder without downgrade keeps the
   * highest step reached; `other` — set otherwise (a step set by hand), not explained by the ladder.
   */
  reason: 'value' | 'held' | 'other' | 'none'
  thresholds: ThresholdRow[]
  /** The step after the current one and how much is missing to reach it; null on the last step. */
  next: { index: number; name: string; threshold: number; missing: number } | null
  /** A rolling period: since when purchases count, and the ones that do (newest first). */
  window: {
    days: number
    from: string
    purchases: CountedPurchase[]
    /** The purchases read may not reach back to the window's start (more exist than were read). */
    partial: boolean
    /** The first counted purchase to stop counting, and what the value is then (a drop may lower the step). */
    next_expiry: { at: string; accumulated: number; step: number | null } | null
  } | null
  /** A held step: which, and since when (the first purchase that reached it; null when the purchases do not say). */
  held: { index: number; name: string; since: string | null } | null
}

/**
 * Explains `account`'s step on `ladder` at `nowMs`. `purchases` are the account's purchases (any order); `complete`
 * says whether they are all of them (else the window or the "since" may be partial).
 */
export function explainStep(
  ladder: ExplainedLadder,
  account: ExplainedAccount,
  purchases: readonly ExplainedPurchase[],
  nowMs: number,
  complete = true,
): StepExplanation {
  const rolling = ladder.period === 'rolling_days' && ladder.period_days !== null
  const days = ladder.period_days ?? 0
  const periodMs = days * DAY_MS
  const windowStartMs = nowMs - periodMs
  const byTime = [...purchases].sort(
    (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || a.id - b.id,
  )
  const counted = rolling ? byTime.filter((purchase) => Date.parse(purchase.created_at) > windowStartMs) : []

  // Spend in kopecks while summing: no float drift.
  const valueOf = (bills: readonly ExplainedPurchase[]): number =>
    ladder.basis === 'spend'
      ? fromKopecks(bills.reduce((sum, bill) => sum + toKopecks(bill.amount), 0))
      : bills.length
  const accumulated = rolling
    ? valueOf(counted)
    : ladder.basis === 'spend'
      ? account.spend_total
      : account.visits

  const placed = stepFor({ steps: ladder.steps, downgrade: true }, accumulated)
  const byValue = placed?.index ?? null
  const current = account.step?.index ?? null
  const reason: StepExplanation['reason'] =
    current === null
      ? 'none'
      : current === byValue
        ? 'value'
        : !ladder.downgrade && byValue !== null && current > byValue
          ? 'held'
          : 'other'

  const thresholds = ladder.steps.map((step, index) => ({
    index,
    name: step.name,
    threshold: step.threshold,
    reached: accumulated >= step.threshold,
    current: index === current,
    missing: Math.max(0, difference(ladder.basis, step.threshold, accumulated)),
  }))
  const nextStep = ladder.steps[(current ?? byValue ?? -1) + 1]
  const nextIndex = (current ?? byValue ?? -1) + 1
  const next = nextStep
    ? {
        index: nextIndex,
        name: nextStep.name,
        threshold: nextStep.threshold,
        missing: Math.max(0, difference(ladder.basis, nextStep.threshold, accumulated)),
      }
    : null

  let window: StepExplanation['window'] = null
  if (rolling) {
    const first = counted[0]
    let nextExpiry: NonNullable<StepExplanation['window']>['next_expiry'] = null
    if (first) {
      const at = Date.parse(first.created_at) + periodMs
      const remaining = counted.filter((bill) => Date.parse(bill.created_at) + periodMs > at)
      const value = valueOf(remaining)
      nextExpiry = {
        at: new Date(at).toISOString(),
        accumulated: value,
        step: stepFor({ steps: ladder.steps, downgrade: true }, value)?.index ?? null,
      }
    }
    window = {
      days,
      from: new Date(windowStartMs).toISOString(),
      purchases: counted
        .map((bill) => ({
          ...bill,
          counts_until: new Date(Date.parse(bill.created_at) + periodMs).toISOString(),
        }))
        .reverse(),
      partial: !complete && (byTime[0] === undefined || Date.parse(byTime[0].created_at) > windowStartMs),
      next_expiry: nextExpiry,
    }
  }

  let held: StepExplanation['held'] = null
  if (reason === 'held' && current !== null) {
    const step = ladder.steps[current]
    held = {
      index: current,
      name: step?.name ?? '',
      since: complete || !rolling ? reachedSince(ladder, byTime, current, periodMs) : null,
    }
  }

  return {
    basis: ladder.basis,
    accumulated,
    by_value: byValue,
    current,
    reason,
    thresholds,
    next,
    window,
    held,
  }
}

/** `a − b` in the basis' unit, exact to the kopeck for spend. */
function difference(basis: 'spend' | 'visits', a: number, b: number): number {
  return basis === 'spend' ? fromKopecks(toKopecks(a) - toKopecks(b)) : a - b
}

/**
 * When the account first reached step `index`: replays the purchases in time order, each time valuing what the
 * ladder counted right after that purchase. Null when no purchase reaches it (the ladder changed since, say).
 */
function reachedSince(
  ladder: ExplainedLadder,
  byTime: readonly ExplainedPurchase[],
  index: number,
  periodMs: number,
): string | null {
  const rolling = ladder.period === 'rolling_days' && ladder.period_days !== null
  let start = 0
  let kopecks = 0
  for (let end = 0; end < byTime.length; end++) {
    const bill = byTime[end]
    if (!bill) continue
    const at = Date.parse(bill.created_at)
    kopecks += toKopecks(bill.amount)
    if (rolling) {
      for (let old = byTime[start]; old && Date.parse(old.created_at) <= at - periodMs; old = byTime[start]) {
        kopecks -= toKopecks(old.amount)
        start++
      }
    }
    const value = ladder.basis === 'spend' ? fromKopecks(kopecks) : end - start + 1
    const step = stepFor({ steps: ladder.steps, downgrade: true }, value)
    if (step && step.index >= index) return bill.created_at
  }
  return null
}
