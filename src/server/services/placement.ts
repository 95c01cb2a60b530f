// Which ladder step accounts stand on: for one account (its `step`), for every account of a ladder's groups
// (`reports/ladder_steps`), and for a proposed ladder against the current one (`ladders/preview`). The step is
// always the shared `stepFor` of what the account accumulated under the ladder's basis and period.
//
// Scale: an `all_time` ladder is counted as index ranges of `spend_total`/`visits` (every account between two
// thresholds sits on the same step), plus a correction for `downgrade: false` read from a partial index of the
// accounts whose highest step reached is above their value. A `rolling_days` ladder and a preview group the
// accounts in SQL by threshold interval (summing each window through the covering index
// `purchases(account_id, created_at, amount)`), and place each group with stepFor.
import type { AccountStep, LadderPreview, LadderPreviewRequest, LadderStepCount } from '@shared/api'
import { type StepPlacement, stepFor, toKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import { thresholdToDb } from './ladders'
import { placeholders, rowsOf, statement } from './sql'

export interface PlacementStep {
  name: string
  /** Kopecks for a `spend` ladder, visits for a `visits` ladder: the unit accumulated values are kept in. */
  threshold: number
  /** Hundredths of a percent. */
  bonusBp: number | null
  maxPaymentBp: number | null
}

/** A ladder as placement needs it, thresholds in stored units. `id` null: a proposal never stored. */
export interface PlacementLadder {
  id: number | null
  basis: 'spend' | 'visits'
  period: 'all_time' | 'rolling_days'
  periodDays: number | null
  downgrade: boolean
  active: boolean
  steps: PlacementStep[]
}

/** What an account accumulated, in stored units, and the highest step it reached (on `highestLadderId`). */
export interface AccountTotals {
  spendTotal: number
  visits: number
  highestLadderId: number | null
  highestIndex: number | null
}

/** Purchases of one window: kopecks and count. */
export interface WindowTotals {
  spend: number
  visits: number
}

const DAY_MS = 24 * 60 * 60 * 1000

/** A `rolling_days` ladder counts purchases made after this instant (ISO, comparable with `created_at`). */
export const windowStart = (ctx: ServerContext, ladder: PlacementLadder): string =>
  new Date(ctx.now() - (ladder.periodDays ?? 0) * DAY_MS).toISOString()

export const isRolling = (ladder: PlacementLadder): boolean =>
  ladder.period === 'rolling_days' && ladder.periodDays !== null

/** The stored ladders with these ids. */
export function loadPlacementLadders(
  ctx: ServerContext,
  ids: readonly number[],
): Map<number, PlacementLadder> {
  const ladders = new Map<number, PlacementLadder>()
  const unique = [...new Set(ids)]
  if (unique.length === 0) return ladders
  const rows = rowsOf<{
    id: number
    basis: PlacementLadder['basis']
    period: PlacementLadder['period']
    period_days: number | null
    downgrade: number
    active: number
  }>(
    ctx,
    `SELECT id, basis, period, period_days, downgrade, active FROM ladders WHERE id IN (${placeholders(unique.length)})`,
    ...unique,
  )
  for (const row of rows) {
    ladders.set(row.id, {
      id: row.id,
      basis: row.basis,
      period: row.period,
      periodDays: row.period_days,
      downgrade: bool(row.downgrade),
      active: bool(row.active),
      steps: [],
    })
  }
  const steps = rowsOf<{
    ladder_id: number
    name: string
    threshold: number
    bonus_bp: number | null
    max_payment_bp: number | null
  }>(
    ctx,
    `SELECT ladder_id, name, threshold, bonus_bp, max_payment_bp FROM ladder_steps
     WHERE ladder_id IN (${placeholders(unique.length)}) ORDER BY ladder_id, idx`,
    ...unique,
  )
  for (const step of steps) {
    ladders.get(step.ladder_id)?.steps.push({
      name: step.name,
      threshold: step.threshold,
      bonusBp: step.bonus_bp,
      maxPaymentBp: step.max_payment_bp,
    })
  }
  return ladders
}

const percentToBp = (percent: number | null | undefined): number | null =>
  percent === null || percent === undefined ? null : toKopecks(percent)

/** A proposed ladder (the preview's body) in stored units. */
export function placementOfProposal(input: LadderPreviewRequest): PlacementLadder {
  return {
    id: input.id ?? null,
    basis: input.basis,
    period: input.period,
    periodDays: input.period_days ?? null,
    downgrade: input.downgrade,
    active: input.active,
    steps: input.steps.map((step) => ({
      name: step.name,
      threshold: thresholdToDb(input.basis, step.threshold),
      bonusBp: percentToBp(step.bonus_percent),
      maxPaymentBp: percentToBp(step.max_payment_percent),
    })),
  }
}

/** What the ladder accumulates for an account: all-time totals, or its window's when the ladder rolls. */
export function accumulated(
  ladder: PlacementLadder,
  totals: AccountTotals,
  window: WindowTotals | null,
): number {
  const source = isRolling(ladder)
    ? (window ?? { spend: 0, visits: 0 })
    : { spend: totals.spendTotal, visits: totals.visits }
  return ladder.basis === 'spend' ? source.spend : source.visits
}

/** The highest step index that holds the account on `ladder` (downgrade: false only), else null. */
export const heldIndex = (ladder: PlacementLadder, totals: AccountTotals): number | null =>
  !ladder.downgrade && ladder.id !== null && totals.highestLadderId === ladder.id ? totals.highestIndex : null

/** The account's step on `ladder` for an accumulated `value` (the shared stepFor). */
export const placeOn = (
  ladder: PlacementLadder,
  value: number,
  totals: AccountTotals,
): StepPlacement<PlacementStep> | null =>
  stepFor({ steps: ladder.steps, downgrade: ladder.downgrade }, value, heldIndex(ladder, totals))

export function accountStepOf(
  ladderId: number,
  placement: StepPlacement<PlacementStep> | null,
): AccountStep | null {
  return placement ? { ladder_id: ladderId, index: placement.index, name: placement.step.name } : null
}

/** Window totals of some accounts since `since` (ISO), by account id; accounts without purchases are absent. */
export function windowTotals(
  ctx: ServerContext,
  accountIds: readonly number[],
  since: string,
): Map<number, WindowTotals> {
  const totals = new Map<number, WindowTotals>()
  if (accountIds.length === 0) return totals
  const rows = rowsOf<{ account_id: number; spend: number; visits: number }>(
    ctx,
    `SELECT account_id, sum(amount) AS spend, count(*) AS visits FROM purchases
     WHERE account_id IN (${placeholders(accountIds.length)}) AND created_at > ? GROUP BY account_id`,
    ...accountIds,
    since,
  )
  for (const row of rows) totals.set(row.account_id, { spend: row.spend, visits: row.visits })
  return totals
}

// ---- every account of some groups ----

/** Ids of the groups whose ladder is `ladderId`. */
export const groupsUsingLadder = (ctx: ServerContext, ladderId: number): number[] =>
  statement(ctx, 'SELECT id FROM account_groups WHERE ladder_id = ? ORDER BY id')
    .pluck()
    .all(ladderId) as number[]

/** What a ladder accumulates, as SQL over the account `a`: a column, or its window (one covering-index range). */
function valueSql(ladder: PlacementLadder, windowParam: string): string {
  if (!isRolling(ladder)) return ladder.basis === 'spend' ? 'a.spend_total' : 'a.visits'
  return ladder.basis === 'spend'
    ? `(SELECT coalesce(sum(p.amount), 0) FROM purchases p WHERE p.account_id = a.id AND p.created_at > @${windowParam})`
    : `(SELECT count(*) FROM purchases p WHERE p.account_id = a.id AND p.created_at > @${windowParam})`
}

/** Accounts that every given ladder places alike, with how many there are. */
interface PlacementClass {
  /** Per ladder, the value at the start of the threshold interval the accounts' value falls in. */
  values: number[]
  totals: AccountTotals
  count: number
}

/**
 * The accounts of a group in classes that the given ladders place alike: per ladder the threshold interval their
 * accumulated value falls in, and their highest step reached (kept only where a `downgrade: false` ladder may
 * hold it). SQL does the per-account work — the value or window, the interval — and answers one row per class:
 * stepFor then places a class by its interval's start, where every value of the interval has the same step.
 */
function placementClasses(
  ctx: ServerContext,
  groupId: number,
  ladders: readonly PlacementLadder[],
): PlacementClass[] {
  const params: Record<string, number | string> = { group: groupId }
  const holding = ladders
    .filter((ladder) => !ladder.downgrade && ladder.id !== null)
    .map((ladder) => ladder.id ?? 0)
  const held = holding.length === 0 ? 'NULL' : `CASE WHEN h_ladder IN (${holding.join(', ')}) THEN`
  const intervals = ladders.map((ladder, l) => {
    if (isRolling(ladder)) params[`w${l}`] = windowStart(ctx, ladder)
    const bounds = ladder.steps.slice(1).map((step, i) => {
      params[`t${l}_${i}`] = step.threshold
      return `(v${l} >= @t${l}_${i})`
    })
    return `${bounds.length === 0 ? '0' : bounds.join(' + ')} AS b${l}`
  })
  const values = ladders.map((ladder, l) => `${valueSql(ladder, `w${l}`)} AS v${l}`)
  const buckets = ladders.map((_, l) => `b${l}`).join(', ')
  // LIMIT -1 keeps SQLite from flattening the inner query (which would compute each window once per threshold).
  const sql = `SELECT ${buckets}, h_l, h_i, count(*) AS n FROM (
      SELECT ${intervals.join(', ')},
        ${holding.length === 0 ? 'NULL' : `${held} h_ladder END`} AS h_l,
        ${holding.length === 0 ? 'NULL' : `${held} h_index END`} AS h_i
      FROM (SELECT ${values.join(', ')}, a.highest_step_ladder_id AS h_ladder, a.highest_step_index AS h_index
            FROM accounts a WHERE a.group_id = @group LIMIT -1))
    GROUP BY ${buckets}, h_l, h_i`
  return (statement(ctx, sql).raw().all(params) as number[][]).map((row) => ({
    values: ladders.map((ladder, l) => ladder.steps[row[l] ?? 0]?.threshold ?? 0),
    totals: {
      spendTotal: 0,
      visits: 0,
      highestLadderId: row[ladders.length] ?? null,
      highestIndex: row[ladders.length + 1] ?? null,
    },
    count: row[ladders.length + 2] ?? 0,
  }))
}

/** Accounts per step of `ladder` over the accounts of `groupIds`: index ranges when it can, else one pass. */
export function stepCounts(
  ctx: ServerContext,
  ladder: PlacementLadder,
  groupIds: readonly number[],
): number[] {
  const counts = ladder.steps.map(() => 0)
  if (ladder.steps.length === 0) return counts
  if (isRolling(ladder)) {
    for (const groupId of groupIds) {
      for (const group of placementClasses(ctx, groupId, [ladder])) {
        const placed = placeOn(ladder, group.values[0]!, group.totals)
        if (placed) counts[placed.index]! += group.count
      }
    }
    return counts
  }
  const column = ladder.basis === 'spend' ? 'spend_total' : 'visits'
  const inRange = statement(
    ctx,
    `SELECT count(*) FROM accounts WHERE group_id = ? AND ${column} >= ? AND ${column} < ?`,
  ).pluck()
  const steps = ladder.steps
  for (const groupId of groupIds) {
    for (let i = 0; i < steps.length; i++) {
      // Every value in [threshold i, threshold i+1) has the step stepFor gives the interval's start.
      const low = steps[i]!.threshold
      const high = i + 1 < steps.length ? steps[i + 1]!.threshold : Number.MAX_SAFE_INTEGER
      const placed = stepFor({ steps }, low)
      if (placed) counts[placed.index]! += inRange.get(groupId, low, high) as number
    }
  }
  if (!ladder.downgrade && ladder.id !== null) correctForHighestReached(ctx, ladder, groupIds, counts)
  return counts
}

/**
 * `downgrade: false`: moves the accounts whose highest step reached is above their value's step. Only those rows
 * are read: for each held index j, the accounts below step j's threshold (a range of the partial index).
 */
function correctForHighestReached(
  ctx: ServerContext,
  ladder: PlacementLadder,
  groupIds: readonly number[],
  counts: number[],
): void {
  const column = ladder.basis === 'spend' ? 'spend_total' : 'visits'
  const last = ladder.steps.length - 1
  const below = statement(
    ctx,
    `SELECT spend_total, visits, highest_step_index FROM accounts INDEXED BY accounts_highest_step
     WHERE highest_step_ladder_id = ? AND highest_step_index = ? AND group_id = ? AND ${column} < ?`,
  )
  const belowLast = statement(
    ctx,
    `SELECT spend_total, visits, highest_step_index FROM accounts INDEXED BY accounts_highest_step
     WHERE highest_step_ladder_id = ? AND highest_step_index >= ? AND group_id = ? AND ${column} < ?`,
  )
  type Held = { spend_total: number; visits: number; highest_step_index: number }
  for (const groupId of groupIds) {
    for (let held = 1; held <= last; held++) {
      const threshold = ladder.steps[held]!.threshold
      const query = held === last ? belowLast : below
      for (const row of query.iterate(ladder.id, held, groupId, threshold) as Iterable<Held>) {
        const totals = {
          spendTotal: row.spend_total,
          visits: row.visits,
          highestLadderId: ladder.id,
          highestIndex: row.highest_step_index,
        }
        const value = accumulated(ladder, totals, null)
        const free = stepFor({ steps: ladder.steps }, value)
        const kept = placeOn(ladder, value, totals)
        if (free && kept && free.index !== kept.index) {
          counts[free.index]! -= 1
          counts[kept.index]! += 1
        }
      }
    }
  }
}

export const stepCountItems = (
  ladder: { steps: readonly { name: string }[] },
  counts: readonly number[],
): LadderStepCount[] =>
  ladder.steps.map((step, index) => ({ index, name: step.name, accounts: counts[index] ?? 0 }))

/**
 * The proposed ladder over the accounts of `groupIds`: accounts per proposed step, and how many move up, down or
 * stay against the step their group's current ladder gives them (no ladder: below every step).
 */
export function previewPlacement(
  ctx: ServerContext,
  proposed: PlacementLadder,
  groups: readonly { id: number; current: PlacementLadder | null }[],
): LadderPreview {
  const counts = proposed.steps.map(() => 0)
  let movedUp = 0
  let movedDown = 0
  let unchanged = 0
  for (const group of groups) {
    const current = group.current
    const ladders = current ? [proposed, current] : [proposed]
    for (const alike of placementClasses(ctx, group.id, ladders)) {
      const next = placeOn(proposed, alike.values[0]!, alike.totals)
      const now = current ? placeOn(current, alike.values[1]!, alike.totals) : null
      if (next) counts[next.index]! += alike.count
      const from = now ? now.index : -1
      const to = next ? next.index : -1
      if (to > from) movedUp += alike.count
      else if (to < from) movedDown += alike.count
      else unchanged += alike.count
    }
  }
  return { steps: stepCountItems(proposed, counts), moved_up: movedUp, moved_down: movedDown, unchanged }
}
