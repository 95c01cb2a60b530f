import type { ServerContext } from '../context'

// The audit columns every editable entity carries (`version`, `created_at`, `updated_at`, `updated_by`).

/** Audit columns of a new entity: version 1, created and updated now by `actor`. */
export function firstVersion(ctx: ServerContext, actor: string | null) {
  const now = ctx.nowIso()
  return { version: 1, created_at: now, updated_at: now, updated_by: actor }
}

/** Audit columns of the next version of `current`. */
export function nextVersion(ctx: ServerContext, current: { version: number }, actor: string | null) {
  return { version: current.version + 1, updated_at: ctx.nowIso(), updated_by: actor }
}

/** The id of an `INSERT … RETURNING id`. */
export function insertedId(row: { id: number } | undefined, table: string): number {
  if (!row) throw new Error(`Insert into ${table} returned no id`)
  return row.id
}
