// Everything local to one login on one server: the cache, the drafts and the outbox, and the rules that move an
// edit from a draft to the outbox and from the outbox to the cache. The worker (worker.ts) does the sending.

import { randomUUID } from 'node:crypto'
import { join } from 'node:path'
import type {
  ConflictResolution,
  Draft,
  DraftsSynced,
  DraftEntity,
  DraftEntityBody,
  IpcErrorCode,
  IpcErrorReason,
  IpcFieldError,
  SyncCounts,
} from '@shared/ipc'
import { keepMine } from '@shared/domain/merge'
import { createRefTo } from '@shared/ipc/create-refs'
import { IpcFailure } from '../ipc/errors'
import { EntityCache } from '../store/cache'
import { RecordDir } from '../store/record-dir'
import { EnqueueRefused, planEnqueue, type NewEdit } from './outbox-rules'
import { checkBody } from './payloads'
import { refsOf, replaceRefs } from './refs'
import {
  draftRecord,
  draftView,
  outboxRow,
  parseWith,
  rowKey,
  rowView,
  type DraftRecord,
  type OutboxRow,
} from './records'

export interface WorkspaceChange {
  /** Draft or outbox ids that changed. */
  ids: string[]
  /** Server entities whose cached copy changed. */
  entities?: { entity: DraftEntity; ids: number[]; reason: 'synced' | 'deleted' | 'resolved' | 'refreshed' }
  /** The outbox row the server accepted (a create's new id among it). */
  synced?: DraftsSynced
}

export interface WorkspaceOptions {
  dir: string
  now: () => number
  onChange: (change: WorkspaceChange) => void
  log?: (message: string) => void
}

export interface DraftSave {
  id?: string
  entity: DraftEntity
  entity_id?: number | null
  payload: unknown
}

/** Finds the server entity a new draft starts from (cache first, then the server). */
export type BaseLookup = (entity: DraftEntity, id: number) => Promise<DraftEntityBody>

export class Workspace {
  /** The row the worker is sending, if any (memory only). */
  syncingOpId: string | null = null
  /** When the worker tries again after a transient error (for the views). */
  nextAttemptAt: number | null = null
  lastSyncAt: number | null = null

  private sortedRows: OutboxRow[] | null = null
  private nextSeq: number
  /** Server ids of the creates sent in this session, by op_id: a draft that still refers to one gets the id. */
  private readonly createdIds = new Map<string, number>()

  private constructor(
    readonly cache: EntityCache,
    readonly drafts: RecordDir<DraftRecord>,
    readonly outbox: RecordDir<OutboxRow>,
    private readonly options: WorkspaceOptions,
  ) {
    this.nextSeq = outbox.values().reduce((max, row) => Math.max(max, row.seq + 1), 0)
  }

  static async open(options: WorkspaceOptions): Promise<Workspace> {
    const onBad = (file: string) => options.log?.(`Ignoring a damaged store file: ${file}`)
    const [cache, drafts, outbox] = await Promise.all([
      EntityCache.open(join(options.dir, 'cache')),
      RecordDir.open(join(options.dir, 'drafts'), parseWith(draftRecord), onBad),
      RecordDir.open(join(options.dir, 'outbox'), parseWith(outboxRow), onBad),
    ])
    const workspace = new Workspace(cache, drafts, outbox, options)
    await workspace.dropPublishedDrafts()
    return workspace
  }

  async close(): Promise<void> {
    await Promise.all([this.cache.flush(), this.drafts.flush(), this.outbox.flush()])
  }

  // ---- views ----

  counts(): SyncCounts {
    const counts: SyncCounts = { drafts: this.drafts.size, queued: 0, syncing: 0, failed: 0, conflicts: 0 }
    for (const row of this.outbox.values()) {
      if (row.op_id === this.syncingOpId) counts.syncing++
      else if (row.status === 'queued') counts.queued++
      else if (row.status === 'failed') counts.failed++
      else counts.conflicts++
    }
    return counts
  }

  list(entity?: DraftEntity): Draft[] {
    const drafts = this.drafts
      .values()
      .filter((record) => !entity || record.entity === entity)
      .sort((a, b) => b.updated_at.localeCompare(a.updated_at))
      .map(draftView)
    const rows = this.rowsInOrder()
      .filter((row) => !entity || row.entity === entity)
      .map((row) => this.view(row))
    return [...drafts, ...rows]
  }

  get(id: string): Draft {
    const record = this.drafts.get(id)
    if (record) return draftView(record)
    const row = this.outbox.get(id)
    if (row) return this.view(row)
    throw new IpcFailure('not_found', 'No such draft')
  }

  view(row: OutboxRow): Draft {
    const next = this.nextAttemptAt !== null ? new Date(this.nextAttemptAt).toISOString() : null
    return rowView(row, row.op_id === this.syncingOpId, next)
  }

  rowsInOrder(): OutboxRow[] {
    if (!this.sortedRows) this.sortedRows = this.outbox.values().sort((a, b) => a.seq - b.seq)
    return this.sortedRows
  }

  // ---- drafts ----

  async saveDraft(input: DraftSave, lookupBase: BaseLookup): Promise<Draft> {
    const now = this.iso()
    let record = input.id ? this.drafts.get(input.id) : undefined
    if (input.id && !record) {
      const row = this.outbox.get(input.id)
      if (!row) throw new IpcFailure('not_found', 'No such draft')
      record = this.findDraft(row.entity, row.entity_id, row.entity_id === null ? this.createOpOf(row) : null)
      record ??= this.newDraft(row.entity, {
        entity_id: row.entity_id,
        create_op_id: row.entity_id === null ? this.createOpOf(row) : null,
        base_version: row.base_version,
        base: row.base,
      })
    }
    if (record && record.entity !== input.entity) {
      throw new IpcFailure(
        'bad_request',
        `Draft ${record.id} edits a ${record.entity}, not a ${input.entity}`,
      )
    }
    if (!record && input.entity_id != null) {
      record = this.findDraft(input.entity, input.entity_id, null)
      if (!record) {
        const pending = this.lastRowOf(`${input.entity}:${input.entity_id}`)
        const base = pending?.base ?? (await lookupBase(input.entity, input.entity_id))
        record = this.newDraft(input.entity, {
          entity_id: input.entity_id,
          create_op_id: null,
          base_version: pending ? pending.base_version : base.version,
          base,
        })
      }
    }
    record ??= this.newDraft(input.entity, {
      entity_id: null,
      create_op_id: null,
      base_version: null,
      base: null,
    })
    const saved: DraftRecord = { ...record, payload: input.payload, updated_at: now, error: null, fields: [] }
    await this.drafts.put(saved.id, saved)
    this.changed([saved.id])
    return draftView(saved)
  }

  async publish(id: string): Promise<Draft> {
    const record = this.drafts.get(id)
    if (!record) {
      const row = this.outbox.get(id)
      if (!row) throw new IpcFailure('not_found', 'No such draft')
      if (row.status === 'failed') await this.retry(id)
      return this.view(this.outbox.get(id) ?? row)
    }
    const resolved = this.resolveRefs(record.entity, record.payload)
    const checked: ReturnType<typeof checkBody> =
      resolved.missing.length > 0
        ? { ok: false, fields: resolved.missing }
        : checkBody(record.entity, resolved.payload)
    if (!checked.ok) {
      const failed: DraftRecord = { ...record, error: 'The draft has errors', fields: checked.fields }
      await this.drafts.put(failed.id, failed)
      this.changed([failed.id])
      throw new IpcFailure('validation', 'The draft has errors; it was kept', { fields: checked.fields })
    }
    const isCreate = record.entity_id === null && record.create_op_id === null
    const row = await this.enqueue({
      entity: record.entity,
      action: isCreate ? 'create' : 'update',
      entity_id: record.entity_id,
      create_op_id: record.create_op_id,
      base_version: record.base_version,
      base: record.base,
      payload: checked.body,
      draft_id: record.id,
    })
    await this.drafts.remove(record.id)
    this.changed([record.id, ...(row ? [row.op_id] : [])])
    if (!row) throw new IpcFailure('internal', 'Publishing an edit dropped it')
    return this.view(row)
  }

  async queueDelete(entity: DraftEntity, base: DraftEntityBody, version: number): Promise<Draft | null> {
    const row = await this.enqueue({
      entity,
      action: 'delete',
      entity_id: base.id,
      create_op_id: null,
      base_version: version,
      base,
      payload: null,
      draft_id: null,
    })
    const draft = this.findDraft(entity, base.id, null)
    if (draft) await this.drafts.remove(draft.id)
    this.changed([...(draft ? [draft.id] : []), ...(row ? [row.op_id] : [])])
    return row ? this.view(row) : null
  }

  async discard(id: string): Promise<void> {
    if (this.drafts.get(id)) {
      await this.drafts.remove(id)
      this.changed([id])
      return
    }
    const row = this.outbox.get(id)
    if (!row) throw new IpcFailure('not_found', 'No such draft')
    if (row.op_id === this.syncingOpId) {
      throw new IpcFailure('conflict', 'This edit is being sent right now; try again in a moment')
    }
    const dependents =
      row.action === 'create' ? this.outbox.values().filter((other) => other.create_op_id === row.op_id) : []
    await this.removeRows([row, ...dependents].map((r) => r.op_id))
    const referring = row.action === 'create' ? await this.failRefsTo(row.op_id) : []
    this.changed([row.op_id, ...dependents.map((r) => r.op_id), ...referring])
  }

  async retry(id?: string): Promise<void> {
    const targets = id
      ? [this.outbox.get(id)].filter((row): row is OutboxRow => row !== undefined)
      : this.outbox.values().filter((row) => row.status === 'failed')
    if (id && targets.length === 0) throw new IpcFailure('not_found', 'No such outbox row')
    const changed: string[] = []
    for (const row of targets) {
      if (row.status === 'conflict') throw new IpcFailure('bad_request', 'Resolve the conflict instead')
      if (row.status !== 'failed') continue
      // The attempts stay counted: the panel shows that it went out again, and a create that was sent keeps
      // needing a fresh Idempotency-Key for a new body.
      await this.putRow({
        ...row,
        status: 'queued',
        error: null,
        error_code: null,
        error_reason: null,
        fields: [],
      })
      changed.push(row.op_id)
    }
    this.nextAttemptAt = null
    if (changed.length) this.changed(changed)
  }

  async resolve(id: string, resolution: ConflictResolution, merged: unknown): Promise<Draft | null> {
    const row = this.outbox.get(id)
    if (!row) throw new IpcFailure('not_found', 'No such outbox row')
    if (row.status !== 'conflict' || !row.conflict)
      throw new IpcFailure('bad_request', 'This row has no conflict')
    const theirs = row.conflict.theirs
    if (resolution === 'take_theirs') {
      await this.removeRows([row.op_id])
      if (theirs) this.cache.upsert(row.entity, theirs)
      else if (row.entity_id !== null) this.cache.remove(row.entity, row.entity_id)
      this.changed([row.op_id], {
        entity: row.entity,
        ids: row.entity_id ? [row.entity_id] : [],
        reason: 'resolved',
      })
      return null
    }
    let payload = row.payload
    if (resolution === 'merged' && row.action === 'delete') {
      throw new IpcFailure('bad_request', 'A delete cannot be merged')
    }
    // Keep mine is the three-way merge: my value where I changed a field, theirs where I did not.
    const body =
      resolution === 'merged'
        ? merged
        : row.action === 'update' && theirs
          ? keepMine(row.entity, row.conflict.base, row.payload, theirs)
          : null
    if (body !== null || resolution === 'merged') {
      const checked = checkBody(row.entity, body)
      if (!checked.ok)
        throw new IpcFailure('validation', 'The merged version has errors', { fields: checked.fields })
      payload = checked.body
    }
    if (row.action === 'delete' && theirs === null) {
      await this.removeRows([row.op_id])
      this.changed([row.op_id])
      return null
    }
    const requeued: OutboxRow = theirs
      ? { ...row, payload, base: theirs, base_version: theirs.version }
      : // deleted on the server meanwhile: keeping mine means creating it again
        {
          ...row,
          op_id: randomUUID(),
          action: 'create',
          entity_id: null,
          create_op_id: null,
          base: null,
          base_version: null,
          payload,
        }
    const clean: OutboxRow = {
      ...requeued,
      status: 'queued',
      conflict: null,
      error: null,
      error_code: null,
      fields: [],
      attempts: 0,
      unconfirmed: null,
      updated_at: this.iso(),
    }
    if (clean.op_id !== row.op_id) await this.removeRows([row.op_id])
    await this.putRow(clean)
    this.changed([row.op_id, clean.op_id])
    return this.view(clean)
  }

  // ---- the worker's side ----

  /** The first row the worker may send: FIFO, skipping entities whose earlier row is failed or in conflict. */
  nextRow(): OutboxRow | null {
    const blocked = new Set<string>()
    for (const row of this.rowsInOrder()) {
      const key = rowKey(row)
      if (
        row.status !== 'queued' ||
        blocked.has(key) ||
        (row.action !== 'create' && row.entity_id === null) ||
        // It names an entity whose create has not reached the server yet: it waits for that one.
        refsOf(row.entity, row.payload).length > 0
      ) {
        blocked.add(key)
        continue
      }
      return row
    }
    return null
  }

  setSyncing(opId: string | null): void {
    const previous = this.syncingOpId
    this.syncingOpId = opId
    this.changed([opId ?? previous].filter((id): id is string => id !== null))
  }

  /** The server accepted the row: cache its answer, rebase what was built on top of it. */
  async succeeded(row: OutboxRow, result: DraftEntityBody | null): Promise<void> {
    const changed = [row.op_id]
    // Unlinked in batches, not awaited: a row the server has applied is safe to replay after a crash (an update
    // comes back as a 409 with our own content, a create as its first answer, a delete as a 404), and on a busy
    // disk an unlink per row costs the queue time it should not wait for. close() flushes them.
    this.forgetSentRow(row.op_id)
    const key = rowKey(row)
    const entityId = result?.id ?? row.entity_id
    if (result) this.cache.upsert(row.entity, result)
    else if (entityId !== null) this.cache.remove(row.entity, entityId)

    const later = this.outbox
      .values()
      .filter(
        (other) =>
          other.create_op_id === row.op_id ||
          (other.entity === row.entity && other.entity_id !== null && rowKey(other) === key),
      )
    for (const other of later) {
      changed.push(other.op_id)
      if (!result) await this.removeRows([other.op_id])
      else
        await this.putRow({
          ...other,
          entity_id: result.id,
          create_op_id: null,
          base: result,
          base_version: result.version,
        })
    }
    if (result && row.action === 'create') {
      this.createdIds.set(row.op_id, result.id)
      changed.push(...(await this.rewriteRefs(row.op_id, result.id)))
    }
    if (result) {
      for (const draft of this.drafts.values()) {
        const same =
          draft.entity === row.entity &&
          ((row.action === 'create' && draft.create_op_id === row.op_id) ||
            (draft.entity_id === result.id && draft.base_version === row.base_version))
        if (!same) continue
        const rebased = {
          ...draft,
          entity_id: result.id,
          create_op_id: null,
          base: result,
          base_version: result.version,
        }
        await this.drafts.put(draft.id, rebased)
        changed.push(draft.id)
      }
    }
    this.lastSyncAt = this.options.now()
    const entities = {
      entity: row.entity,
      ids: entityId !== null ? [entityId] : [],
      reason: result ? ('synced' as const) : ('deleted' as const),
    }
    const synced: DraftsSynced | undefined =
      entityId !== null
        ? {
            entity: row.entity,
            action: row.action,
            op_id: row.op_id,
            draft_id: row.draft_id,
            entity_id: entityId,
          }
        : undefined
    this.options.onChange({ ids: changed, entities, synced })
  }

  /** The server refused the row for good (422, 403, a 409 that is not about versions): keep it, show why. */
  async failed(
    row: OutboxRow,
    code: IpcErrorCode,
    message: string,
    fields: IpcFieldError[] = [],
    reason: IpcErrorReason | null = null,
  ): Promise<void> {
    await this.putRow({
      ...row,
      status: 'failed',
      error: message,
      error_code: code,
      error_reason: reason,
      fields,
      attempts: row.attempts + 1,
      unconfirmed: null,
      updated_at: this.iso(),
    })
    this.changed([row.op_id])
  }

  async conflicted(row: OutboxRow, theirs: DraftEntityBody | null, message: string): Promise<void> {
    await this.putRow({
      ...row,
      status: 'conflict',
      error: message,
      error_code: 'conflict',
      fields: [],
      attempts: row.attempts + 1,
      unconfirmed: null,
      conflict: { base: row.base, mine: row.payload, theirs, detected_at: this.iso() },
      updated_at: this.iso(),
    })
    if (theirs) this.cache.upsert(row.entity, theirs)
    else if (row.entity_id !== null) this.cache.remove(row.entity, row.entity_id)
    this.changed([row.op_id], {
      entity: row.entity,
      ids: row.entity_id !== null ? [row.entity_id] : [],
      reason: 'refreshed',
    })
  }

  /** A transient failure: the row stays queued; `unconfirmed` is stored when the request may have arrived. */
  async willRetry(row: OutboxRow, message: string, code: IpcErrorCode, unconfirmed: unknown): Promise<void> {
    const next: OutboxRow = { ...row, attempts: row.attempts + 1, error: message, error_code: code }
    if (unconfirmed !== null && unconfirmed !== row.unconfirmed) {
      await this.putRow({ ...next, unconfirmed })
    } else {
      this.outbox.setInMemory(row.op_id, next)
      this.sortedRows = null
    }
    this.changed([row.op_id])
  }

  /** Our own earlier attempt reached the server: continue on top of it. */
  async rebased(row: OutboxRow, onto: DraftEntityBody): Promise<OutboxRow> {
    const next: OutboxRow = { ...row, base: onto, base_version: onto.version, unconfirmed: null }
    await this.putRow(next)
    this.cache.upsert(row.entity, onto)
    return next
  }

  /** Mark a create as possibly sent, durably, before it goes out. */
  async markUnconfirmed(row: OutboxRow): Promise<OutboxRow> {
    const next = { ...row, unconfirmed: row.payload }
    await this.putRow(next)
    return next
  }

  // ---- internals ----

  private async enqueue(edit: NewEdit): Promise<OutboxRow | null> {
    let plan
    try {
      plan = planEnqueue(this.outbox.values(), edit, {
        newOpId: randomUUID,
        nextSeq: this.nextSeq,
        now: this.iso(),
        syncingOpId: this.syncingOpId,
      })
    } catch (error) {
      if (error instanceof EnqueueRefused) throw new IpcFailure('conflict', error.message)
      throw error
    }
    // A create folded under a new op_id (or dropped by a delete): what referred to the old one follows it.
    const removedCreates = plan.remove.filter((opId) => this.outbox.get(opId)?.action === 'create')
    for (const row of plan.put) await this.putRow(row)
    await this.removeRows(plan.remove)
    const result = plan.result
    for (const opId of removedCreates) {
      if (result?.action === 'create' && result.op_id !== opId) {
        await this.rewriteRefs(opId, createRefTo(result.op_id))
      } else if (!result || result.action !== 'create') await this.failRefsTo(opId)
    }
    return plan.result
  }

  /**
   * A payload's references to outbox creates: kept while the create is in the outbox, replaced by the id of one
   * sent in this session; any other (a create discarded or lost) is a field error at its field.
   */
  private resolveRefs(entity: DraftEntity, payload: unknown): { payload: unknown; missing: IpcFieldError[] } {
    let resolved = payload
    const missing: IpcFieldError[] = []
    for (const ref of refsOf(entity, payload)) {
      if (this.outbox.get(ref.opId)?.action === 'create') continue
      const id = this.createdIds.get(ref.opId)
      if (id !== undefined) resolved = replaceRefs(entity, resolved, ref.opId, id)
      else missing.push(missingRef(ref.field))
    }
    return { payload: resolved, missing }
  }

  /** Every row and draft that refers to the create `opId` refers to `value` instead; returns the changed ids. */
  private async rewriteRefs(opId: string, value: number | string): Promise<string[]> {
    const changed: string[] = []
    for (const row of this.outbox.values()) {
      const payload = replaceRefs(row.entity, row.payload, opId, value)
      if (payload === row.payload) continue
      await this.putRow({ ...row, payload })
      changed.push(row.op_id)
    }
    for (const draft of this.drafts.values()) {
      const payload = replaceRefs(draft.entity, draft.payload, opId, value)
      if (payload === draft.payload) continue
      await this.drafts.put(draft.id, { ...draft, payload })
      changed.push(draft.id)
    }
    return changed
  }

  /** The create `opId` is gone without reaching the server: the rows that refer to it are refused at the field. */
  private async failRefsTo(opId: string): Promise<string[]> {
    const changed: string[] = []
    for (const row of this.outbox.values()) {
      const refs = refsOf(row.entity, row.payload).filter((ref) => ref.opId === opId)
      if (refs.length === 0 || row.op_id === this.syncingOpId) continue
      await this.putRow({
        ...row,
        status: 'failed',
        error: 'It refers to an entity whose create was discarded',
        error_code: 'validation',
        error_reason: null,
        fields: refs.map((ref) => missingRef(ref.field)),
        updated_at: this.iso(),
      })
      changed.push(row.op_id)
    }
    return changed
  }

  private async putRow(row: OutboxRow): Promise<void> {
    this.nextSeq = Math.max(this.nextSeq, row.seq + 1)
    this.sortedRows = null
    await this.outbox.put(row.op_id, row)
  }

  private async removeRows(opIds: string[]): Promise<void> {
    if (opIds.length === 0) return
    this.sortedRows = null
    await Promise.all(opIds.map((opId) => this.outbox.remove(opId)))
  }

  private forgetSentRow(opId: string): void {
    // Usually the head of the queue: keep the sorted order instead of sorting again.
    if (this.sortedRows?.[0]?.op_id === opId) this.sortedRows.shift()
    else this.sortedRows = null
    this.outbox.removeSoon(opId)
  }

  private newDraft(
    entity: DraftEntity,
    from: Pick<DraftRecord, 'entity_id' | 'create_op_id' | 'base_version' | 'base'>,
  ) {
    const now = this.iso()
    return {
      id: randomUUID(),
      entity,
      ...from,
      payload: null,
      created_at: now,
      updated_at: now,
      error: null,
      fields: [],
    }
  }

  private findDraft(
    entity: DraftEntity,
    entityId: number | null,
    createOpId: string | null,
  ): DraftRecord | undefined {
    return this.drafts
      .values()
      .find(
        (draft) =>
          draft.entity === entity &&
          (entityId !== null
            ? draft.entity_id === entityId
            : createOpId !== null && draft.create_op_id === createOpId),
      )
  }

  private lastRowOf(key: string): OutboxRow | undefined {
    return this.rowsInOrder()
      .filter((row) => rowKey(row) === key && row.status !== 'conflict')
      .at(-1)
  }

  private createOpOf(row: OutboxRow): string {
    return row.action === 'create' ? row.op_id : (row.create_op_id ?? row.op_id)
  }

  /** A crash between "row written" and "draft removed" leaves both: the row wins. */
  private async dropPublishedDrafts(): Promise<void> {
    for (const row of this.outbox.values()) {
      const draft = row.draft_id ? this.drafts.get(row.draft_id) : undefined
      if (draft && draft.updated_at <= row.updated_at) await this.drafts.remove(draft.id)
    }
  }

  private changed(ids: string[], entities?: WorkspaceChange['entities']): void {
    this.options.onChange({ ids, entities })
  }

  private iso(): string {
    return new Date(this.options.now()).toISOString()
  }
}

/** A reference to a create that will never reach the server, as a field error (`reference_not_found`). */
function missingRef(field: string): IpcFieldError {
  return {
    path: [field],
    code: 'reference_not_found',
    message: 'It refers to an entity that was never created',
  }
}
