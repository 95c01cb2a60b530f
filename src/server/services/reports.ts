import type {
  BalancesReport,
  LadderPreview,
  LadderPreviewQuery,
  LadderPreviewRequest,
  LadderStepsReport,
  OperationsReport,
  OperationsReportQuery,
  OperationType,
} from '@shared/api'
import { fromKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { fieldError, notFound } from '../errors'
import { assertDayRange } from './operations'
import {
  groupsUsingLadder,
  loadPlacementLadders,
  type PlacementLadder,
  placementOfProposal,
  previewPlacement,
  stepCountItems,
  stepCounts,
} from './placement'
import { rowsOf, valueOf } from './sql'

// Reports read maintained aggregates (group balances, operations per day) or count index ranges, so each answers
// in milliseconds over a million accounts; see placement.ts for the step counts.

/** Per group: its accounts and the sum of their balances (every group, empty ones too). */
export function balancesReport(ctx: ServerContext): BalancesReport {
  const rows = rowsOf<{ group_id: number; name: string; accounts: number; balance_total: number }>(
    ctx,
    `SELECT g.id AS group_id, g.name, g.accounts_count AS accounts, coalesce(b.balance_total, 0) AS balance_total
     FROM account_groups g LEFT JOIN group_balances b ON b.group_id = g.id ORDER BY g.id`,
  )
  return { items: rows.map((row) => ({ ...row, balance_total: fromKopecks(row.balance_total) })) }
}

/** Operations per UTC day and type within `from`…`to` (inclusive); days without operations are absent. */
export function operationsReport(ctx: ServerContext, query: OperationsReportQuery): OperationsReport {
  assertDayRange(query.from, query.to)
  const rows = rowsOf<{ day: string; type: OperationType; count: number; amount: number }>(
    ctx,
    `SELECT day, type, sum(count) AS count, sum(amount) AS amount FROM operation_days
     WHERE day >= ? AND day <= ? GROUP BY day, type ORDER BY day, type`,
    query.from,
    query.to,
  )
  return { items: rows.map((row) => ({ ...row, amount: fromKopecks(row.amount) })) }
}

function storedLadder(ctx: ServerContext, id: number): PlacementLadder {
  const ladder = loadPlacementLadders(ctx, [id]).get(id)
  if (!ladder) throw notFound('ladder', id, `Ladder ${id} not found`)
  return ladder
}

/** Accounts per step of a ladder over the accounts of the groups that use it (whether it is active or not). */
export function ladderStepsReport(ctx: ServerContext, ladderId: number): LadderStepsReport {
  const ladder = storedLadder(ctx, ladderId)
  return { items: stepCountItems(ladder, stepCounts(ctx, ladder, groupsUsingLadder(ctx, ladderId))) }
}

/**
 * What a proposed ladder would do, storing nothing: over the accounts of `?group_id=`, or else of the groups that
 * use the ladder `id` (no id and no group: no accounts), accounts per proposed step and how many move up, move
 * down or stay against the step their group's ladder gives them now. A held step (`downgrade: false`) counts
 * when the proposal keeps the ladder's id.
 */
export function ladderPreview(
  ctx: ServerContext,
  input: LadderPreviewRequest,
  query: LadderPreviewQuery,
): LadderPreview {
  const proposalId = input.id ?? null
  if (proposalId !== null && valueOf(ctx, 'SELECT 1 FROM ladders WHERE id = ?', proposalId) === undefined) {
    throw fieldError(
      ['body', 'id'],
      'reference_not_found',
      { resource: 'ladder', id: proposalId },
      `Ladder ${proposalId} does not exist`,
      'not_found',
    )
  }
  let groups: { id: number; ladder_id: number | null }[]
  if (query.group_id !== undefined) {
    groups = rowsOf(ctx, 'SELECT id, ladder_id FROM account_groups WHERE id = ?', query.group_id)
    if (groups.length === 0)
      throw notFound('account_group', query.group_id, `Account group ${query.group_id} not found`)
  } else {
    groups =
      proposalId === null
        ? []
        : groupsUsingLadder(ctx, proposalId).map((id) => ({ id, ladder_id: proposalId }))
  }
  const current = loadPlacementLadders(
    ctx,
    groups.map((group) => group.ladder_id).filter((id): id is number => id !== null),
  )
  return previewPlacement(
    ctx,
    placementOfProposal(input),
    groups.map((group) => ({
      id: group.id,
      current: group.ladder_id === null ? null : (current.get(group.ladder_id) ?? null),
    })),
  )
}
