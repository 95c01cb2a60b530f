import { describe, expect, it } from 'vitest'
import { EnqueueRefused, planEnqueue, type EnqueueContext, type NewEdit } from './outbox-rules'
import type { OutboxRow } from './records'

const NOW = '2026-01-01T00:00:00.000Z'
let counter = 0
const context = (rows: OutboxRow[], syncingOpId: string | null = null): EnqueueContext => ({
  newOpId: () => `op-${++counter}`,
  nextSeq: rows.reduce((max, row) => Math.max(max, row.seq + 1), 0),
  now: NOW,
  syncingOpId,
})

const edit = (over: Partial<NewEdit>): NewEdit => ({
  entity: 'ladder',
  action: 'update',
  entity_id: 7,
  create_op_id: null,
  base_version: 3,
  base: null,
  payload: { name: 'v' },
  draft_id: null,
  ...over,
})

/** Applies a plan like the workspace does. */
function apply(rows: OutboxRow[], next: NewEdit, syncingOpId: string | null = null) {
  const plan = planEnqueue(rows, next, context(rows, syncingOpId))
  const kept = rows.filter(
    (row) => !plan.remove.includes(row.op_id) && !plan.put.some((p) => p.op_id === row.op_id),
  )
  return { plan, rows: [...kept, ...plan.put].sort((a, b) => a.seq - b.seq) }
}

describe('planEnqueue', () => {
  it('appends creates of new entities, each its own row', () => {
    let rows: OutboxRow[] = []
    rows = apply(
      rows,
      edit({ action: 'create', entity_id: null, base_version: null, payload: { name: 'a' } }),
    ).rows
    rows = apply(
      rows,
      edit({ action: 'create', entity_id: null, base_version: null, payload: { name: 'b' } }),
    ).rows
    expect(rows.map((row) => [row.action, row.payload, row.seq])).toEqual([
      ['create', { name: 'a' }, 0],
      ['create', { name: 'b' }, 1],
    ])
  })

  it('collapses several offline edits of one entity into one update on the same base, at the back', () => {
    let rows: OutboxRow[] = []
    rows = apply(rows, edit({ payload: { name: 'v1' } })).rows
    rows = apply(
      rows,
      edit({ entity: 'account_group', entity_id: 1, base_version: 1, payload: { name: 'g' } }),
    ).rows
    rows = apply(rows, edit({ payload: { name: 'v2' } })).rows
    rows = apply(rows, edit({ payload: { name: 'v3' } })).rows
    expect(rows.map((row) => [row.entity, row.payload, row.base_version])).toEqual([
      ['account_group', { name: 'g' }, 1],
      ['ladder', { name: 'v3' }, 3],
    ])
  })

  it('turns update + delete into one delete on the same base', () => {
    let rows = apply([], edit({ payload: { name: 'v1' } })).rows
    rows = apply(rows, edit({ action: 'delete', payload: null })).rows
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ action: 'delete', base_version: 3, payload: null })
  })

  it('folds edits of a create that never reached the server into the create', () => {
    const created = apply(
      [],
      edit({ action: 'create', entity_id: null, base_version: null, payload: { name: 'n1' } }),
    )
    const opId = created.plan.result!.op_id
    const next = apply(
      created.rows,
      edit({ entity_id: null, create_op_id: opId, base_version: null, payload: { name: 'n2' } }),
    )
    expect(next.rows).toHaveLength(1)
    expect(next.rows[0]).toMatchObject({ op_id: opId, action: 'create', payload: { name: 'n2' } })
  })

  it('a delete of a create that never reached the server cancels both', () => {
    const created = apply([], edit({ action: 'create', entity_id: null, base_version: null }))
    const opId = created.plan.result!.op_id
    const next = apply(
      created.rows,
      edit({ action: 'delete', entity_id: null, create_op_id: opId, payload: null }),
    )
    expect(next.rows).toEqual([])
    expect(next.plan.result).toBeNull()
  })

  it('never changes the body of a create that may have reached the server: appends instead', () => {
    const created = apply(
      [],
      edit({ action: 'create', entity_id: null, base_version: null, payload: { name: 'n1' } }),
    )
    const sent = { ...created.rows[0]!, unconfirmed: { name: 'n1' }, attempts: 1 }
    const next = apply(
      [sent],
      edit({ entity_id: null, create_op_id: sent.op_id, base_version: null, payload: { name: 'n2' } }),
    )
    expect(next.rows.map((row) => [row.action, row.create_op_id, row.payload])).toEqual([
      ['create', null, { name: 'n1' }],
      ['update', sent.op_id, { name: 'n2' }],
    ])
  })

  it('gives a create a new Idempotency-Key when its body changes after an attempt the server refused', () => {
    const created = apply([], edit({ action: 'create', entity_id: null, base_version: null }))
    const failed = { ...created.rows[0]!, status: 'failed' as const, attempts: 1, error: 'bad' }
    const next = apply(
      [failed],
      edit({ entity_id: null, create_op_id: failed.op_id, base_version: null, payload: { name: 'fixed' } }),
    )
    expect(next.rows).toHaveLength(1)
    expect(next.rows[0]!.op_id).not.toBe(failed.op_id)
    expect(next.rows[0]).toMatchObject({ status: 'queued', error: null, payload: { name: 'fixed' } })
  })

  it('appends behind the row being sent (it is rebased when that one succeeds)', () => {
    const first = apply([], edit({ payload: { name: 'v1' } }))
    const next = apply(first.rows, edit({ payload: { name: 'v2' } }), first.plan.result!.op_id)
    expect(next.rows.map((row) => row.payload)).toEqual([{ name: 'v1' }, { name: 'v2' }])
  })

  it('re-queues a failed update with the new body', () => {
    const first = apply([], edit({ payload: { name: '' } }))
    const failed = {
      ...first.rows[0]!,
      status: 'failed' as const,
      error: 'name',
      fields: [{ path: ['name'], message: 'x' }],
    }
    const next = apply([failed], edit({ payload: { name: 'ok' } }))
    expect(next.rows[0]).toMatchObject({ status: 'queued', fields: [], payload: { name: 'ok' } })
  })

  it('refuses edits of an entity in conflict or queued for deletion', () => {
    const first = apply([], edit({}))
    const conflict = { ...first.rows[0]!, status: 'conflict' as const }
    expect(() => apply([conflict], edit({}))).toThrow(EnqueueRefused)
    const deleted = apply([], edit({ action: 'delete', payload: null })).rows
    expect(() => apply(deleted, edit({}))).toThrow(/queued for deletion/)
    expect(apply(deleted, edit({ action: 'delete', payload: null })).rows).toEqual(deleted)
  })
})
