import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SessionState } from '@shared/ipc'
import { startSandbox, type Sandbox } from '@server/testing'
import { countingFetch, eventually, openCore, tempDir, type TestCore } from '../testing/harness'
import { MemorySecretStore } from './secret-store'

const PROFILE = 'Локальная песочница'
const REFRESH = '/api/v0/auth/refresh_token'

let sandbox: Sandbox
const cleanups: (() => Promise<void> | void)[] = []

beforeAll(async () => {
  sandbox = await startSandbox()
})
afterAll(async () => {
  await sandbox.dispose()
})
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

async function core(
  url: string,
  extra: Partial<Parameters<typeof openCore>[0]> = {},
  dir = tempDir(),
): Promise<TestCore> {
  const opened = await openCore({
    dataDir: dir.path,
    defaultProfiles: [{ name: PROFILE, baseUrl: url }],
    ...extra,
  })
  cleanups.push(
    () => dir.remove(),
    () => opened.close(),
  )
  return opened
}

const sessionEvents = (c: TestCore) =>
  c.events.filter((e) => e.event === 'session:changed').map((e) => e.payload as SessionState)

describe('session', () => {
  it('starts signed out on the default profile, logs in, describes the user, logs out', async () => {
    const c = await core(sandbox.url)
    const profiles = await c.ok('profiles:list')
    expect(profiles.items).toEqual([
      { id: profiles.selected_id, name: PROFILE, base_url: sandbox.url, last_login: null },
    ])
    expect(await c.ok('session:state')).toMatchObject({ status: 'signed_out', login: null, reason: 'start' })

    const state = await c.ok('session:login', { username: 'marketing', password: '111' })
    expect(state).toMatchObject({
      status: 'signed_in',
      login: 'marketing',
      role: 'marketing',
      user: { login: 'marketing', role: 'marketing' },
      server: { name: 'ProBonus' },
      reason: 'login',
    })
    expect(sessionEvents(c).at(-1)).toEqual(state)
    expect((await c.ok('ladders:list')).items.length).toBeGreaterThan(0)

    expect(await c.ok('session:logout')).toMatchObject({
      status: 'signed_out',
      login: null,
      reason: 'logout',
    })
    expect((await c.ok('profiles:list')).items[0]!.last_login).toBe('marketing')
    const after = await c.call('ladders:list')
    expect(after).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
  })

  it('says what went wrong: wrong password, throttling with seconds, unreachable server', async () => {
    const c = await core(sandbox.url)
    const wrong = await c.call('session:login', { username: 'viewer', password: 'nope' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unauthorized' } })
    let throttled: Awaited<ReturnType<typeof c.call>> | null = null
    for (let attempt = 0; attempt < 6 && !throttled; attempt++) {
      const result = await c.call('session:login', { username: 'viewer', password: 'nope' })
      if (!result.ok && result.error.code === 'throttled') throttled = result
    }
    expect(throttled).toMatchObject({ ok: false, error: { code: 'throttled' } })
    if (throttled && !throttled.ok) expect(throttled.error.retryAfterSeconds).toBeGreaterThan(0)

    const down = await startSandbox()
    const url = down.url
    await down.dispose()
    const offline = await core(url)
    const unreachable = await offline.call('session:login', { username: 'admin', password: '111' })
    expect(unreachable).toMatchObject({ ok: false, error: { code: 'offline' } })
  })

  it('says when the address answers but is not a ProBonus server (a 404 where the API should be)', async () => {
    // Some other web server on the profile's address: every path is "404 Not Found" in HTML.
    const other = createServer((_request, response) => {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>')
    })
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
    cleanups.push(() => new Promise<void>((resolve) => other.close(() => resolve())))
    const { port } = other.address() as AddressInfo
    const c = await core(`http://127.0.0.1:${port}`)
    const result = await c.call('session:login', { username: 'admin', password: '111' })
    expect(result).toMatchObject({ ok: false, error: { code: 'not_probonus' } })
  })

  it('restores a remembered session after a restart; without a kept refresh token it asks to log in again', async () => {
    const dir = tempDir()
    cleanups.push(() => dir.remove())
    const secrets = new MemorySecretStore({ persistent: true })
    const first = await openCore({
      dataDir: dir.path,
      secretStore: secrets,
      defaultProfiles: [{ name: PROFILE, baseUrl: sandbox.url }],
    })
    await first.ok('session:login', { username: 'admin', password: '111' })
    await first.close()

    const second = await openCore({ dataDir: dir.path, secretStore: secrets, defaultProfiles: [] })
    expect(await second.ok('session:state')).toMatchObject({
      status: 'signed_in',
      login: 'admin',
      reason: 'restored',
      remembered: true,
    })
    expect((await second.ok('account-groups:list')).items.length).toBeGreaterThan(0)
    expect((await second.ok('profiles:list')).items).toHaveLength(1)
    await second.close()

    const third = await openCore({ dataDir: dir.path, defaultProfiles: [] })
    expect(await third.ok('session:state')).toMatchObject({
      status: 'expired',
      login: 'admin',
      remembered: false,
    })
    await third.close()
  })
})

describe('token refresh', () => {
  let shortLived: Sandbox
  beforeAll(async () => {
    // Long enough that the refreshed token (exp has whole-second precision) outlives the 50 calls on a busy machine.
    shortLived = await startSandbox({ accessTokenTtlSeconds: 4 })
  })
  afterAll(async () => {
    await shortLived.dispose()
  })

  it('an expired access token under 50 concurrent calls causes one refresh and all 50 succeed', async () => {
    const log = countingFetch()
    const c = await core(shortLived.url, { fetch: log.fetch })
    await c.ok('session:login', { username: 'admin', password: '111' })
    await new Promise((resolve) => setTimeout(resolve, 4100))
    const results = await Promise.all(Array.from({ length: 50 }, () => c.call('ladders:history', { id: 1 })))
    expect(results.filter((r) => r.ok)).toHaveLength(50)
    expect(log.count('POST', REFRESH)).toBe(1)
  })

  it('refreshes once after 401s too (when the clock does not see the expiry coming)', async () => {
    const log = countingFetch()
    const frozen = Date.now()
    const c = await core(shortLived.url, { fetch: log.fetch, now: () => frozen })
    await c.ok('session:login', { username: 'admin', password: '111' })
    await new Promise((resolve) => setTimeout(resolve, 4100))
    const results = await Promise.all(Array.from({ length: 50 }, () => c.call('ladders:history', { id: 1 })))
    expect(results.filter((r) => r.ok)).toHaveLength(50)
    expect(log.count('POST', REFRESH)).toBe(1)
    expect(log.requests.filter((r) => r === 'GET /api/v0/ladders/1/history').length).toBeGreaterThanOrEqual(
      50,
    )
  })
})

describe('a failed refresh', () => {
  it('keeps the outbox, pauses it, asks to log in again, and drains after the new login', async () => {
    const server = await startSandbox({ accessTokenTtlSeconds: 1, refreshTokenTtlSeconds: 1 })
    cleanups.push(() => server.dispose())
    const c = await core(server.url)
    await c.ok('session:login', { username: 'admin', password: '111' })
    const group = (await c.ok('account-groups:list')).items[0]!
    await new Promise((resolve) => setTimeout(resolve, 2100))

    const queued = await c.ok('drafts:save', {
      entity: 'account_group',
      entity_id: group.id,
      payload: { ...group, description: 'после истечения сессии' },
      publish: true,
    })
    expect(queued.kind).toBe('outbox')
    await eventually(async () => (await c.ok('session:state')).status === 'expired', 10_000, 'expiry')
    expect(sessionEvents(c).at(-1)).toMatchObject({
      status: 'expired',
      login: 'admin',
      reason: 'refresh_failed',
    })
    const status = await c.ok('sync:status')
    expect(status).toMatchObject({ paused: true, paused_reason: 'session_expired', counts: { queued: 1 } })
    expect((await c.ok('drafts:list')).items.map((d) => d.id)).toEqual([queued.id])

    await c.ok('session:login', { username: 'admin', password: '111' })
    await c.core.whenSynced()
    expect((await c.ok('drafts:list')).counts).toMatchObject({ queued: 0, failed: 0, conflicts: 0 })
    const after = await c.ok('account-groups:get', { id: group.id, refresh: true })
    expect(after.item).toMatchObject({ description: 'после истечения сессии', version: group.version + 1 })
  })
})
