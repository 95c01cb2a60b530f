import type {
  ActiveListQuery,
  Ladder,
  LadderCreate,
  LadderHistory,
  LadderStep,
  LadderUpdate,
  ListEnvelope,
} from '../../shared/api'
import { ladder as ladderSchema } from '../../shared/api'
import { fromKopecks, toKopecks, validateLadder } from '../../shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { LaddersTable, LadderStepsTable } from '../db/schema'
import { assertVersion, conflict, notFound, validationFailed } from '../errors'
import { containsText, countAll, envelope } from './lists'

type LadderRow = Omit<LaddersTable, 'id'> & { id: number }

const LADDER_COLUMNS = [
  'id',
  'name',
  'basis',
  'period',
  'period_days',
  'downgrade',
  'active',
  'version',
  'created_at',
  'updated_at',
  'updated_by',
] as const

/** A stored threshold (kopecks for `spend`, visits for `visits`) as the API's number. */
export const thresholdFromDb = (basis: Ladder['basis'], stored: number): number =>
  basis === 'spend' ? fromKopecks(stored) : stored

/** The API's threshold as stored: kopecks for `spend`, visits for `visits`. */
export const thresholdToDb = (basis: Ladder['basis'], threshold: number): number =>
  basis === 'spend' ? toKopecks(threshold) : threshold

const percentFromDb = (bp: number | null): number | null => (bp === null ? null : fromKopecks(bp))
const percentToDb = (percent: number | null | undefined): number | null =>
  percent === null || percent === undefined ? null : toKopecks(percent)

export function ladderFromRows(row: LadderRow, steps: readonly LadderStepsTable[]): Ladder {
  return {
    id: row.id,
    name: row.name,
    basis: row.basis,
    period: row.period,
    period_days: row.period_days,
    downgrade: bool(row.downgrade),
    active: bool(row.active),
    steps: steps.map((step): LadderStep => ({
      name: step.name,
      threshold: thresholdFromDb(row.basis, step.threshold),
      rk_discount_id: step.rk_discount_id,
      bonus_percent: percentFromDb(step.bonus_bp),
      max_payment_percent: percentFromDb(step.max_payment_bp),
    })),
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
    updated_by: row.updated_by,
  }
}

/** Steps of the given ladders, in order, grouped by ladder id. */
function stepsOf(ctx: ServerContext, ladderIds: readonly number[]): Map<number, LadderStepsTable[]> {
  const byLadder = new Map<number, LadderStepsTable[]>()
  if (ladderIds.length === 0) return byLadder
  const rows = ctx.db.all(
    ctx.db.q
      .selectFrom('ladder_steps')
      .selectAll()
      .where('ladder_id', 'in', ladderIds)
      .orderBy('ladder_id')
      .orderBy('idx'),
  )
  for (const row of rows) {
    const list = byLadder.get(row.ladder_id)
    if (list) list.push(row)
    else byLadder.set(row.ladder_id, [row])
  }
  return byLadder
}

export function findLadder(ctx: ServerContext, id: number): Ladder | undefined {
  const row = ctx.db.first(ctx.db.q.selectFrom('ladders').select(LADDER_COLUMNS).where('id', '=', id))
  return row ? ladderFromRows(row, stepsOf(ctx, [id]).get(id) ?? []) : undefined
}

export function getLadder(ctx: ServerContext, id: number): Ladder {
  const found = findLadder(ctx, id)
  if (!found) throw notFound(`Ladder ${id} not found`)
  return found
}

export function listLadders(ctx: ServerContext, query: ActiveListQuery): ListEnvelope<Ladder> {
  const { db } = ctx
  let base = db.q.selectFrom('ladders')
  const q = query.q?.trim()
  if (q) base = base.where(containsText('name', q))
  if (query.active !== undefined) base = base.where('active', '=', query.active ? 1 : 0)
  const total = db.first(base.select(countAll))?.total ?? 0
  const rows = db.all(base.select(LADDER_COLUMNS).orderBy('id').limit(query.limit).offset(query.offset))
  const steps = stepsOf(
    ctx,
    rows.map((row) => row.id),
  )
  return envelope(
    rows.map((row) => ladderFromRows(row, steps.get(row.id) ?? [])),
    total,
    query,
  )
}

/**
 * The catalog rules of DOMAIN.md (which need the database): every `rk_discount_id` exists, and is active since the
 * server only stores published ladders. 422 with `loc` `['body', 'steps', i, 'rk_discount_id']`.
 */
export function assertLadderCatalog(ctx: ServerContext, input: LadderCreate): void {
  const ids = [
    ...new Set(
      input.steps.map((step) => step.rk_discount_id).filter((id): id is number => typeof id === 'number'),
    ),
  ]
  const rkDiscounts =
    ids.length === 0
      ? []
      : ctx.db
          .all(ctx.db.q.selectFrom('rk_discounts').select(['id', 'active', 'name']).where('id', 'in', ids))
          .map((row) => ({ ...row, active: bool(row.active) }))
  const errors = validateLadder(input, { rkDiscounts }, 'publish').filter(
    (issue) => issue.severity === 'error',
  )
  if (errors.length > 0) {
    throw validationFailed(
      errors.map((issue) => ({ loc: ['body', ...issue.path], msg: issue.message, type: issue.code })),
    )
  }
}

function writeSteps(ctx: ServerContext, ladderId: number, input: LadderCreate): void {
  const { db } = ctx
  db.run(db.q.deleteFrom('ladder_steps').where('ladder_id', '=', ladderId))
  db.run(
    db.q.insertInto('ladder_steps').values(
      input.steps.map((step, idx) => ({
        ladder_id: ladderId,
        idx,
        name: step.name,
        threshold: thresholdToDb(input.basis, step.threshold),
        rk_discount_id: step.rk_discount_id ?? null,
        bonus_bp: percentToDb(step.bonus_percent),
        max_payment_bp: percentToDb(step.max_payment_percent),
      })),
    ),
  )
}

/** Stores the ladder as it now is under its version: the history. */
function recordVersion(ctx: ServerContext, ladder: Ladder): void {
  ctx.db.run(
    ctx.db.q.insertInto('ladder_versions').values({
      ladder_id: ladder.id,
      version: ladder.version,
      snapshot: JSON.stringify(ladder),
      updated_at: ladder.updated_at,
      updated_by: ladder.updated_by,
    }),
  )
}

const ladderFields = (input: LadderCreate) => ({
  name: input.name,
  basis: input.basis,
  period: input.period,
  // Kept as sent even for `all_time` (legal, ignored there): what was published is what is read back.
  period_days: input.period_days ?? null,
  downgrade: input.downgrade ? 1 : 0,
  active: input.active ? 1 : 0,
})

export function createLadder(ctx: ServerContext, input: LadderCreate, actor: string | null): Ladder {
  const { db } = ctx
  return db.tx(() => {
    assertLadderCatalog(ctx, input)
    const now = ctx.nowIso()
    const inserted = db.first(
      db.q
        .insertInto('ladders')
        .values({ ...ladderFields(input), version: 1, created_at: now, updated_at: now, updated_by: actor })
        .returning('id'),
    )
    if (!inserted) throw new Error('Ladder insert returned no id')
    writeSteps(ctx, inserted.id, input)
    const created = getLadder(ctx, inserted.id)
    recordVersion(ctx, created)
    return created
  })
}

export function updateLadder(
  ctx: ServerContext,
  id: number,
  input: LadderUpdate,
  actor: string | null,
): Ladder {
  const { db } = ctx
  return db.tx(() => {
    const current = getLadder(ctx, id)
    assertVersion(current.version, input.version, () => current)
    assertLadderCatalog(ctx, input)
    db.run(
      db.q
        .updateTable('ladders')
        .set({
          ...ladderFields(input),
          version: current.version + 1,
          updated_at: ctx.nowIso(),
          updated_by: actor,
        })
        .where('id', '=', id),
    )
    writeSteps(ctx, id, input)
    const updated = getLadder(ctx, id)
    recordVersion(ctx, updated)
    return updated
  })
}

export function deleteLadder(ctx: ServerContext, id: number, version: number): void {
  const { db } = ctx
  db.tx(() => {
    const current = getLadder(ctx, id)
    assertVersion(current.version, version, () => current)
    const groups = db.all(
      db.q.selectFrom('account_groups').select(['id', 'name']).where('ladder_id', '=', id).orderBy('id'),
    )
    if (groups.length > 0) {
      const names = groups.map((group) => `«${group.name}» (id ${group.id})`).join(', ')
      throw conflict(`The ladder is used by account groups: ${names}. Point them at another ladder first.`)
    }
    db.run(db.q.deleteFrom('ladders').where('id', '=', id))
  })
}

/** Every version of the ladder, newest first (the current one included, as the first item). */
export function ladderHistory(ctx: ServerContext, id: number): LadderHistory {
  getLadder(ctx, id)
  const rows = ctx.db.all(
    ctx.db.q
      .selectFrom('ladder_versions')
      .select(['version', 'updated_at', 'updated_by', 'snapshot'])
      .where('ladder_id', '=', id)
      .orderBy('version', 'desc'),
  )
  return {
    items: rows.map((row) => ({
      version: row.version,
      updated_at: row.updated_at,
      updated_by: row.updated_by,
      ladder: ladderSchema.parse(JSON.parse(row.snapshot)),
    })),
  }
}
