import type {
  ActiveListQuery,
  Ladder,
  LadderCreate,
  LadderHistory,
  LadderStep,
  LadderUpdate,
  ListEnvelope,
} from '@shared/api'
import { ladder as ladderSchema } from '@shared/api'
import { fromKopecks, toKopecks, validateLadder } from '@shared/domain'
import type { ServerContext } from '../context'
import { bool, type Db, type PreparedQuery } from '../db/database'
import { rememberJson } from '../serialization'
import type { LaddersTable, LadderStepsTable } from '../db/schema'
import { assertVersion, conflict, fieldItem, notFound, validationFailed } from '../errors'
import { countAll, envelope, withListFilters } from './lists'
import { firstVersion, insertedId, nextVersion } from './versioned'
import { endOverridesBeyond } from './step-overrides'

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

/** A ladder as answered, with its JSON (validated against the shared schema once, when first needed). */
interface CachedLadder {
  ladder: Ladder
  json: string | null
}

/**
 * Ladders as answered, per database, reused while their stored `version` and `updated_at` are unchanged: lists
 * and gets then skip reading steps and re-serializing. Safe by construction: an entry is only used when the row
 * matches it, so a write that is rolled back (or made by another process) simply reloads.
 */
const ladderCache = new WeakMap<Db, Map<number, CachedLadder>>()
const LADDER_CACHE_LIMIT = 10_000

function cacheOf(ctx: ServerContext): Map<number, CachedLadder> {
  let cache = ladderCache.get(ctx.db)
  if (!cache) {
    cache = new Map()
    ladderCache.set(ctx.db, cache)
  }
  return cache
}

function remember(ctx: ServerContext, ladder: Ladder): CachedLadder {
  const cache = cacheOf(ctx)
  if (cache.size >= LADDER_CACHE_LIMIT) cache.clear()
  // Frozen: the same object is handed to every reader, and its JSON is remembered for the serializer.
  for (const step of ladder.steps) Object.freeze(step)
  Object.freeze(ladder.steps)
  const entry = { ladder: Object.freeze(ladder), json: null }
  cache.set(ladder.id, entry)
  return entry
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

/** The cache entries for ladder keys: cached ones where the row still matches, the others read in full. */
function entriesFor(ctx: ServerContext, keys: readonly LadderKey[]): CachedLadder[] {
  const cache = cacheOf(ctx)
  const fresh = (key: LadderKey) => {
    const entry = cache.get(key.id)
    return entry && entry.ladder.version === key.version && entry.ladder.updated_at === key.updated_at
      ? entry
      : undefined
  }
  const found = new Map<number, CachedLadder>()
  for (const key of keys) {
    const entry = fresh(key)
    if (entry) found.set(key.id, entry)
  }
  const missing = keys.filter((key) => !found.has(key.id)).map((key) => key.id)
  if (missing.length > 0) {
    const rows = ctx.db.all(ctx.db.q.selectFrom('ladders').select(LADDER_COLUMNS).where('id', 'in', missing))
    const steps = stepsOf(ctx, missing)
    for (const row of rows) found.set(row.id, remember(ctx, ladderFromRows(row, steps.get(row.id) ?? [])))
  }
  // A row deleted between the two reads (only possible outside a transaction) is simply left out.
  return keys.map((key) => found.get(key.id)).filter((entry): entry is CachedLadder => entry !== undefined)
}

/** The ladder's JSON as the API answers it, checked against the shared schema once per version. */
function jsonOf(entry: CachedLadder): string {
  if (entry.json === null) {
    entry.json = JSON.stringify(ladderSchema.encode(entry.ladder))
    rememberJson(entry.ladder, entry.json)
  }
  return entry.json
}

const keyById = new WeakMap<Db, PreparedQuery<LadderKey>>()

export function findLadder(ctx: ServerContext, id: number): Ladder | undefined {
  const { db } = ctx
  let query = keyById.get(db)
  if (!query) {
    query = db.prepared(
      db.q.selectFrom('ladders').select(['id', 'version', 'updated_at']).where('id', '=', 0),
    )
    keyById.set(db, query)
  }
  const key = query.first(id)
  return key ? entriesFor(ctx, [key])[0]?.ladder : undefined
}

export function getLadder(ctx: ServerContext, id: number): Ladder {
  const found = findLadder(ctx, id)
  if (!found) throw notFound('ladder', id, `Ladder ${id} not found`)
  return found
}

/** The page's keys, compiled once for the unfiltered list every client polls; built per request with filters. */
const unfilteredPageKeys = new WeakMap<Db, PreparedQuery<LadderKey>>()
type LadderKey = { id: number; version: number; updated_at: string }

function ladderPage(ctx: ServerContext, query: ActiveListQuery): { entries: CachedLadder[]; total: number } {
  const { db } = ctx
  const filtered = () => withListFilters(db.q.selectFrom('ladders'), query, ['name'])
  const page = () => filtered().select(['id', 'version', 'updated_at']).orderBy('id')
  let keys: LadderKey[]
  if (!query.q?.trim() && query.active === undefined) {
    // The hot path builds no query at all.
    let prepared = unfilteredPageKeys.get(db)
    if (!prepared) unfilteredPageKeys.set(db, (prepared = db.prepared(page().limit(0).offset(0))))
    keys = prepared.all(query.limit, query.offset)
  } else {
    keys = db.all(page().limit(query.limit).offset(query.offset))
  }
  // A first page that is not full holds everything: no need to count.
  const total =
    query.offset === 0 && keys.length < query.limit
      ? keys.length
      : (db.first(filtered().select(countAll))?.total ?? 0)
  return { entries: entriesFor(ctx, keys), total }
}

export function listLadders(ctx: ServerContext, query: ActiveListQuery): ListEnvelope<Ladder> {
  const { entries, total } = ladderPage(ctx, query)
  return envelope(
    entries.map((entry) => entry.ladder),
    total,
    query,
  )
}

/**
 * `listLadders` as the JSON the API answers, built from each ladder's cached JSON: the hot read of the app
 * (every client polls it) costs one small query. Each ladder's JSON went through the shared schema once.
 */
export function listLaddersJson(ctx: ServerContext, query: ActiveListQuery): string {
  const { entries, total } = ladderPage(ctx, query)
  return `{"items":[${entries.map(jsonOf).join(',')}],"total":${total},"offset":${query.offset},"limit":${query.limit}}`
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
  // Without RK discounts there is no catalog rule to check (the others ran with the request schema).
  if (ids.length === 0) return
  const rkDiscounts = ctx.db
    .all(ctx.db.q.selectFrom('rk_discounts').select(['id', 'active', 'name']).where('id', 'in', ids))
    .map((row) => ({ ...row, active: bool(row.active) }))
  const errors = validateLadder(input, { rkDiscounts }, 'publish').filter(
    (issue) => issue.severity === 'error',
  )
  if (errors.length > 0) {
    throw validationFailed(
      errors.map((issue) =>
        fieldItem(['body', ...issue.path], issue.code, issue.params ?? {}, issue.message),
      ),
    )
  }
}

/** The statements every ladder edit runs, compiled once per database. */
interface LadderWriteStatements {
  update: PreparedQuery<unknown>
  steps: PreparedQuery<LadderStepsTable>
  deleteStepsFrom: PreparedQuery<unknown>
  upsertStep: PreparedQuery<unknown>
  insertVersion: PreparedQuery<unknown>
}
const ladderWriteStatements = new WeakMap<Db, LadderWriteStatements>()

function writeStatements(ctx: ServerContext): LadderWriteStatements {
  let statements = ladderWriteStatements.get(ctx.db)
  if (statements) return statements
  const { db } = ctx
  // Placeholder values only fix the SQL; callers pass the real ones in the same order.
  statements = {
    update: db.prepared(
      db.q
        .updateTable('ladders')
        .set({
          name: '',
          basis: 'spend',
          period: 'all_time',
          period_days: null,
          downgrade: 0,
          active: 0,
          version: 0,
          updated_at: '',
          updated_by: null,
        })
        .where('id', '=', 0)
        .where('version', '=', 0),
    ),
    steps: db.prepared(db.q.selectFrom('ladder_steps').selectAll().where('ladder_id', '=', 0).orderBy('idx')),
    deleteStepsFrom: db.prepared(
      db.q.deleteFrom('ladder_steps').where('ladder_id', '=', 0).where('idx', '>=', 0),
    ),
    upsertStep: db.prepared(
      db.q.replaceInto('ladder_steps').values({
        ladder_id: 0,
        idx: 0,
        name: '',
        threshold: 0,
        rk_discount_id: null,
        bonus_bp: null,
        max_payment_bp: null,
      }),
    ),
    insertVersion: db.prepared(
      db.q
        .insertInto('ladder_versions')
        .values({ ladder_id: 0, version: 0, snapshot: '', updated_at: '', updated_by: null }),
    ),
  }
  ladderWriteStatements.set(db, statements)
  return statements
}

/**
 * Writes the steps of a ladder row just inserted or updated, and its history entry; answers the ladder as it now
 * is, built from what was written (no read back), cached with its JSON — which is also the history snapshot.
 */
function storeStepsAndVersion(ctx: ServerContext, row: LadderRow, input: LadderCreate): Ladder {
  const statements = writeStatements(ctx)
  const steps: LadderStepsTable[] = input.steps.map((step, idx) => ({
    ladder_id: row.id,
    idx,
    name: step.name,
    threshold: thresholdToDb(input.basis, step.threshold),
    rk_discount_id: step.rk_discount_id ?? null,
    bonus_bp: percentToDb(step.bonus_percent),
    max_payment_bp: percentToDb(step.max_payment_percent),
  }))
  // Only the steps that changed are written: an edit of one threshold touches one row (and fewer pages).
  const before = statements.steps.all(row.id)
  for (const step of steps) {
    const old = before[step.idx]
    if (old && sameStep(old, step)) continue
    statements.upsertStep.run(
      step.ladder_id,
      step.idx,
      step.name,
      step.threshold,
      step.rk_discount_id,
      step.bonus_bp,
      step.max_payment_bp,
    )
  }
  if (before.length > steps.length) statements.deleteStepsFrom.run(row.id, steps.length)
  const entry = remember(ctx, ladderFromRows(row, steps))
  statements.insertVersion.run(row.id, row.version, writtenJson(entry), row.updated_at, row.updated_by)
  return entry.ladder
}

/**
 * The JSON of a ladder just written, without the schema's encode (a third of an edit's server time): the request
 * schema has checked every value and `ladderFromRows` builds the answer in the answer schema's key order, so
 * `JSON.stringify` gives exactly what `ladderSchema.encode` would (ladders.test.ts checks both on random ladders).
 */
function writtenJson(entry: CachedLadder): string {
  entry.json = JSON.stringify(entry.ladder)
  rememberJson(entry.ladder, entry.json)
  return entry.json
}

const sameStep = (a: LadderStepsTable, b: LadderStepsTable): boolean =>
  a.name === b.name &&
  a.threshold === b.threshold &&
  a.rk_discount_id === b.rk_discount_id &&
  a.bonus_bp === b.bonus_bp &&
  a.max_payment_bp === b.max_payment_bp

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
    const values = { ...ladderFields(input), ...firstVersion(ctx, actor) }
    const inserted = db.first(db.q.insertInto('ladders').values(values).returning('id'))
    return storeStepsAndVersion(ctx, { id: insertedId(inserted, 'ladders'), ...values }, input)
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
    const fields = ladderFields(input)
    const row: LadderRow = {
      id,
      ...fields,
      created_at: current.created_at,
      ...nextVersion(ctx, current, actor),
    }
    // In the order of the prepared UPDATE: the SET columns, then the id and the version it must still have.
    const { changes } = writeStatements(ctx).update.run(
      fields.name,
      fields.basis,
      fields.period,
      fields.period_days,
      fields.downgrade,
      fields.active,
      row.version,
      row.updated_at,
      row.updated_by,
      id,
      current.version,
    )
    if (changes !== 1) throw new Error(`Ladder ${id} changed inside a transaction`)
    endOverridesBeyond(ctx, id, input.steps.length)
    return storeStepsAndVersion(ctx, row, input)
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
      throw conflict(
        'ladder_in_use',
        { groups: groups.map((group) => group.name) },
        `The ladder is used by account groups: ${names}. Point them at another ladder first.`,
      )
    }
    db.run(db.q.deleteFrom('ladders').where('id', '=', id))
    cacheOf(ctx).delete(id)
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
