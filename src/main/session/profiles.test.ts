import { afterEach, expect, it } from 'vitest'
import { openCore, tempDir, type TestCore } from '../testing/harness'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function core(
  dataDir: string,
  defaults = [{ name: 'Локальная песочница', baseUrl: 'http://127.0.0.1:9' }],
) {
  const opened: TestCore = await openCore({ dataDir, defaultProfiles: defaults })
  cleanups.push(() => opened.close())
  return opened
}

it('creates the default profile on the first start only, and keeps edits across restarts', async () => {
  const dir = tempDir()
  cleanups.push(() => dir.remove())
  const first = await core(dir.path)
  const initial = await first.ok('profiles:list')
  expect(initial.items.map((p) => p.name)).toEqual(['Локальная песочница'])

  const office = await first.ok('profiles:save', { name: 'Офис', base_url: 'https://probonus.example.ru' })
  expect(office).toMatchObject({ name: 'Офис', base_url: 'https://probonus.example.ru', last_login: null })
  await first.ok('profiles:save', {
    id: initial.selected_id!,
    name: 'Песочница',
    base_url: 'http://127.0.0.1:8777',
  })
  expect(await first.ok('profiles:select', { id: office.id })).toMatchObject({
    status: 'signed_out',
    profile: office,
  })
  await first.close()
  cleanups.pop()

  // Another start with other defaults: the saved profiles stay, no default is added.
  const second = await core(dir.path, [{ name: 'Другой', baseUrl: 'http://127.0.0.1:1' }])
  const list = await second.ok('profiles:list')
  expect(list.selected_id).toBe(office.id)
  expect(list.items.map((p) => [p.name, p.base_url])).toEqual([
    ['Песочница', 'http://127.0.0.1:8777'],
    ['Офис', 'https://probonus.example.ru'],
  ])

  // Removing the selected profile selects the next one.
  const after = await second.ok('profiles:remove', { id: office.id })
  expect(after.items.map((p) => p.name)).toEqual(['Песочница'])
  expect(after.selected_id).toBe(after.items[0]!.id)
  expect((await second.ok('session:state')).profile?.name).toBe('Песочница')
  expect(await second.call('profiles:select', { id: office.id })).toMatchObject({
    ok: false,
    error: { code: 'not_found' },
  })
  expect(await second.call('profiles:save', { name: ' ', base_url: 'http://x' })).toMatchObject({
    ok: false,
    error: { code: 'bad_request', fields: [{ path: ['name'] }] },
  })
})

it('without a login nothing local is open, and the server profile must be reachable to log in', async () => {
  const dir = tempDir()
  cleanups.push(() => dir.remove())
  const c = await core(dir.path)
  expect(await c.call('drafts:list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  expect(await c.call('ladders:list')).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  expect(await c.ok('sync:status')).toMatchObject({
    online: false,
    paused: true,
    paused_reason: 'signed_out',
  })
  expect(await c.call('session:login', { username: 'admin', password: '111' })).toMatchObject({
    ok: false,
    error: { code: 'offline' },
  })
  // With no profile at all, a login is a bad request.
  const id = (await c.ok('profiles:list')).selected_id!
  await c.ok('profiles:remove', { id })
  expect(await c.call('session:login', { username: 'admin', password: '111' })).toMatchObject({
    ok: false,
    error: { code: 'bad_request' },
  })
})
