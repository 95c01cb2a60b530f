// The server's settings are one document, edited through drafts like every collection: cached for offline
// reading, a draft saved and published, sent as `PUT /settings` with the base version, and a colleague's change
// meanwhile becomes a conflict with base, mine and theirs — resolved field by field.
import { describe, expect, it } from 'vitest'
import type { Settings } from '@shared/api'
import { SINGLETON_ID } from '@shared/resources'
import type { TestCore } from '../testing/harness'
import { workstations, type ServerReader } from '../testing/workstations'

let first: TestCore
let second: TestCore
let viewer: TestCore
let read: ServerReader
workstations(['admin', 'admin', 'viewer'], (cores, reader) => {
  ;[first, second, viewer] = cores as [TestCore, TestCore, TestCore]
  read = reader
})

const body = (settings: Settings) => {
  const { version: _v, updated_at: _u, updated_by: _b, ...rest } = settings
  return rest
}

describe('the settings singleton through drafts and the outbox', () => {
  it('reads as one document (every role), publishes a draft as PUT /settings, and caches the answer', async () => {
    const seen = await viewer.ok('settings:get', { refresh: true })
    expect(seen.item).toMatchObject({ id: SINGLETON_ID, day_change_time: '00:00', version: 1 })

    const before = (await first.ok('settings:get')).item
    const row = await first.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...before, accrual_delay_days: 2 },
      publish: true,
    })
    // The entity as the editor handed it over (id, version, audit fields): main keeps only the body.
    expect(row).toMatchObject({ kind: 'outbox', action: 'update', entity_id: SINGLETON_ID, base_version: 1 })
    expect(row.payload).toEqual({ ...body(seen.item), accrual_delay_days: 2, id: undefined })
    await first.core.whenSynced()
    const server = await read<Settings>('/settings')
    expect(server).toMatchObject({ accrual_delay_days: 2, version: 2, updated_by: 'admin' })
    expect((await first.ok('settings:get')).item).toEqual({ ...server, id: SINGLETON_ID })
    expect(first.events).toContainEqual({
      event: 'entities:changed',
      payload: { entity: 'settings', ids: [SINGLETON_ID], reason: 'synced' },
    })
  })

  it('a viewer cannot publish: the server refuses it and the row says so', async () => {
    const current = (await viewer.ok('settings:get', { refresh: true })).item
    await viewer.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...current, accrual_delay_days: 9 },
      publish: true,
    })
    await viewer.core.whenSynced()
    const [row] = (await viewer.ok('drafts:list', { entity: 'settings' })).items
    expect(row).toMatchObject({ state: 'failed', error_code: 'forbidden' })
    await viewer.ok('drafts:discard', { id: row!.id })
  })

  it('a colleague changed the settings meanwhile: a conflict, and keep mine merges field by field', async () => {
    const base = (await first.ok('settings:get', { refresh: true })).item
    expect((await second.ok('settings:get', { refresh: true })).item).toEqual(base)
    // The second workstation starts an edit of the business day…
    await second.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...base, day_change_time: '04:00' },
    })
    // …while the first one turns temporary identifiers on and publishes.
    await first.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...base, temporary_identifiers: { enabled: true, ttl_minutes: 30, length: 6 } },
      publish: true,
    })
    await first.core.whenSynced()
    const theirs = await read<Settings>('/settings')
    expect(theirs.version).toBe(base.version + 1)

    const [draft] = (await second.ok('drafts:list', { entity: 'settings' })).items
    await second.ok('drafts:publish', { id: draft!.id })
    await second.core.whenSynced()
    const [conflict] = (await second.ok('drafts:list', { entity: 'settings' })).items
    expect(conflict).toMatchObject({ state: 'conflict', entity_id: SINGLETON_ID, base_version: base.version })
    expect(conflict!.conflict?.base).toEqual(base)
    expect(conflict!.conflict?.theirs).toEqual({ ...theirs, id: SINGLETON_ID })
    // Nothing was overwritten.
    expect(await read<Settings>('/settings')).toEqual(theirs)

    await second.ok('sync:resolve', { id: conflict!.id, resolution: 'keep_mine' })
    await second.core.whenSynced()
    const merged = await read<Settings>('/settings')
    expect(merged).toMatchObject({
      day_change_time: '04:00',
      temporary_identifiers: { enabled: true, ttl_minutes: 30, length: 6 },
      version: theirs.version + 1,
    })
    expect((await second.ok('drafts:list')).counts.conflicts).toBe(0)
  })

  it('take theirs drops mine and caches theirs', async () => {
    const base = (await first.ok('settings:get', { refresh: true })).item
    await second.ok('settings:get', { refresh: true })
    await second.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...base, timezone: 'Asia/Yekaterinburg' },
    })
    await first.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...base, timezone: 'Europe/Kaliningrad' },
      publish: true,
    })
    await first.core.whenSynced()
    const [draft] = (await second.ok('drafts:list', { entity: 'settings' })).items
    await second.ok('drafts:publish', { id: draft!.id })
    await second.core.whenSynced()
    const [conflict] = (await second.ok('drafts:list', { entity: 'settings' })).items
    expect(conflict?.state).toBe('conflict')
    await second.ok('sync:resolve', { id: conflict!.id, resolution: 'take_theirs' })
    expect((await second.ok('settings:get')).item.timezone).toBe('Europe/Kaliningrad')
    expect((await second.ok('drafts:list', { entity: 'settings' })).items).toEqual([])
  })

  it('an invalid body is kept as a draft with coded field errors; it has no delete', async () => {
    const base = (await first.ok('settings:get')).item
    const draft = await first.ok('drafts:save', {
      entity: 'settings',
      entity_id: SINGLETON_ID,
      payload: { ...base, day_change_time: '25:00' },
    })
    const refused = await first.call('drafts:publish', { id: draft.id })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: ['day_change_time'] }] },
    })
    await first.ok('drafts:discard', { id: draft.id })
    expect(await first.call('settings:delete' as 'settings:get', {})).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })
})
