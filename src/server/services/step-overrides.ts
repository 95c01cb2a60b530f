// A discount level set by hand (API.md, accounts, "A discount level set by hand"): `pin` holds an account at a
// step whatever it accumulated, `floor` at least at it. An override holds through the business day `until`
// (null: until removed) and only on the ladder its account's group had when it was set; it ends by itself when
// the account changes group (accounts PUT, accounts/move, its group changing ladder) or the ladder loses that
// step, and is then deleted. An override past its day is ignored wherever it is read (and replaced or removed
// by the next write). The account's `step` is always the effective one: purchases, reports/ladder_steps and
// ladders/preview place accounts with `effectiveIndex`.
import type { AccountStep, StepOverride, StepOverrideMode } from '@shared/api'
import { addDays, type BusinessDate, businessDayOf, businessDayStart } from '@shared/domain'
import type { ServerContext } from '../context'
import { businessClock } from './settings'
import { execute, placeholders, rowsOf, statement } from './sql'

/** An `account_step_overrides` row. */
export interface OverrideRow {
  account_id: number
  ladder_id: number
  idx: number
  mode: StepOverrideMode
  until: BusinessDate | null
  reason: string
  set_by: string | null
  set_at: string
}

const COLUMNS = 'o.account_id, o.ladder_id, o.idx, o.mode, o.until, o.reason, o.set_by, o.set_at'

/** The business day now: an override whose `until` is before it has ended. */
export const businessToday = (ctx: ServerContext): BusinessDate =>
  businessDayOf(ctx.now(), businessClock(ctx))

/** When an override that holds through `until` ends: the day change time that starts the next business day. */
export const overrideEndsAt = (ctx: ServerContext, until: BusinessDate | null): string | null =>
  until === null ? null : new Date(businessDayStart(addDays(until, 1), businessClock(ctx))).toISOString()

/** The overrides of these accounts that have not ended, by account id. */
export function liveOverridesOf(ctx: ServerContext, accountIds: readonly number[]): Map<number, OverrideRow> {
  const live = new Map<number, OverrideRow>()
  if (accountIds.length === 0) return live
  const rows = rowsOf<OverrideRow>(
    ctx,
    `SELECT ${COLUMNS} FROM account_step_overrides o
     WHERE o.account_id IN (${placeholders(accountIds.length)}) AND (o.until IS NULL OR o.until >= ?)`,
    ...accountIds,
    businessToday(ctx),
  )
  for (const row of rows) live.set(row.account_id, row)
  return live
}

/** The live overrides on a ladder of the accounts of some groups (few: read one by one by their callers). */
export function liveOverridesOnLadder(
  ctx: ServerContext,
  ladderId: number,
  groupIds: readonly number[],
): (OverrideRow & { group_id: number })[] {
  if (groupIds.length === 0) return []
  return rowsOf<OverrideRow & { group_id: number }>(
    ctx,
    `SELECT ${COLUMNS}, a.group_id FROM account_step_overrides o JOIN accounts a ON a.id = o.account_id
     WHERE o.ladder_id = ? AND (o.until IS NULL OR o.until >= ?) AND a.group_id IN (${placeholders(groupIds.length)})
     ORDER BY o.account_id`,
    ladderId,
    businessToday(ctx),
    ...groupIds,
  )
}

/** Ids of the accounts (of one group, when given) whose level is set by hand now, by id. */
export function overriddenAccountIds(ctx: ServerContext, groupId: number | undefined): number[] {
  const inGroup = groupId === undefined ? '' : 'AND a.group_id = ?'
  return statement(
    ctx,
    `SELECT o.account_id FROM account_step_overrides o JOIN accounts a ON a.id = o.account_id
     WHERE (o.until IS NULL OR o.until >= ?) ${inGroup} ORDER BY o.account_id`,
  )
    .pluck()
    .all(businessToday(ctx), ...(groupId === undefined ? [] : [groupId])) as number[]
}

/**
 * Whether an override holds an account on a ladder of `stepCount` steps: set on that ladder and naming one of
 * its steps (the write paths delete those that do not; this keeps a read right even so).
 */
export const holdsOn = (
  override: Pick<OverrideRow, 'ladder_id' | 'idx'> | undefined,
  ladderId: number | null,
  stepCount: number,
): override is OverrideRow =>
  override !== undefined && override.ladder_id === ladderId && override.idx < stepCount

/** The effective step index: `computed` (-1: below every step) as the override holds it. */
export function effectiveIndex(override: Pick<OverrideRow, 'mode' | 'idx'>, computed: number): number {
  return override.mode === 'pin' ? override.idx : Math.max(override.idx, computed)
}

/** An override as an account shows it, with the step its accumulation alone gives. */
export function stepOverrideOf(
  ctx: ServerContext,
  override: OverrideRow,
  stepName: string,
  computed: AccountStep | null,
): StepOverride {
  return {
    ladder_id: override.ladder_id,
    index: override.idx,
    name: stepName,
    mode: override.mode,
    until: override.until,
    ends_at: overrideEndsAt(ctx, override.until),
    reason: override.reason,
    set_by: override.set_by,
    set_at: override.set_at,
    computed_step: computed,
  }
}

// ---- ending by itself ----

/** The accounts named change group: their overrides end. */
export function endOverridesOfAccounts(ctx: ServerContext, accountIds: readonly number[] | string): void {
  const json = typeof accountIds === 'string' ? accountIds : JSON.stringify(accountIds)
  execute(
    ctx,
    'DELETE FROM account_step_overrides WHERE account_id IN (SELECT value FROM json_each(?))',
    json,
  )
}

/** Every account of a group changes group, or the group changes ladder to `keepLadderId`: overrides elsewhere end. */
export function endOverridesOfGroup(
  ctx: ServerContext,
  groupId: number,
  keepLadderId: number | null = null,
): void {
  execute(
    ctx,
    `DELETE FROM account_step_overrides
     WHERE ladder_id IS NOT ? AND EXISTS (SELECT 1 FROM accounts a WHERE a.id = account_step_overrides.account_id AND a.group_id = ?)`,
    keepLadderId,
    groupId,
  )
}

/** A ladder now has `stepCount` steps: overrides naming a step past them end. */
export function endOverridesBeyond(ctx: ServerContext, ladderId: number, stepCount: number): void {
  execute(ctx, 'DELETE FROM account_step_overrides WHERE ladder_id = ? AND idx >= ?', ladderId, stepCount)
}
