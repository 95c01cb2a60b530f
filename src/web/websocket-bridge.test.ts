// The renderer's WebSocket bridge against a real browser host and core (the `ws` client stands in for the
// browser's WebSocket, with the Origin a browser would send, and the tab's session traded for the launch key).
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { createWebSocketBridge, type WebSocketBridge, type WebSocketLike } from '@shared/web/websocket-bridge'
import { HOST_STATUS_PATH, HOST_WS_PATH, hostStatus } from '@shared/web/protocol'
import { createIpcClient } from '@shared/ipc'
import type { Core } from '@main/core'
import { heldFetch, openCore } from '@main/testing/harness'
import { startSandbox } from '@server/testing'
import {
  createHostSession,
  HOST_SESSION_HEADER,
  HOST_SESSION_STORAGE_KEY,
  sessionProtocols,
} from '@shared/web/host-session'
import { startBrowserHost, type BrowserHost } from './host'

let base = ''
let host: BrowserHost
let bridge: WebSocketBridge | null = null
const sockets: WebSocket[] = []

async function newHost(core?: Core): Promise<BrowserHost> {
  const started = await startBrowserHost({
    ...(core ? { core } : { dataDir: join(base, 'data') }),
    rendererDir: join(base, 'renderer'),
    log: () => {},
  })
  return started
}

/** A tab's sessionStorage. */
function memoryStorage(): Map<string, string> & {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
} {
  const map = new Map<string, string>()
  return Object.assign(map, {
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  })
}

function openBridge(
  options: {
    launchKey?: string | null
    connectWaitMs?: number
    storage?: ReturnType<typeof memoryStorage>
  } = {},
): WebSocketBridge {
  const target = host
  const session = createHostSession({
    launchKey:
      options.launchKey === undefined
        ? new URL(target.urlWithKey).searchParams.get('key')
        : options.launchKey,
    storage: options.storage ?? memoryStorage(),
    post: (path, body) =>
      fetch(`${target.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: target.url },
        body,
      }),
  })
  bridge = createWebSocketBridge({
    url: `ws://127.0.0.1:${target.port}${HOST_WS_PATH}`,
    protocols: async () => sessionProtocols(await session()),
    createSocket: (url, protocols) => {
      const socket = new WebSocket(url, [...protocols], { headers: { origin: target.url } })
      socket.on('error', () => {})
      sockets.push(socket)
      return socket as unknown as WebSocketLike
    },
    fetchStatus: async () => {
      const current = await session()
      const headers: Record<string, string> = current ? { [HOST_SESSION_HEADER]: current } : {}
      const response = await fetch(`${target.url}${HOST_STATUS_PATH}`, { headers })
      return hostStatus.parse(await response.json())
    },
    connectWaitMs: options.connectWaitMs ?? 2000,
    reconnectDelaysMs: [50, 100],
  })
  return bridge
}

function states(target: WebSocketBridge): string[] {
  const seen = [target.connection.getState()]
  target.connection.subscribe(() => seen.push(target.connection.getState()))
  return seen
}

beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'probonus-bridge-'))
  await mkdir(join(base, 'renderer'))
  await writeFile(join(base, 'renderer', 'index.html'), '<!doctype html><title>ProBonus Admin</title>')
  host = await newHost()
})

afterEach(async () => {
  bridge?.close()
  bridge = null
  for (const socket of sockets.splice(0)) socket.terminate()
  await host.close()
  await rm(base, { recursive: true, force: true })
})

describe('the WebSocket bridge', () => {
  it('invokes contract channels and reports the connection open', async () => {
    const client = openBridge()
    const seen = states(client)
    expect(await client.invoke('profiles:list')).toMatchObject({ ok: true, data: { items: [] } })
    expect(seen).toEqual(['connecting', 'open'])
    expect(await client.invoke('nope:nothing' as never)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })

  it('delivers pushed events to subscribers until they unsubscribe', async () => {
    const client = openBridge()
    const received: unknown[] = []
    const unsubscribe = client.on('session:changed', (payload) => received.push(payload))
    await client.invoke('profiles:save', { name: 'Test', base_url: 'http://127.0.0.1:9' })
    await vi.waitFor(() => expect(received.length).toBeGreaterThan(0))
    unsubscribe()
    const count = received.length
    await client.invoke('profiles:save', { name: 'Test 2', base_url: 'http://127.0.0.1:9' })
    await client.invoke('profiles:list')
    expect(received).toHaveLength(count)
  })

  it('reconnects after the connection drops, and fails the calls that were in flight', async () => {
    const client = openBridge()
    const seen = states(client)
    await client.invoke('profiles:list')
    const inFlight = client.invoke('profiles:list')
    sockets.at(-1)?.terminate()
    expect(await inFlight).toMatchObject({ ok: false, error: { code: 'internal' } })
    await vi.waitFor(() => expect(seen).toEqual(['connecting', 'open', 'unreachable', 'open']))
    expect(await client.invoke('profiles:list')).toMatchObject({ ok: true })
  })

  it('says the host stopped, and fails waiting calls after a while', async () => {
    const client = openBridge({ connectWaitMs: 300 })
    await client.invoke('profiles:list')
    await host.close()
    await vi.waitFor(() => expect(client.connection.getState()).toBe('unreachable'))
    const result = await client.invoke('profiles:list')
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    if (!result.ok) expect(result.error.message).toMatch(/host/)
    host = await newHost()
  })

  it('says the browser lacks the key when the host refuses it', async () => {
    const client = openBridge({ launchKey: null, connectWaitMs: 300 })
    await vi.waitFor(() => expect(client.connection.getState()).toBe('unauthorized'))
    expect(await client.invoke('profiles:list')).toMatchObject({ ok: false })
  })

  it('cancels a superseded search in main, and stops the calls of a tab that closed', async () => {
    const sandbox = await startSandbox()
    const held = heldFetch(
      (url) => url.pathname.endsWith('/accounts/list') && url.searchParams.get('q') === 'Ив',
    )
    const c = await openCore({
      dataDir: join(base, 'core'),
      defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }],
      fetch: held.fetch,
    })
    try {
      await host.close()
      host = await newHost(c.core)
      const client = createIpcClient(openBridge())
      expect(await client.invoke('session:login', { username: 'admin', password: '111' })).toMatchObject({
        ok: true,
      })

      const first = new AbortController()
      const superseded = client.invoke('accounts:list', { q: 'Ив' }, { signal: first.signal })
      const requestSignal = await held.reached()
      const next = client.invoke('accounts:list', { q: 'Иван' }, { signal: new AbortController().signal })
      first.abort()
      expect(await superseded).toMatchObject({ ok: false, error: { code: 'cancelled' } })
      await vi.waitFor(() => expect(requestSignal.aborted).toBe(true))
      expect(await next).toMatchObject({ ok: true })

      // A tab that goes away mid-call: its request is aborted too.
      void client.invoke('accounts:list', { q: 'Ив' })
      const orphan = await held.reached()
      sockets.at(-1)?.terminate()
      await vi.waitFor(() => expect(orphan.aborted).toBe(true))
      expect((await c.ok('sync:status')).online).toBe(true)
    } finally {
      bridge?.close()
      bridge = null
      await host.close()
      host = await newHost()
      await c.close()
      await sandbox.dispose()
    }
  })

  it('says so for a wrong key too, and a tab keeps its session across reloads (same sessionStorage)', async () => {
    const wrong = openBridge({ launchKey: 'not-the-key', connectWaitMs: 300 })
    await vi.waitFor(() => expect(wrong.connection.getState()).toBe('unauthorized'))
    wrong.close()

    const storage = memoryStorage()
    const first = openBridge({ storage })
    expect(await first.invoke('profiles:list')).toMatchObject({ ok: true })
    const stored = storage.getItem(HOST_SESSION_STORAGE_KEY)
    expect(stored).toMatch(/^[\w-]{40,}$/)
    first.close()
    const reloaded = openBridge({ storage, launchKey: null })
    expect(await reloaded.invoke('profiles:list')).toMatchObject({ ok: true })
    expect(storage.getItem(HOST_SESSION_STORAGE_KEY)).toBe(stored)
  })
})
