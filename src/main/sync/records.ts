// What drafts and outbox rows look like on disk, and how they are shown over IPC (the contract's `Draft`).

import { z } from 'zod'
import { id, timestamp, version } from '@shared/api/common'
import {
  draftConflict,
  draftEntity,
  draftEntityBody,
  type Draft,
  type DraftEntity,
  type DraftEntityBody,
} from '@shared/ipc/drafts'
import { ipcErrorCode, ipcErrorReason, ipcFieldError } from '@shared/ipc/errors'
import { DRAFT_RESOURCES } from '@shared/resources'

/** A local, unpublished edit. */
export const draftRecord = z.object({
  id: z.string(),
  entity: draftEntity,
  entity_id: id.nullable(),
  /** Set while the entity is a create still in the outbox (no server id yet). */
  create_op_id: z.string().nullable(),
  base_version: version.nullable(),
  base: draftEntityBody.nullable(),
  payload: z.unknown(),
  created_at: timestamp,
  updated_at: timestamp,
  /** Problems found by the last publish attempt (local schema check). */
  error: z.string().nullable(),
  fields: z.array(ipcFieldError),
})
export type DraftRecord = z.infer<typeof draftRecord>

export const outboxStatus = z.enum(['queued', 'failed', 'conflict'])
export type OutboxStatus = z.infer<typeof outboxStatus>

/** A published edit waiting to be sent. `syncing` is a memory-only state of the worker, never stored. */
export const outboxRow = z.object({
  op_id: z.string(),
  /** Send order. */
  seq: z.number().int().min(0),
  entity: draftEntity,
  action: z.enum(['create', 'update', 'delete']),
  entity_id: id.nullable(),
  /** For an update or delete of an entity whose create is still in the outbox: that create's op_id. */
  create_op_id: z.string().nullable(),
  base_version: version.nullable(),
  base: draftEntityBody.nullable(),
  /** The body without `version`; null for a delete. */
  payload: z.unknown(),
  draft_id: z.string().nullable(),
  status: outboxStatus,
  /**
   * The body of an attempt that may have reached the server without a definite answer (a create is marked before
   * it is sent; an update after a network error). A create with one must not change its body any more; an update
   * whose 409 shows exactly this body was our own earlier attempt, not someone else's change.
   */
  unconfirmed: z.unknown(),
  attempts: z.number().int().min(0),
  error: z.string().nullable(),
  error_code: ipcErrorCode.nullable(),
  /** The server's code and params of the refusal (absent in rows stored before codes existed). */
  error_reason: ipcErrorReason.nullish(),
  fields: z.array(ipcFieldError),
  conflict: draftConflict.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
})
export type OutboxRow = z.infer<typeof outboxRow>

export function parseWith<T>(schema: z.ZodType<T>) {
  return (data: unknown): T | undefined => {
    const parsed = schema.safeParse(data)
    return parsed.success ? parsed.data : undefined
  }
}

/** Rows of one entity share a key: by server id, or by the op_id of the create that will give it one. */
export function rowKey(
  row: Pick<OutboxRow, 'entity' | 'entity_id' | 'create_op_id' | 'op_id' | 'action'>,
): string {
  if (row.entity_id !== null) return `${row.entity}:${row.entity_id}`
  return `${row.entity}:new:${row.create_op_id ?? row.op_id}`
}

export function titleOf(entity: DraftEntity, payload: unknown, base: DraftEntityBody | null): string {
  const pick = (value: unknown): string | null =>
    typeof value === 'object' && value !== null
      ? DRAFT_RESOURCES[entity].title(value as Record<string, unknown>)
      : null
  return pick(payload) ?? pick(base) ?? '—'
}

export function draftView(record: DraftRecord): Draft {
  return {
    id: record.id,
    kind: 'draft',
    entity: record.entity,
    action: record.entity_id === null && record.create_op_id === null ? 'create' : 'update',
    entity_id: record.entity_id,
    base_version: record.base_version,
    base: record.base,
    payload: record.payload,
    title: titleOf(record.entity, record.payload, record.base),
    state: 'draft',
    created_at: record.created_at,
    updated_at: record.updated_at,
    draft_id: null,
    error: record.error,
    error_code: record.error ? 'validation' : null,
    fields: record.fields,
    conflict: null,
    attempts: 0,
    next_attempt_at: null,
  }
}

export function rowView(row: OutboxRow, syncing: boolean, nextAttemptAt: string | null): Draft {
  return {
    id: row.op_id,
    kind: 'outbox',
    entity: row.entity,
    action: row.action,
    entity_id: row.entity_id,
    base_version: row.base_version,
    base: row.base,
    payload: row.payload,
    title: titleOf(row.entity, row.payload, row.base),
    state: syncing ? 'syncing' : row.status,
    created_at: row.created_at,
    updated_at: row.updated_at,
    draft_id: row.draft_id,
    error: row.error,
    error_code: row.error_code,
    error_reason: row.error_reason ?? null,
    fields: row.fields,
    conflict: row.conflict,
    attempts: row.attempts,
    next_attempt_at: row.status === 'queued' ? nextAttemptAt : null,
  }
}
