// Users and my own password through main, against a real sandbox: online only, the server's guards come back
// coded, and after a password change my other sessions end while this one goes on (refresh included).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '@server/testing'
import { countingFetch, eventually, openCore, tempDir, type TestCore } from '../../testing/harness'

let sandbox: Sandbox
const dirs: { remove(): void }[] = []
const cores: TestCore[] = []

async function open(
  username: string,
  password = '111',
  options: Parameters<typeof openCore>[0] | object = {},
) {
  const dir = tempDir()
  dirs.push(dir)
  const c = await openCore({
    dataDir: dir.path,
    defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }],
    ...options,
  })
  cores.push(c)
  await c.ok('session:login', { username, password })
  return c
}

let admin: TestCore
beforeAll(async () => {
  sandbox = await startSandbox()
  admin = await open('admin')
})
afterAll(async () => {
  for (const c of cores) await c.close()
  await sandbox.dispose()
  dirs.forEach((dir) => dir.remove())
})

describe('users (admin, online only)', () => {
  it('creates a marketing user who can then log in; lists by role and search', async () => {
    const created = await admin.ok('users:create', {
      login: 'Ольга Маркетинг',
      password: 'секрет',
      role: 'marketing',
      surname: 'Петрова',
      first_name: 'Ольга',
      email: 'olga@example.com',
    })
    expect(created).toMatchObject({
      login: 'Ольга Маркетинг',
      role: 'marketing',
      active: true,
      name: 'Петрова Ольга',
    })
    const marketing = await admin.ok('users:list', { role: 'marketing' })
    expect(marketing.items.map((user) => user.login)).toContain('Ольга Маркетинг')
    expect(marketing.items.every((user) => user.role === 'marketing')).toBe(true)
    expect(marketing.active_admins).toBe(1)
    expect((await admin.ok('users:list', { q: 'olga@' })).items.map((user) => user.id)).toEqual([created.id])

    const olga = await open('ольга маркетинг', 'секрет')
    expect((await olga.ok('session:state')).role).toBe('marketing')
    // Not an admin: the server refuses the list.
    expect(await olga.call('users:list')).toMatchObject({ ok: false, error: { code: 'forbidden' } })
  })

  it('the guards come back coded: the last active admin, and yourself', async () => {
    const me = (await admin.ok('users:list', { q: 'admin' })).items.find((user) => user.login === 'admin')!
    const demote = await admin.call('users:update', {
      id: me.id,
      user: { login: me.login, role: 'viewer', version: me.version },
    })
    expect(demote).toMatchObject({ ok: false, error: { code: 'conflict', reason: { code: 'self_change' } } })
    const deactivate = await admin.call('users:update', {
      id: me.id,
      user: { login: me.login, role: 'admin', active: false, version: me.version },
    })
    expect(deactivate).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: { code: 'self_change' } },
    })
    expect(await admin.call('users:delete', { id: me.id, version: me.version })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: { code: 'self_change' } },
    })
    const taken = await admin.call('users:create', { login: 'ADMIN', password: '123', role: 'viewer' })
    expect(taken).toMatchObject({ ok: false, error: { code: 'conflict', reason: { code: 'login_taken' } } })
    const short = await admin.call('users:create', { login: 'x', password: '12', role: 'viewer' })
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'bad_request', fields: [{ path: ['password'] }] },
    })
  })

  it('sets a new password for someone else: their sessions end, the new password works', async () => {
    const created = await admin.ok('users:create', { login: 'кассир', password: 'старый', role: 'viewer' })
    const cashier = await open('кассир', 'старый')
    await admin.ok('users:update', {
      id: created.id,
      user: { login: created.login, role: created.role, password: 'новый', version: created.version },
    })
    await cashier.call('settings:get', { refresh: true })
    await eventually(async () => (await cashier.ok('session:state')).status === 'expired', 10_000, 'expiry')
    await open('кассир', 'новый')
  })
})

describe('change my password', () => {
  it('ends my other sessions; this one goes on, its refresh included', async () => {
    const created = await admin.ok('users:create', { login: 'двое', password: 'первый', role: 'viewer' })
    expect(created.role).toBe('viewer')
    let clock = Date.now()
    const log = countingFetch()
    const here = await open('двое', 'первый', { now: () => clock, fetch: log.fetch })
    const elsewhere = await open('двое', 'первый')

    const wrong = await here.call('session:change-password', {
      current_password: 'нет',
      new_password: 'второй',
    })
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'validation', fields: [{ path: ['current_password'], code: 'wrong_password' }] },
    })
    await here.ok('session:change-password', { current_password: 'первый', new_password: 'второй' })

    // The other workstation's session ended on the server: its next request expires it.
    await elsewhere.call('settings:get', { refresh: true })
    await eventually(async () => (await elsewhere.ok('session:state')).status === 'expired', 10_000, 'expiry')

    // This one works now, and after its access token is due (the session refreshes with its refresh token).
    expect((await here.ok('settings:get', { refresh: true })).stale).toBe(false)
    clock += 60 * 60_000
    expect((await here.ok('settings:get', { refresh: true })).stale).toBe(false)
    expect(log.count('POST', '/api/v0/auth/refresh_token')).toBe(1)
    expect((await here.ok('session:state')).status).toBe('signed_in')
    expect(await here.call('session:login', { username: 'двое', password: 'первый' })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    })
  })

  it('offline it is refused at once with the reason, and nothing about it is stored', async () => {
    const spare = await startSandbox()
    const dir = tempDir()
    dirs.push(dir)
    const c = await openCore({
      dataDir: dir.path,
      defaultProfiles: [{ name: 'Запасной', baseUrl: spare.url }],
    })
    cores.push(c)
    await c.ok('session:login', { username: 'viewer', password: '111' })
    await spare.stop()
    const refused = await c.call('session:change-password', {
      current_password: '111',
      new_password: 'тайна',
    })
    expect(refused).toMatchObject({ ok: false, error: { code: 'offline' } })
    expect((await c.ok('drafts:list')).items).toEqual([])
    const { readdirSync, readFileSync, statSync } = await import('node:fs')
    const { join } = await import('node:path')
    const files = (path: string): string[] =>
      readdirSync(path).flatMap((name) => {
        const full = join(path, name)
        return statSync(full).isDirectory() ? files(full) : [full]
      })
    for (const file of files(dir.path)) expect(readFileSync(file, 'utf8')).not.toContain('тайна')
    await spare.dispose()
  })
})
