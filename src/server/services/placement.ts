// Which ladder step accounts stand on: for one account (its `step`), for every account of a ladder's groups
// (`reports/ladder_steps`), and for a proposed ladder against the current one (`ladders/preview`). The step is
// always the shared `stepFor` of what the account accumulated under the ladder's basis and period.
//
// Scale: an `all_time` ladder is counted as index ranges of `spend_total`/`visits` (every account between two
// thresholds sits on the same step), plus a correction for `downgrade: false` read from a partial index of the
// accounts whose highest step reached is above their value. A `rolling_days` ladder and a preview group the
// accounts in SQL by threshold interval (summing each window through the covering index
// `purchases(account_id, created_at, amount)`), and place each group with stepFor.
import type {
  AccountStep,
  LadderPreview,
  LadderPreviewRequest,
  LadderPreviewSample,
  LadderStepCount,
} from '@shared/api'
import { benefitsFor, fromKopecks, type StepPlacement, stepFor, toKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import { thresholdToDb } from './ladders'
import { placeholders, rowsOf, statement } from './sql'
import { effectiveIndex, holdsOn, liveOverridesOnLadder, type OverrideRow } from './step-overrides'

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

/** A placement as a level set by hand holds it (no override: as it is). */
export function overridden(
  ladder: PlacementLadder,
  placement: StepPlacement<PlacementStep> | null,
  override: OverrideRow | undefined,
): StepPlacement<PlacementStep> | null {
  if (!override) return placement
  const index = effectiveIndex(override, placement ? placement.index : -1)
  const step = ladder.steps[index]
  return step ? { index, step } : placement
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

/**
 * The step index (-1: none) each of a few accounts gets on each ladder from what it accumulated, one account at
 * a time (for the accounts a level set by hand holds, which the counts by interval then correct).
 */
function computedIndexes(
  ctx: ServerContext,
  ladders: readonly PlacementLadder[],
  accountIds: readonly number[],
): Map<number, number[]> {
  const rows = rowsOf<{
    id: number
    spend_total: number
    visits: number
    highest_step_ladder_id: number | null
    highest_step_index: number | null
  }>(
    ctx,
    `SELECT id, spend_total, visits, highest_step_ladder_id, highest_step_index FROM accounts
     WHERE id IN (${placeholders(accountIds.length)})`,
    ...accountIds,
  )
  const windows = ladders.map((ladder) =>
    isRolling(ladder) ? windowTotals(ctx, accountIds, windowStart(ctx, ladder)) : null,
  )
  const indexes = new Map<number, number[]>()
  for (const row of rows) {
    const totals: AccountTotals = {
      spendTotal: row.spend_total,
      visits: row.visits,
      highestLadderId: row.highest_step_ladder_id,
      highestIndex: row.highest_step_index,
    }
    indexes.set(
      row.id,
      ladders.map((ladder, l) => {
        const window = windows[l]?.get(row.id) ?? null
        return placeOn(ladder, accumulated(ladder, totals, window), totals)?.index ?? -1
      }),
    )
  }
  return indexes
}

/** Ids of the groups whose ladder is `ladderId`. */
export const groupsUsingLadder = (ctx: ServerContext, ladderId: number): number[] =>
  statement(ctx, 'SELECT id FROM account_groups WHERE ladder_id = ? ORDER BY id')
    .pluck()
    .all(ladderId) as number[]

/**
 * The threshold interval (0 … steps − 1) of what a ladder accumulates for the account `a`, as SQL: the sum of
 * the bounds the value reaches. A rolling ladder's window is summed once per account, inside one correlated
 * subquery (an aggregate SQLite never flattens), however many thresholds the ladder has.
 */
function intervalSql(
  ctx: ServerContext,
  ladder: PlacementLadder,
  l: number,
  params: Record<string, number | string>,
): string {
  const bounds = (value: string) =>
    ladder.steps.slice(1).map((step, i) => {
      params[`t${l}_${i}`] = step.threshold
      return `(${value} >= @t${l}_${i})`
    })
  if (ladder.steps.length <= 1) return '0'
  if (!isRolling(ladder)) return bounds(ladder.basis === 'spend' ? 'a.spend_total' : 'a.visits').join(' + ')
  params[`w${l}`] = windowStart(ctx, ladder)
  const value = ladder.basis === 'spend' ? 'coalesce(sum(p.amount), 0)' : 'count(*)'
  return `(SELECT ${bounds('v').join(' + ')} FROM (SELECT ${value} AS v FROM purchases p
           WHERE p.account_id = a.id AND p.created_at > @w${l}))`
}

/** Accounts that every given ladder places alike, with how many there are. */
interface PlacementClass {
  /** Per ladder, the value at the start of the threshold interval the accounts' value falls in. */
  values: number[]
  totals: AccountTotals
  count: number
}

/**
 * One row per account of a group: per ladder the threshold interval its accumulated value falls in (`b0`, `b1`…)
 * and its highest step reached (`h_l`, `h_i`, kept only where a `downgrade: false` ladder may hold it). SQL does
 * the per-account work — the value or window, the interval — so that stepFor can place a whole interval by its
 * start, where every value of the interval has the same step.
 */
function accountIntervalsSql(
  ctx: ServerContext,
  ladders: readonly PlacementLadder[],
  params: Record<string, number | string>,
  /** Columns of the account `a` to carry through, by the name they get. */
  carry: Record<string, string> = {},
): string {
  const holding = ladders
    .filter((ladder) => !ladder.downgrade && ladder.id !== null)
    .map((ladder) => ladder.id ?? 0)
  const held = (column: string) =>
    holding.length === 0
      ? 'NULL'
      : `CASE WHEN a.highest_step_ladder_id IN (${holding.join(', ')}) THEN a.${column} END`
  const intervals = ladders.map((ladder, l) => `${intervalSql(ctx, ladder, l, params)} AS b${l}`)
  const carried = Object.entries(carry).map(([name, column]) => `${column} AS ${name}, `)
  return `SELECT ${carried.join('')}${intervals.join(', ')},
        ${held('highest_step_ladder_id')} AS h_l, ${held('highest_step_index')} AS h_i
      FROM accounts a WHERE a.group_id = @group`
}

/** The placement of one interval row: per ladder its interval's start value, and the held step. */
function classOf(ladders: readonly PlacementLadder[], row: readonly (number | null)[]): PlacementClass {
  return {
    values: ladders.map((ladder, l) => ladder.steps[row[l] ?? 0]?.threshold ?? 0),
    totals: {
      spendTotal: 0,
      visits: 0,
      highestLadderId: row[ladders.length] ?? null,
      highestIndex: row[ladders.length + 1] ?? null,
    },
    count: 0,
  }
}

/** Accounts of a group in classes that the given ladders place alike, with how many there are. */
function placementClasses(
  ctx: ServerContext,
  groupId: number,
  ladders: readonly PlacementLadder[],
): PlacementClass[] {
  const params: Record<string, number | string> = { group: groupId }
  const buckets = ladders.map((_, l) => `b${l}`).join(', ')
  const sql = `SELECT ${buckets}, h_l, h_i, count(*) AS n FROM (${accountIntervalsSql(ctx, ladders, params)})
    GROUP BY ${buckets}, h_l, h_i`
  return (statement(ctx, sql).raw().all(params) as number[][]).map((row) => ({
    ...classOf(ladders, row),
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
    // A level set by hand holds on a rolling ladder too (caught by step-override.test.ts).
    correctForOverrides(ctx, ladder, groupIds, counts)
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
  correctForOverrides(ctx, ladder, groupIds, counts)
  return counts
}

/** Moves the accounts a level set by hand holds from their accumulated step to their effective one. */
function correctForOverrides(
  ctx: ServerContext,
  ladder: PlacementLadder,
  groupIds: readonly number[],
  counts: number[],
): void {
  if (ladder.id === null) return
  const overrides = liveOverridesOnLadder(ctx, ladder.id, groupIds).filter((o) =>
    holdsOn(o, ladder.id, ladder.steps.length),
  )
  if (overrides.length === 0) return
  const computed = computedIndexes(
    ctx,
    [ladder],
    overrides.map((o) => o.account_id),
  )
  for (const override of overrides) {
    const from = computed.get(override.account_id)?.[0] ?? -1
    const to = effectiveIndex(override, from)
    if (from >= 0) counts[from]! -= 1
    counts[to]! += 1
  }
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

/** How many sample accounts the preview names per direction. */
export const PREVIEW_SAMPLES = 20
/** The preview's bonus estimate re-prices the purchases of this many days. */
export const PREVIEW_BONUS_DAYS = 30

type Move = 'up' | 'down' | 'same'

interface GroupPlacement {
  id: number
  current: PlacementLadder | null
}

/** Where a class of accounts stands under the proposed and the current ladder (-1: below every step). */
function movesOf(proposed: PlacementLadder, current: PlacementLadder | null, alike: PlacementClass) {
  const next = placeOn(proposed, alike.values[0]!, alike.totals)
  const now = current ? placeOn(current, alike.values[1]!, alike.totals) : null
  const from = now ? now.index : -1
  const to = next ? next.index : -1
  const move: Move = to > from ? 'up' : to < from ? 'down' : 'same'
  return { from, to, move, next, now }
}

const stepRef = (ladder: PlacementLadder | null, index: number) =>
  ladder && index >= 0 ? { index, name: ladder.steps[index]?.name ?? '' } : null

/**
 * The proposed ladder over the accounts of `groups`: accounts per proposed step before (on the same index of
 * the group's current ladder) and after, how many move up, down or stay against the step their group's current
 * ladder gives them (no ladder: below every step), up to 20 named accounts per direction, and the bonus the
 * purchases of the last 30 days would have earned on the step each account stands on now and would stand on.
 */
export function previewPlacement(
  ctx: ServerContext,
  proposed: PlacementLadder,
  groups: readonly GroupPlacement[],
): LadderPreview {
  const counts = proposed.steps.map(() => 0)
  const before = proposed.steps.map(() => 0)
  const tally = { up: 0, down: 0, same: 0, held: 0 }
  const place = (from: number, to: number, move: Move | 'held', count: number) => {
    if (to >= 0) counts[to]! += count
    if (from >= 0 && from < before.length) before[from]! += count
    tally[move] += count
  }
  const held = heldByOverrides(ctx, proposed, groups)
  const scans = scanGroups(ctx, proposed, groups)
  for (const scan of scans) {
    scan.classes.forEach((alike, c) => {
      const { from, to, move } = scan.moves[c]!
      place(from, to, move, alike.count)
    })
  }
  for (const account of held.values()) {
    place(account.computedFrom, account.computedTo, account.computedMove, -1)
    place(account.from, account.to, account.move, 1)
  }
  const answer: LadderPreview = {
    steps: proposed.steps.map((step, index) => ({
      index,
      name: step.name,
      accounts: counts[index] ?? 0,
      accounts_before: before[index] ?? 0,
    })),
    moved_up: tally.up,
    moved_down: tally.down,
    unchanged: tally.same,
    overridden: tally.held,
    samples: {
      moved_up: movedSamples(ctx, proposed, scans, 'up', held),
      moved_down: movedSamples(ctx, proposed, scans, 'down', held),
    },
    bonus_estimate: bonusEstimate(ctx, proposed, groups, scans, held),
  }
  ctx.db.sqlite.exec('DELETE FROM temp.preview_scan; DELETE FROM temp.preview_class')
  return answer
}

/**
 * A group's accounts placed in one pass of SQL into the temp table `preview_scan` (id, group, per ladder the
 * threshold interval, the held step): the classes, the samples and the bills' classes are then read from it, so
 * the windows are summed once and only a few rows ever reach JavaScript (a row costs far more there than in SQL).
 */
interface GroupScan {
  group: GroupPlacement
  ladders: PlacementLadder[]
  classes: PlacementClass[]
  /** Per class: where it stands now and under the proposal. */
  moves: ReturnType<typeof movesOf>[]
  /** Class key (`b0|b1|h_l|h_i`) → index in `classes`. */
  classIndex: Map<string, number>
}

type ScanRow = [b0: number, b1: number | null, hl: number | null, hi: number | null]

const classKey = (row: readonly (number | null)[]): string => `${row[0]}|${row[1]}|${row[2]}|${row[3]}`

/** The scan row as classOf reads it: the intervals of the group's ladders, then the held step. */
const intervalRow = (ladders: readonly PlacementLadder[], row: ScanRow): (number | null)[] =>
  ladders.length === 2 ? [row[0], row[1], row[2], row[3]] : [row[0], row[2], row[3]]

function scanGroups(
  ctx: ServerContext,
  proposed: PlacementLadder,
  groups: readonly GroupPlacement[],
): GroupScan[] {
  ctx.db.sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS preview_scan
       (id INTEGER PRIMARY KEY, group_id INTEGER NOT NULL, b0 INTEGER, b1 INTEGER, h_l INTEGER, h_i INTEGER);
     DELETE FROM temp.preview_scan`,
  )
  return groups.map((group) => {
    const ladders = group.current ? [proposed, group.current] : [proposed]
    const params: Record<string, number | string> = { group: group.id }
    const inner = accountIntervalsSql(ctx, ladders, params, { id: 'a.id' })
    ctx.db.sqlite
      .prepare(
        `INSERT INTO temp.preview_scan (id, group_id, b0, b1, h_l, h_i)
         SELECT id, @group, b0, ${ladders.length === 2 ? 'b1' : 'NULL'}, h_l, h_i FROM (${inner})`,
      )
      .run(params)
    const classes: PlacementClass[] = []
    const moves: ReturnType<typeof movesOf>[] = []
    const classIndex = new Map<string, number>()
    const rows = statement(
      ctx,
      `SELECT b0, b1, h_l, h_i, count(*) FROM temp.preview_scan WHERE group_id = ? GROUP BY b0, b1, h_l, h_i`,
    )
      .raw()
      .all(group.id) as [...ScanRow, number][]
    for (const row of rows) {
      const alike = {
        ...classOf(ladders, intervalRow(ladders, [row[0], row[1], row[2], row[3]])),
        count: row[4],
      }
      classIndex.set(classKey(row), classes.length)
      classes.push(alike)
      moves.push(movesOf(proposed, group.current, alike))
    }
    return { group, ladders, classes, moves, classIndex }
  })
}

/** A class key's columns (`b0`, `b1`, `h_l`, `h_i`) as SQL parameters. */
const classOfKey = (key: string): (number | null)[] =>
  key.split('|').map((part) => (part === 'null' ? null : Number(part)))

/** A step's bonus share in hundredths of a percent as benefitsFor applies it (0–10 000; none: 0). */
const bonusShareOf = (step: PlacementStep | undefined): number =>
  step?.bonusBp === null || step?.bonusBp === undefined ? 0 : Math.min(10_000, Math.max(0, step.bonusBp))

const moveOf = (from: number, to: number): Move => (to > from ? 'up' : to < from ? 'down' : 'same')

/** An account a level set by hand holds now: where the intervals place it, and where it really stands. */
interface HeldAccount {
  computedFrom: number
  computedTo: number
  computedMove: Move
  from: number
  to: number
  /** `held`: the proposal keeps the override's step, so the account stays where the override holds it. */
  move: Move | 'held'
}

/**
 * The accounts of `groups` a live override holds on their group's ladder, by id. Now they stand on their
 * effective step; under the proposal the override goes on holding them when the proposal is that ladder and
 * keeps the step (counted apart as `overridden`), else it would end and the account moves by what it accumulated.
 */
function heldByOverrides(
  ctx: ServerContext,
  proposed: PlacementLadder,
  groups: readonly GroupPlacement[],
): Map<number, HeldAccount> {
  const held = new Map<number, HeldAccount>()
  for (const group of groups) {
    const current = group.current
    if (!current || current.id === null) continue
    const overrides = liveOverridesOnLadder(ctx, current.id, [group.id]).filter((o) =>
      holdsOn(o, current.id, current.steps.length),
    )
    if (overrides.length === 0) continue
    const computed = computedIndexes(
      ctx,
      [proposed, current],
      overrides.map((o) => o.account_id),
    )
    for (const override of overrides) {
      const [computedTo = -1, computedFrom = -1] = computed.get(override.account_id) ?? []
      const from = effectiveIndex(override, computedFrom)
      const keeps = holdsOn(override, proposed.id, proposed.steps.length)
      const to = keeps ? effectiveIndex(override, computedTo) : computedTo
      held.set(override.account_id, {
        computedFrom,
        computedTo,
        computedMove: moveOf(computedFrom, computedTo),
        from,
        to,
        move: keeps ? 'held' : moveOf(from, to),
      })
    }
  }
  return held
}

/** Up to PREVIEW_SAMPLES accounts that move in `direction`, in account order, group by group. */
function movedSamples(
  ctx: ServerContext,
  proposed: PlacementLadder,
  scans: readonly GroupScan[],
  direction: 'up' | 'down',
  held: ReadonlyMap<number, HeldAccount>,
): LadderPreviewSample[] {
  const chosen: { scan: GroupScan; id: number; from: number; to: number }[] = []
  const heldIds = [...held.keys()]
  for (const scan of scans) {
    if (chosen.length >= PREVIEW_SAMPLES) break
    // The classes that move this way (integers from the table: inlined), and the held accounts that do.
    const wanted = [...scan.classIndex]
      .filter(([, c]) => scan.moves[c]!.move === direction)
      .map(([key]) => {
        const [b0, b1, hl, hi] = key.split('|').map((part) => (part === 'null' ? 'NULL' : Number(part)))
        return `(b0 IS ${b0} AND b1 IS ${b1} AND h_l IS ${hl} AND h_i IS ${hi})`
      })
    const candidates: { id: number; from: number; to: number }[] = []
    if (wanted.length > 0) {
      const rows = ctx.db.sqlite
        .prepare(
          `SELECT id, b0, b1, h_l, h_i FROM temp.preview_scan WHERE group_id = ? AND (${wanted.join(' OR ')})
           ${heldIds.length > 0 ? `AND id NOT IN (${placeholders(heldIds.length)})` : ''} ORDER BY id LIMIT ?`,
        )
        .raw()
        .all(scan.group.id, ...heldIds, PREVIEW_SAMPLES) as [number, ...ScanRow][]
      for (const [id, ...row] of rows) {
        const move = scan.moves[scan.classIndex.get(classKey(row)) ?? -1]
        if (move) candidates.push({ id, from: move.from, to: move.to })
      }
    }
    if (heldIds.length > 0) {
      const inGroup = statement(
        ctx,
        `SELECT id FROM temp.preview_scan WHERE group_id = ? AND id IN (${placeholders(heldIds.length)})`,
      )
        .pluck()
        .all(scan.group.id, ...heldIds) as number[]
      for (const id of inGroup) {
        const account = held.get(id)
        if (account?.move === direction) candidates.push({ id, from: account.from, to: account.to })
      }
    }
    candidates.sort((a, b) => a.id - b.id)
    for (const candidate of candidates) {
      if (chosen.length < PREVIEW_SAMPLES) chosen.push({ scan, ...candidate })
    }
  }
  if (chosen.length === 0) return []
  const names = new Map(
    rowsOf<{ id: number; number: string; holder_name: string | null }>(
      ctx,
      `SELECT id, number, holder_name FROM accounts WHERE id IN (${placeholders(chosen.length)})`,
      ...chosen.map((sample) => sample.id),
    ).map((row) => [row.id, row]),
  )
  return chosen.map(({ scan, id, from, to }) => ({
    account_id: id,
    number: names.get(id)?.number ?? '',
    holder_name: names.get(id)?.holder_name ?? null,
    from_step: stepRef(scan.group.current, from),
    to_step: stepRef(proposed, to),
  }))
}

/**
 * The bonus the accounts' purchases of the last PREVIEW_BONUS_DAYS days would have earned on the step each
 * account stands on now and on the step the proposal gives it, per bill as a purchase credits it (bonus % of
 * the bill, rounded half-up to the kopeck), summed by SQL.
 */
function bonusEstimate(
  ctx: ServerContext,
  proposed: PlacementLadder,
  groups: readonly GroupPlacement[],
  scans: readonly GroupScan[],
  held: ReadonlyMap<number, HeldAccount>,
): { current: number; proposed: number } {
  let current = 0
  let next = 0
  const since = new Date(ctx.now() - PREVIEW_BONUS_DAYS * DAY_MS).toISOString()
  const bonusOf = (step: PlacementStep | undefined, amount: number) =>
    step?.bonusBp === null || step?.bonusBp === undefined
      ? 0
      : benefitsFor({ bonus_percent: fromKopecks(step.bonusBp) }, amount).bonusKopecks
  // Each class's bonus share now and under the proposal, then every bill of the window priced in one aggregate
  // (bonus % of the bill, rounded half-up to the kopeck, as benefitsFor does): one row comes back. Classes that
  // earn nothing either way are left out, so their accounts' bills are never read. CROSS JOIN keeps the order
  // scan → class → the account's bills (without statistics SQLite would rather scan every purchase).
  ctx.db.sqlite.exec(
    `CREATE TEMP TABLE IF NOT EXISTS preview_class
       (group_id INTEGER NOT NULL, b0 INTEGER, b1 INTEGER, h_l INTEGER, h_i INTEGER, now_bp INTEGER, next_bp INTEGER);
     CREATE INDEX IF NOT EXISTS temp.preview_class_key ON preview_class (group_id, b0, b1, h_l, h_i);
     DELETE FROM temp.preview_class`,
  )
  const addClass = statement(
    ctx,
    'INSERT INTO temp.preview_class (group_id, b0, b1, h_l, h_i, now_bp, next_bp) VALUES (?, ?, ?, ?, ?, ?, ?)',
  )
  for (const scan of scans) {
    for (const [key, c] of scan.classIndex) {
      const move = scan.moves[c]!
      const nowBp = bonusShareOf(move.now?.step)
      const nextBp = bonusShareOf(move.next?.step)
      if (nowBp === 0 && nextBp === 0) continue
      addClass.run(scan.group.id, ...classOfKey(key), nowBp, nextBp)
    }
  }
  const priced = statement(
    ctx,
    `SELECT coalesce(sum((p.amount * k.now_bp * 2 + 10000) / 20000), 0),
            coalesce(sum((p.amount * k.next_bp * 2 + 10000) / 20000), 0)
     FROM temp.preview_scan c
     CROSS JOIN temp.preview_class k
       ON k.group_id = c.group_id AND k.b0 = c.b0 AND k.b1 IS c.b1 AND k.h_l IS c.h_l AND k.h_i IS c.h_i
     CROSS JOIN purchases p ON p.account_id = c.id AND p.created_at > ?`,
  )
    .raw()
    .get(since) as [number, number]
  current += priced[0]
  next += priced[1]
  // The bills of accounts held by overrides: off the steps the intervals gave them, onto their effective ones.
  const heldIds = [...held.keys()]
  if (heldIds.length > 0) {
    const bills = rowsOf<{ account_id: number; amount: number; n: number }>(
      ctx,
      `SELECT account_id, amount, count(*) AS n FROM purchases
       WHERE account_id IN (${placeholders(heldIds.length)}) AND created_at > ? GROUP BY account_id, amount`,
      ...heldIds,
      since,
    )
    const currentOf = new Map(groups.map((group) => [group.id, group.current]))
    const groupOf = new Map(
      rowsOf<{ id: number; group_id: number }>(
        ctx,
        `SELECT id, group_id FROM accounts WHERE id IN (${placeholders(heldIds.length)})`,
        ...heldIds,
      ).map((row) => [row.id, row.group_id]),
    )
    for (const bill of bills) {
      const account = held.get(bill.account_id)
      const currentLadder = currentOf.get(groupOf.get(bill.account_id) ?? 0) ?? null
      if (!account || !currentLadder) continue
      const onCurrent = (index: number) => bonusOf(currentLadder.steps[index], bill.amount) * bill.n
      const onProposed = (index: number) => bonusOf(proposed.steps[index], bill.amount) * bill.n
      current += onCurrent(account.from) - onCurrent(account.computedFrom)
      next += onProposed(account.to) - onProposed(account.computedTo)
    }
  }
  return { current: fromKopecks(current), proposed: fromKopecks(next) }
}
