import { afterEach, expect, it } from 'vitest'
import type { AccountGroup, IdentifierType, Ladder } from '@shared/api'
import type { EntitiesChanged } from '@shared/ipc'
import { startSandbox } from '@server/testing'
import { MemorySecretStore } from '../session/secret-store'
import { countingFetch, eventually, openCore, serverReader, tempDir } from '../testing/harness'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

it('queues edits while the server is down, keeps them across a restart, and drains them in order', async () => {
  const sandbox = await startSandbox()
  cleanups.push(() => sandbox.dispose())
  const dir = tempDir()
  cleanups.push(() => dir.remove())
  // One secret store for both cores: a persistent store, as after an app restart with safeStorage.
  const secrets = new MemorySecretStore({ persistent: true })
  const options = {
    dataDir: dir.path,
    secretStore: secrets,
    defaultProfiles: [{ name: 'Локальная песочница', baseUrl: sandbox.url }],
    healthIntervalMs: 200,
  }
  const first = await openCore(options)
  await first.ok('session:login', { username: 'admin', password: '111' })
  const ladders = (await first.ok('ladders:list')).items
  const groups = (await first.ok('account-groups:list')).items
  const types = (await first.ok('identifier-types:list')).items
  // An identifier type nobody uses, to delete while offline.
  const spare = await first.ok('drafts:save', {
    entity: 'identifier_type',
    payload: { code: 'spare', name: 'Запасной', kind: 'other', unique: false, active: true },
    publish: true,
  })
  await first.core.whenSynced()
  const spareType = (await first.ok('identifier-types:list', { refresh: true })).items.find(
    (t) => t.code === 'spare',
  )!
  expect(spare.state).toBe('queued')

  await sandbox.stop()
  expect((await first.ok('sync:check')).online).toBe(false)
  const cached = await first.ok('ladders:list', { refresh: true })
  expect(cached).toMatchObject({ stale: true, items: ladders })
  expect(cached.fetched_at).not.toBeNull()

  const [ladderA, ladderB] = [ladders[0]!, ladders[1]!]
  const group = groups[0]!
  const type = types[0]!
  const edits = [
    ['ladder', ladderA.id, { ...ladderA, name: 'Гостевая (черновик 1)' }],
    ['account_group', group.id, { ...group, description: 'Изменено без сети' }],
    ['ladder', ladderA.id, { ...ladderA, name: 'Гостевая 2026', downgrade: !ladderA.downgrade }],
    ['identifier_type', type.id, { ...type, name: `${type.name} (офлайн)` }],
    ['ladder', ladderB.id, { ...ladderB, active: !ladderB.active }],
  ] as const
  for (const [entity, id, payload] of edits) {
    await first.ok('drafts:save', { entity, entity_id: id, payload, publish: true })
  }
  const created = await first.ok('drafts:save', {
    entity: 'ladder',
    payload: {
      name: 'Новая офлайн',
      basis: 'visits',
      period: 'all_time',
      downgrade: false,
      active: true,
      steps: [{ name: 'Старт', threshold: 0, bonus_percent: 1 }],
    },
    publish: true,
  })
  // Edit the queued create again: it folds into the create.
  await first.ok('drafts:save', {
    id: created.id,
    entity: 'ladder',
    payload: { ...(created.payload as object), name: 'Новая офлайн лестница' },
    publish: true,
  })
  await first.ok('identifier-types:delete', { id: spareType.id })
  const unpublished = await first.ok('drafts:save', {
    entity: 'account_group',
    payload: { name: 'Недописанная', active: true },
  })

  const before = await first.ok('drafts:list')
  expect(before.counts).toMatchObject({ drafts: 1, queued: 6, failed: 0, conflicts: 0 })
  expect(before.items.map((d) => [d.kind, d.entity, d.action, d.entity_id])).toEqual([
    ['draft', 'account_group', 'create', null],
    ['outbox', 'account_group', 'update', group.id],
    ['outbox', 'ladder', 'update', ladderA.id],
    ['outbox', 'identifier_type', 'update', type.id],
    ['outbox', 'ladder', 'update', ladderB.id],
    ['outbox', 'ladder', 'create', null],
    ['outbox', 'identifier_type', 'delete', spareType.id],
  ])
  await first.close()

  // "Restart the app" while still offline: the same drafts and outbox.
  const log = countingFetch()
  const second = await openCore({ ...options, fetch: log.fetch, defaultProfiles: [] })
  expect(await second.ok('session:state')).toMatchObject({ status: 'signed_in', login: 'admin' })
  const restored = await second.ok('drafts:list')
  expect(restored.items.map(({ id, state, payload }) => ({ id, state, payload }))).toEqual(
    before.items.map(({ id, state, payload }) => ({ id, state, payload })),
  )
  expect((await second.ok('drafts:get', { id: unpublished.id })).payload).toEqual({
    name: 'Недописанная',
    active: true,
  })

  await sandbox.start()
  await eventually(async () => (await second.ok('sync:check')).online, 10_000, 'online')
  await second.core.whenSynced()
  expect((await second.ok('drafts:list')).counts).toEqual({
    drafts: 1,
    queued: 0,
    syncing: 0,
    failed: 0,
    conflicts: 0,
  })

  // In order: the server saw the writes in the queue's order.
  const writes = log.requests.filter((r) => /^(POST|PUT|DELETE) /.test(r) && !r.includes('/auth/'))
  expect(writes).toEqual([
    `PUT /api/v0/account_groups/${group.id}`,
    `PUT /api/v0/ladders/${ladderA.id}`,
    `PUT /api/v0/identifier_types/${type.id}`,
    `PUT /api/v0/ladders/${ladderB.id}`,
    'POST /api/v0/ladders/create',
    `DELETE /api/v0/identifier_types/${spareType.id}`,
  ])
  const synced = second.events
    .filter((e) => e.event === 'entities:changed')
    .map((e) => e.payload as EntitiesChanged)
    .filter((e) => e.reason === 'synced' || e.reason === 'deleted')
  expect(synced.map((e) => e.entity)).toEqual([
    'account_group',
    'ladder',
    'identifier_type',
    'ladder',
    'ladder',
    'identifier_type',
  ])

  // The server holds exactly the edits: one new version per entity, the last edit's content.
  const read = await serverReader(sandbox.url)
  const a = await read<Ladder>(`/ladders/${ladderA.id}`)
  expect(a).toMatchObject({
    name: 'Гостевая 2026',
    downgrade: !ladderA.downgrade,
    version: ladderA.version + 1,
  })
  expect(a.steps).toEqual(ladderA.steps)
  expect(await read<Ladder>(`/ladders/${ladderB.id}`)).toMatchObject({
    active: !ladderB.active,
    version: ladderB.version + 1,
  })
  expect(await read<AccountGroup>(`/account_groups/${group.id}`)).toMatchObject({
    description: 'Изменено без сети',
    name: group.name,
    version: group.version + 1,
  })
  expect(await read<IdentifierType>(`/identifier_types/${type.id}`)).toMatchObject({
    name: `${type.name} (офлайн)`,
    pattern: type.pattern,
    version: type.version + 1,
  })
  const newLadders = await read<{ items: Ladder[] }>('/ladders/list?q=офлайн')
  expect(newLadders.items.map((l) => [l.name, l.version])).toEqual([['Новая офлайн лестница', 1]])
  await expect(read(`/identifier_types/${spareType.id}`)).rejects.toThrow('404')
  // And the cache answers with the server's state.
  expect((await second.ok('ladders:get', { id: ladderA.id })).item.name).toBe('Гостевая 2026')
  await second.close()
})
