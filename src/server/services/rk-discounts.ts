import type {
  ActiveListQuery,
  ListEnvelope,
  RkDiscount,
  RkDiscountImportRequest,
  RkDiscountImportResult,
} from '@shared/api'
import { fromKopecks, toKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { RkDiscountsTable } from '../db/schema'
import { notFound } from '../errors'
import { countAll, listPage, withListFilters } from './lists'

type RkDiscountRow = Omit<RkDiscountsTable, 'id'> & { id: number }

const COLUMNS = ['id', 'rk_code', 'name', 'kind', 'value_hundredths', 'active', 'synced_at'] as const

export function rkDiscountFromRow(row: RkDiscountRow): RkDiscount {
  return {
    id: row.id,
    rk_code: row.rk_code,
    name: row.name,
    kind: row.kind,
    // Percent × 100 or kopecks: both are hundredths, converted exactly.
    value: fromKopecks(row.value_hundredths),
    active: bool(row.active),
    synced_at: row.synced_at,
  }
}

export function listRkDiscounts(ctx: ServerContext, query: ActiveListQuery): ListEnvelope<RkDiscount> {
  const base = withListFilters(ctx.db.q.selectFrom('rk_discounts'), query, ['name', 'rk_code'])
  const rows = base.select(COLUMNS).orderBy('rk_code').limit(query.limit).offset(query.offset)
  return listPage(ctx.db, { count: base.select(countAll), rows }, rkDiscountFromRow, query)
}

export function getRkDiscount(ctx: ServerContext, id: number): RkDiscount {
  const row = ctx.db.first(ctx.db.q.selectFrom('rk_discounts').select(COLUMNS).where('id', '=', id))
  if (!row) throw notFound('rk_discount', id, `RK discount ${id} not found`)
  return rkDiscountFromRow(row)
}

/**
 * Upserts the catalog by `rk_code` as a sync from R-Keeper would: new codes are created, changed ones updated,
 * active codes missing from the list deactivated. `synced_at` is the time of the import for every listed code.
 */
export function importRkDiscounts(
  ctx: ServerContext,
  request: RkDiscountImportRequest,
): RkDiscountImportResult {
  const { db } = ctx
  return db.tx(() => {
    const now = ctx.nowIso()
    const existing = new Map(
      db.all(db.q.selectFrom('rk_discounts').select(COLUMNS)).map((row) => [row.rk_code, row] as const),
    )
    const result = { created: 0, updated: 0, deactivated: 0 }
    const listed = new Set<number>()
    for (const item of request.discounts) {
      listed.add(item.rk_code)
      const values = {
        name: item.name,
        kind: item.kind,
        value_hundredths: toKopecks(item.value),
        active: item.active === false ? 0 : 1,
        synced_at: now,
      }
      const current = existing.get(item.rk_code)
      if (!current) {
        db.run(db.q.insertInto('rk_discounts').values({ rk_code: item.rk_code, ...values }))
        result.created += 1
        continue
      }
      const changed =
        current.name !== values.name ||
        current.kind !== values.kind ||
        current.value_hundredths !== values.value_hundredths ||
        current.active !== values.active
      if (changed) result.updated += 1
      db.run(db.q.updateTable('rk_discounts').set(values).where('id', '=', current.id))
    }
    for (const row of existing.values()) {
      if (listed.has(row.rk_code) || row.active === 0) continue
      db.run(db.q.updateTable('rk_discounts').set({ active: 0 }).where('id', '=', row.id))
      result.deactivated += 1
    }
    return result
  })
}
