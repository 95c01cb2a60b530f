import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountGroup } from '@shared/api'
import type { DraftsSynced } from '@shared/ipc'
import { startSandbox, type Sandbox } from '@server/testing'
import { eventually, openCore, serverReader, tempDir, type TestCore } from '../testing/harness'

let sandbox: Sandbox
let app: TestCore
let read: Awaited<ReturnType<typeof serverReader>>
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  app = await openCore({ dataDir: dir.path, defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }] })
  await app.ok('session:login', { username: 'admin', password: '111' })
  read = await serverReader(sandbox.url)
})
afterAll(async () => {
  await app.close()
  await sandbox.dispose()
  dir.remove()
})

const syncedEvents = () =>
  app.events.filter((e) => e.event === 'drafts:synced').map((e) => e.payload as DraftsSynced)

describe('drafts:synced', () => {
  it('tells which server id a create became, with its op id and draft id, before the row leaves the list', async () => {
    // Two groups with one name: only the event can say which one this editor created.
    const payload = { name: 'Гости из отеля', description: null, ladder_id: null, active: true }
    const draft = await app.ok('drafts:save', { entity: 'account_group', payload })
    const row = await app.ok('drafts:publish', { id: draft.id })
    await app.core.whenSynced()
    const other = await app.ok('drafts:save', { entity: 'account_group', payload, publish: true })
    await app.core.whenSynced()

    const server = await read<{ items: AccountGroup[] }>(
      `/account_groups/list?q=${encodeURIComponent(payload.name)}`,
    )
    expect(server.items).toHaveLength(2)
    const events = syncedEvents()
    expect(events).toHaveLength(2)
    const [mine, theirs] = events
    expect(mine).toEqual({
      entity: 'account_group',
      action: 'create',
      op_id: row.id,
      draft_id: draft.id,
      entity_id: expect.any(Number) as number,
    })
    expect(theirs?.op_id).toBe(other.id)
    expect(server.items.map((group) => group.id).sort()).toEqual([mine!.entity_id, theirs!.entity_id].sort())
    expect(mine!.entity_id).toBeLessThan(theirs!.entity_id)

    // The event goes out before the batched drafts:changed that drops the row (batched on a timer: under load
    // it may still be pending here, so wait for it rather than read the earlier one that queued the row).
    const syncedAt = app.events.findIndex((e) => e.event === 'drafts:synced')
    expect(syncedAt).toBeGreaterThan(-1)
    const droppedAfterSynced = () =>
      app.events.some(
        (e, index) =>
          index > syncedAt &&
          e.event === 'drafts:changed' &&
          (e.payload as { ids: string[] }).ids.includes(row.id),
      )
    await eventually(droppedAfterSynced, 10_000, 'the drafts:changed that drops the row')
    expect((await app.ok('drafts:list')).items).toEqual([])
  })

  it('an update and a delete report the entity they changed', async () => {
    const created = await app.ok('drafts:save', {
      entity: 'identifier_type',
      payload: { code: 'synced', name: 'Синхронный', kind: 'other', unique: false, active: true },
      publish: true,
    })
    await app.core.whenSynced()
    const id = syncedEvents().find((e) => e.op_id === created.id)!.entity_id
    const update = await app.ok('drafts:save', {
      entity: 'identifier_type',
      entity_id: id,
      payload: { code: 'synced', name: 'Синхронный 2', kind: 'other', unique: false, active: true },
      publish: true,
    })
    await app.core.whenSynced()
    const removal = await app.ok('identifier-types:delete', { id })
    await app.core.whenSynced()
    const events = syncedEvents()
    expect(events.find((e) => e.op_id === update.id)).toMatchObject({ action: 'update', entity_id: id })
    expect(events.find((e) => e.op_id === removal.id)).toMatchObject({
      action: 'delete',
      entity_id: id,
      draft_id: null,
    })
  })
})
