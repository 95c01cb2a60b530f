// A group created offline that uses a ladder created offline: the group's row names the ladder's create
// (`new:<op_id>`), waits for it, and is sent with the ladder's real id; it follows the create when a fix gives it
// a new op id, and is refused at its field when the create is discarded.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AccountGroup, Ladder, LadderCreate, RkDiscount } from '@shared/api'
import { createRefTo } from '@shared/ipc'
import { startSandbox, type Sandbox } from '@server/testing'
import { openCore, serverReader, tempDir, type TestCore } from '../testing/harness'

let sandbox: Sandbox
let app: TestCore
let read: Awaited<ReturnType<typeof serverReader>>
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  app = await openCore({
    dataDir: dir.path,
    defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }],
    healthIntervalMs: 200,
  })
  await app.ok('session:login', { username: 'admin', password: '111' })
  read = await serverReader(sandbox.url)
})
afterAll(async () => {
  await app.close()
  await sandbox.dispose()
  dir.remove()
})

const ladder = (name: string, rkDiscountId: number | null = null): LadderCreate => ({
  name,
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: true,
  active: true,
  steps: [
    {
      name: 'Старт',
      threshold: 0,
      rk_discount_id: rkDiscountId,
      bonus_percent: 3,
      max_payment_percent: null,
    },
  ],
})
const group = (name: string, ladderId: number | string | null) => ({
  name,
  description: null,
  ladder_id: ladderId,
  active: true,
})

async function serverGroup(name: string): Promise<AccountGroup | undefined> {
  const list = await read<{ items: AccountGroup[] }>(`/account_groups/list?q=${encodeURIComponent(name)}`)
  return list.items.find((item) => item.name === name)
}
async function serverLadder(name: string): Promise<Ladder | undefined> {
  const list = await read<{ items: Ladder[] }>(`/ladders/list?q=${encodeURIComponent(name)}`)
  return list.items.find((item) => item.name === name)
}

describe('a group that uses a ladder created offline', () => {
  it('waits for the ladder’s create and lands with its real id; a draft that names it gets the id too', async () => {
    await sandbox.stop()
    expect((await app.ok('sync:check')).online).toBe(false)
    const created = await app.ok('drafts:save', {
      entity: 'ladder',
      payload: ladder('Офлайн-лестница'),
      publish: true,
    })
    expect(created.state).toBe('queued')
    const row = await app.ok('drafts:save', {
      entity: 'account_group',
      payload: group('Офлайн-группа', createRefTo(created.id)),
      publish: true,
    })
    expect(row).toMatchObject({ state: 'queued', payload: { ladder_id: createRefTo(created.id) } })
    const draft = await app.ok('drafts:save', {
      entity: 'account_group',
      payload: group('Группа-черновик', createRefTo(created.id)),
    })

    await sandbox.start()
    expect((await app.ok('sync:check')).online).toBe(true)
    await app.core.whenSynced()
    const [savedLadder, savedGroup] = [
      await serverLadder('Офлайн-лестница'),
      await serverGroup('Офлайн-группа'),
    ]
    expect(savedLadder).toBeDefined()
    expect(savedGroup?.ladder_id).toBe(savedLadder?.id)
    expect((await app.ok('drafts:get', { id: draft.id })).payload).toMatchObject({
      ladder_id: savedLadder?.id,
    })

    // A draft published later with the old reference still lands with the id (the create is remembered).
    const stale = await app.ok('drafts:save', {
      entity: 'account_group',
      payload: group('Поздняя группа', createRefTo(created.id)),
      publish: true,
    })
    expect(stale.payload).toMatchObject({ ladder_id: savedLadder?.id })
    await app.core.whenSynced()
    expect((await serverGroup('Поздняя группа'))?.ladder_id).toBe(savedLadder?.id)
  })

  it('is held while the ladder is refused, follows the fixed create, and is refused when the create is dropped', async () => {
    const catalog = (await app.ok('catalog:list')).items as RkDiscount[]
    const inactive = catalog.find((discount) => !discount.active)!
    const active = catalog.find((discount) => discount.active)!
    // The server refuses a ladder with an inactive RK discount (main's check has no catalog).
    const refused = await app.ok('drafts:save', {
      entity: 'ladder',
      payload: ladder('Отказанная', inactive.id),
      publish: true,
    })
    const waiting = await app.ok('drafts:save', {
      entity: 'account_group',
      payload: group('Ждущая группа', createRefTo(refused.id)),
      publish: true,
    })
    const unrelated = await app.ok('drafts:save', {
      entity: 'account_group',
      payload: group('Независимая группа', null),
      publish: true,
    })
    await app.core.whenSynced()
    const rows = (await app.ok('drafts:list')).items
    expect(rows.find((r) => r.id === refused.id)?.state).toBe('failed')
    expect(rows.find((r) => r.id === waiting.id)?.state).toBe('queued')
    expect(rows.find((r) => r.id === unrelated.id)).toBeUndefined()
    expect(await serverGroup('Независимая группа')).toBeDefined()
    expect(await serverGroup('Ждущая группа')).toBeUndefined()

    // Fixed in place: the create gets a new op id (its old key was used), and the group follows it.
    const fixed = await app.ok('drafts:save', {
      id: refused.id,
      entity: 'ladder',
      payload: ladder('Отказанная', active.id),
      publish: true,
    })
    expect(fixed.id).not.toBe(refused.id)
    await app.core.whenSynced()
    const saved = await serverLadder('Отказанная')
    expect((await serverGroup('Ждущая группа'))?.ladder_id).toBe(saved?.id)

    // A create that is discarded: the group that named it is refused at «ladder_id».
    await sandbox.stop()
    expect((await app.ok('sync:check')).online).toBe(false)
    const dropped = await app.ok('drafts:save', {
      entity: 'ladder',
      payload: ladder('Отменённая'),
      publish: true,
    })
    const orphan = await app.ok('drafts:save', {
      entity: 'account_group',
      payload: group('Осиротевшая группа', createRefTo(dropped.id)),
      publish: true,
    })
    await app.ok('drafts:discard', { id: dropped.id })
    const after = await app.ok('drafts:get', { id: orphan.id })
    expect(after).toMatchObject({
      state: 'failed',
      fields: [{ path: ['ladder_id'], code: 'reference_not_found' }],
    })
    await sandbox.start()
    expect((await app.ok('sync:check')).online).toBe(true)
  })
})
