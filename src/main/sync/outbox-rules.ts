// How a newly published edit joins the outbox. Pure, so the collapse rules are tested on their own.
//
// - A new entity's create is appended.
// - Edits of an entity whose last row is still waiting fold into that row: an update or a delete after an update
//   becomes one row on the same base, moved to the back of the queue; an update after a create that never reached
//   the server becomes that create with the new body; a delete of such a create drops it (and what followed it).
// - After a row that is being sent, or a create that may have reached the server, the edit is appended; it is
//   rebased on the server's answer when that row succeeds.
// - An entity with an unresolved conflict, or already queued for deletion, takes no new edits.

import type { DraftEntity, DraftEntityBody } from '@shared/ipc'
import { rowKey, type OutboxRow } from './records'

export interface NewEdit {
  entity: DraftEntity
  action: 'create' | 'update' | 'delete'
  entity_id: number | null
  create_op_id: string | null
  base_version: number | null
  base: DraftEntityBody | null
  payload: unknown
  draft_id: string | null
}

export interface EnqueuePlan {
  /** Rows to write (new or changed). */
  put: OutboxRow[]
  /** op_ids of rows to delete. */
  remove: string[]
  /** The row that now carries the edit; null when the edit cancelled rows out (a delete of an unsent create). */
  result: OutboxRow | null
}

export class EnqueueRefused extends Error {
  constructor(
    message: string,
    readonly blocking: OutboxRow,
  ) {
    super(message)
    this.name = 'EnqueueRefused'
  }
}

export interface EnqueueContext {
  newOpId: () => string
  nextSeq: number
  now: string
  /** The row the worker is sending right now, if any. */
  syncingOpId: string | null
}

export function planEnqueue(rows: readonly OutboxRow[], edit: NewEdit, context: EnqueueContext): EnqueuePlan {
  const fresh = (): OutboxRow => ({
    op_id: context.newOpId(),
    seq: context.nextSeq,
    entity: edit.entity,
    action: edit.action,
    entity_id: edit.entity_id,
    create_op_id: edit.entity_id === null ? edit.create_op_id : null,
    base_version: edit.base_version,
    base: edit.base,
    payload: edit.action === 'delete' ? null : edit.payload,
    draft_id: edit.draft_id,
    status: 'queued',
    unconfirmed: null,
    attempts: 0,
    error: null,
    error_code: null,
    fields: [],
    conflict: null,
    created_at: context.now,
    updated_at: context.now,
  })
  const append = (): EnqueuePlan => {
    const row = fresh()
    return { put: [row], remove: [], result: row }
  }

  if (edit.entity_id === null && edit.create_op_id === null) {
    if (edit.action !== 'create') throw new Error('An update or delete needs an entity id')
    return append()
  }
  const key = rowKey({ ...edit, op_id: edit.create_op_id ?? '' })
  const last = rows
    .filter((row) => rowKey(row) === key)
    .reduce<OutboxRow | undefined>(
      (newest, row) => (!newest || row.seq > newest.seq ? row : newest),
      undefined,
    )

  if (!last || last.op_id === context.syncingOpId) return append()
  if (last.status === 'conflict') {
    throw new EnqueueRefused('This entity has an unresolved conflict: resolve it first', last)
  }
  if (last.action === 'delete') {
    if (edit.action === 'delete') return { put: [], remove: [], result: last }
    throw new EnqueueRefused('This entity is already queued for deletion', last)
  }

  const reset = {
    status: 'queued' as const,
    attempts: 0,
    error: null,
    error_code: null,
    fields: [],
    conflict: null,
    updated_at: context.now,
    draft_id: edit.draft_id ?? last.draft_id,
  }

  if (last.action === 'create') {
    // A failed create got a definite "no" from the server: nothing was created.
    const mayExist = last.unconfirmed !== null && last.status !== 'failed'
    if (mayExist) return append()
    const dependents = rows.filter((row) => row.create_op_id === last.op_id && row.op_id !== last.op_id)
    if (edit.action === 'delete') {
      return { put: [], remove: [last.op_id, ...dependents.map((row) => row.op_id)], result: null }
    }
    // A new body needs a new Idempotency-Key if the old one was ever used.
    const opId = last.attempts > 0 ? context.newOpId() : last.op_id
    const folded: OutboxRow = { ...last, ...reset, op_id: opId, payload: edit.payload, unconfirmed: null }
    const repointed = opId === last.op_id ? [] : dependents.map((row) => ({ ...row, create_op_id: opId }))
    return { put: [folded, ...repointed], remove: opId === last.op_id ? [] : [last.op_id], result: folded }
  }

  // The last row is an update: the edit replaces it on the same base, at the back of the queue.
  const folded: OutboxRow = {
    ...last,
    ...reset,
    action: edit.action,
    payload: edit.action === 'delete' ? null : edit.payload,
    seq: context.nextSeq,
  }
  return { put: [folded], remove: [], result: folded }
}
