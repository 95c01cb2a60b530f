// A superseded query is cancelled end to end: the renderer's signal → the bridge → main's registry → the handler's
// HTTP request. Against the real sandbox; the fetch wrapper only holds the superseded search so that the cancel
// surely finds it in flight.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createIpcClient } from '@shared/ipc'
import { startSandbox, type Sandbox } from '@server/testing'
import { heldFetch, openCore, tempDir, type HeldFetch, type TestCore } from '../testing/harness'
import { inProcessBridge } from './in-process'

let sandbox: Sandbox
let c: TestCore
let held: HeldFetch
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  held = heldFetch((url) => url.pathname.endsWith('/accounts/list') && url.searchParams.get('q') === 'Ив')
  c = await openCore({
    dataDir: dir.path,
    defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }],
    fetch: held.fetch,
  })
  await c.ok('session:login', { username: 'admin', password: '111' })
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

describe('cancelling a call', () => {
  it('a superseded accounts search is aborted in main; the next one answers; the server is not "offline"', async () => {
    const client = createIpcClient(inProcessBridge(c.core.registry))
    const first = new AbortController()
    const superseded = client.invoke('accounts:list', { q: 'Ив', limit: 50 }, { signal: first.signal })
    const requestSignal = await held.reached()
    expect(requestSignal.aborted).toBe(false)
    const next = client.invoke(
      'accounts:list',
      { q: 'Иван', limit: 50 },
      { signal: new AbortController().signal },
    )
    first.abort()
    expect(await superseded).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    // The HTTP request itself was aborted, not just forgotten.
    expect(requestSignal.aborted).toBe(true)
    expect(await next).toMatchObject({ ok: true })
    expect((await c.ok('sync:status')).online).toBe(true)
  })

  it("main answers `cancelled` itself, and ignores other senders' ids and garbage", async () => {
    const registry = c.core.registry
    const call = registry.invoke('accounts:list', { q: 'Ив' }, { senderId: 'tab-1', callId: 5 })
    await held.reached()
    expect(registry.cancel('tab-2', 5)).toBe(false)
    for (const garbage of [-1, 1.5, '5', null, { id: 5 }])
      expect(registry.cancel('tab-1', garbage)).toBe(false)
    expect(await registry.invoke('accounts:list', {}, { senderId: 'tab-1', callId: 5 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(await registry.invoke('accounts:list', {}, { senderId: 'tab-1', callId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
    expect(registry.cancel('tab-1', 5)).toBe(true)
    expect(await call).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    // Finished: the id is free again, and cancelling it does nothing.
    expect(registry.cancel('tab-1', 5)).toBe(false)
    expect(
      await registry.invoke('accounts:list', { limit: 1 }, { senderId: 'tab-1', callId: 5 }),
    ).toMatchObject({
      ok: true,
    })
  })
})
