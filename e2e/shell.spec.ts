// The shell in Chromium through the browser host, against a real sandbox: the app loads under its CSP, a login
// over the bridge works, nothing on the page can read a token or the host's key, the WebSocket refuses
// strangers, no other server on 127.0.0.1 gets anything that opens it, and the built preload exposes only
// `invoke`, `cancel` and `on`.
import { readFileSync } from 'node:fs'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import { createCore } from '../src/main/core'
import { HOST_WS_PATH } from '../src/shared/web/protocol'
import { HOST_SESSION_STORAGE_KEY, HOST_WS_PROTOCOL, sessionProtocols } from '../src/shared/web/host-session'
import { startBrowserHost } from '../src/web/host'
import { expect, SANDBOX_PROFILE_NAME, test } from './fixtures'

/** The session the page traded its launch key for (it does so as it starts). */
async function pageSession(page: Page): Promise<string> {
  const handle = await page.waitForFunction((key) => sessionStorage.getItem(key), HOST_SESSION_STORAGE_KEY)
  return String(await handle.jsonValue())
}

/** Calls the contract from inside the page over the host's WebSocket (the page's own session and origin). */
async function invokeInPage(page: Page, channel: string, input?: unknown): Promise<unknown> {
  const protocols = sessionProtocols(await pageSession(page))
  return page.evaluate(
    async ({ path, channel, input, protocols }) =>
      new Promise((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}${path}`, protocols)
        socket.onerror = () => reject(new Error('WebSocket refused'))
        socket.onopen = () => socket.send(JSON.stringify({ type: 'invoke', id: 1, channel, input }))
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id: number; result: unknown }
          if (message.type === 'result' && message.id === 1) {
            socket.close()
            resolve(message.result)
          }
        }
      }),
    { path: HOST_WS_PATH, channel, input, protocols },
  )
}

/** Everything page scripts can reach that might hold a secret, as one string. */
async function everythingThePageCanRead(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [document.cookie, document.documentElement.outerHTML, location.href]
    for (const storage of [localStorage, sessionStorage]) {
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i) ?? ''
        parts.push(key, storage.getItem(key) ?? '')
      }
    }
    const databases = await indexedDB.databases()
    parts.push(...databases.map((database) => database.name ?? ''))
    const seen = new WeakSet<object>()
    const walk = (value: unknown, depth: number): void => {
      if (typeof value === 'string') parts.push(value)
      if (typeof value !== 'object' || value === null || depth > 3 || seen.has(value)) return
      if (value instanceof Node) return
      seen.add(value)
      for (const key of Object.keys(value)) {
        parts.push(key)
        try {
          walk((value as Record<string, unknown>)[key], depth + 1)
        } catch {
          // Getters that throw are not readable either.
        }
      }
    }
    for (const key of Object.getOwnPropertyNames(window)) {
      try {
        walk((window as unknown as Record<string, unknown>)[key], 0)
      } catch {
        // Cross-origin or throwing getters.
      }
    }
    return parts.join('\n')
  })
}

test('the app loads from the host under its CSP', async ({ app, host }) => {
  await expect(app).toHaveTitle('ProBonus Admin')
  const response = await app.request.get(`${host.url}/`)
  expect(response.headers()['content-security-policy']).toContain("script-src 'self'")
  expect(response.headers()['x-frame-options']).toBe('DENY')
  const inline = await app.evaluate(() => document.querySelectorAll('script:not([src])').length)
  expect(inline).toBe(0)
  // The window's icon is the app's own (build/icon.png), not a 404.
  const icon = await app.evaluate(
    () => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? '',
  )
  const answer = await app.request.get(icon || `${host.url}/favicon.ico`)
  expect(answer.status()).toBe(200)
  expect(answer.headers()['content-type']).toContain('image/png')
})

test('logs into the sandbox as admin/111 through the bridge; the page shows the user', async ({
  app,
  sandbox,
}) => {
  const profiles = (await invokeInPage(app, 'profiles:list')) as {
    ok: boolean
    data: { items: { name: string; base_url: string }[] }
  }
  expect(profiles.data.items).toEqual([
    expect.objectContaining({ name: SANDBOX_PROFILE_NAME, base_url: sandbox.url }),
  ])

  const login = (await invokeInPage(app, 'session:login', { username: 'admin', password: '111' })) as {
    ok: boolean
    data: { status: string; user: { login: string; name: string } }
  }
  expect(login).toMatchObject({ ok: true, data: { status: 'signed_in', user: { login: 'admin' } } })
  const name = login.data.user.name
  expect(name.length).toBeGreaterThan(0)

  const state = (await invokeInPage(app, 'session:state')) as { data: { user: { name: string } } }
  expect(state.data.user.name).toBe(name)
  // The page learns of the login from main's session:changed event and shows who is logged in.
  await expect(app.locator('body')).toContainText(name)
})

test('no bridge object is left on window; the built preload exposes only invoke, cancel and on', async ({
  app,
  browser,
}) => {
  expect(await app.evaluate(() => 'probonus' in window)).toBe(false)

  // The real preload bundle, run in Chromium with `electron` stood in for: what does the page get?
  const preload = readFileSync(join(import.meta.dirname, '..', 'out', 'preload', 'index.cjs'), 'utf8')
  const page = await browser.newPage()
  await page.goto('about:blank')
  const exposed = await page.evaluate(async (source) => {
    const required: string[] = []
    const calls: string[] = []
    const electron = {
      contextBridge: {
        exposeInMainWorld: (key: string, api: unknown) => {
          Object.defineProperty(window, key, { value: api })
        },
      },
      ipcRenderer: {
        invoke: async (channel: string) => {
          calls.push(channel)
          return { ok: true, data: null }
        },
        on: () => {},
        removeListener: () => {},
        send: () => {},
      },
    }
    const requireStub = (name: string): unknown => {
      required.push(name)
      if (name !== 'electron') throw new Error(`the preload required ${name}`)
      return electron
    }
    new Function('require', 'module', 'exports', source)(requireStub, { exports: {} }, {})
    const bridge = (window as unknown as { probonus: Record<string, unknown> }).probonus
    const keys = Object.keys(bridge)
    const unknownChannel = await (bridge.invoke as (c: string) => Promise<unknown>)('shell:exec')
    const known = await (bridge.invoke as (c: string) => Promise<unknown>)('session:state')
    return { keys, required, calls, unknownChannel, known }
  }, preload)
  await page.close()
  expect(exposed.keys.sort()).toEqual(['cancel', 'invoke', 'on'])
  expect(exposed.required).toEqual(['electron'])
  expect(exposed.unknownChannel).toMatchObject({ ok: false, error: { code: 'bad_request' } })
  expect(exposed.calls).toEqual(['session:state'])
})

test('after a login no token or host key is readable from the page', async ({ page, sandbox, dataDir }) => {
  // A core whose HTTP traffic is watched, so the test knows the exact tokens main holds.
  const tokens = new Set<string>()
  const watchingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init)
    if (String(input instanceof Request ? input.url : input).includes('/auth/')) {
      const body: unknown = await response
        .clone()
        .json()
        .catch(() => null)
      if (body && typeof body === 'object') {
        for (const key of ['access_token', 'refresh_token'] as const) {
          const value = (body as Record<string, unknown>)[key]
          if (typeof value === 'string') tokens.add(value)
        }
      }
    }
    return response
  }
  const core = await createCore({
    dataDir,
    defaultProfiles: [{ name: SANDBOX_PROFILE_NAME, baseUrl: sandbox.url }],
    fetch: watchingFetch,
    log: () => {},
  })
  const host = await startBrowserHost({ core, log: () => {} })
  try {
    await page.goto(host.urlWithKey)
    await expect(page.locator('#root > *').first()).toBeVisible()
    const login = await invokeInPage(page, 'session:login', { username: 'admin', password: '111' })
    expect(login).toMatchObject({ ok: true })
    await invokeInPage(page, 'session:state')
    expect(tokens.size).toBeGreaterThanOrEqual(2)

    const readable = await everythingThePageCanRead(page)
    for (const token of tokens)
      expect(readable.includes(token), 'a token is readable from the page').toBe(false)
    expect(readable).not.toMatch(/access_token|refresh_token/)
    const key = new URL(host.urlWithKey).searchParams.get('key') ?? ''
    expect(readable.includes(key), 'the host key is readable from the page').toBe(false)
    expect(await page.evaluate(() => document.cookie)).toBe('')
  } finally {
    await host.close()
    await core.close()
  }
})

/** One WebSocket attempt from a script, which can forge any header: 'open' or the refusal's status. */
function attempt(port: number, headers: Record<string, string>, protocols: string[] = [HOST_WS_PROTOCOL]) {
  return new Promise<number | 'open'>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}${HOST_WS_PATH}`, protocols, { headers })
    socket.once('open', () => {
      socket.close()
      resolve('open')
    })
    socket.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0)
      socket.terminate()
    })
    socket.once('error', () => {})
  })
}

test('the WebSocket refuses a connection without the session or from another Origin', async ({
  app,
  host,
  sandbox,
}) => {
  const own = sessionProtocols(await pageSession(app))
  expect(await attempt(host.port, { origin: host.url })).toBe(401)
  expect(await attempt(host.port, { origin: 'http://evil.example' }, own)).toBe(403)
  expect(await attempt(host.port, { origin: sandbox.url }, own)).toBe(403)
  expect(await attempt(host.port, { origin: host.url }, own)).toBe('open')

  // A page of another local origin cannot open it either (it has no session, and its Origin is not ours).
  await app.goto(`${sandbox.url}/api/v0/health`)
  const fromOtherOrigin = await app.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url)
        socket.onopen = () => resolve('open')
        socket.onerror = () => resolve('refused')
      }),
    `ws://127.0.0.1:${host.port}${HOST_WS_PATH}`,
  )
  expect(fromOtherOrigin).toBe('refused')
})

test('another web server on 127.0.0.1 receives nothing that opens the app', async ({ app, host }) => {
  // The attack: any local server (another user's, a dev server) sees what the browser sends to 127.0.0.1.
  const received: IncomingHttpHeaders[] = []
  const other = createServer((request, response) => {
    received.push(request.headers)
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>other</title>')
  })
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve))
  const otherUrl = `http://127.0.0.1:${(other.address() as AddressInfo).port}`
  try {
    // The app is used: a login, a reload (the tab keeps its session), a second tab from the printed link.
    expect(await invokeInPage(app, 'session:login', { username: 'admin', password: '111' })).toMatchObject({
      ok: true,
    })
    await app.reload()
    expect(await invokeInPage(app, 'session:state')).toMatchObject({ ok: true })
    const second = await app.context().newPage()
    await second.goto(host.urlWithKey)
    await pageSession(second)
    // Then the browser talks to the other server (the app's CSP keeps the app's own pages from doing so): both
    // tabs navigate there, and its page makes a request of its own.
    const session = await pageSession(app)
    await app.goto(`${otherUrl}/visited`)
    await second.goto(`${otherUrl}/visited-too`)
    await second.evaluate(
      (url) => fetch(url, { method: 'POST', credentials: 'include', body: 'x' }).then(() => undefined),
      `${otherUrl}/posted`,
    )
    expect(received.length).toBeGreaterThanOrEqual(3)

    const key = new URL(host.urlWithKey).searchParams.get('key') ?? ''
    for (const headers of received) {
      expect(headers.cookie, 'a cookie reached the other server').toBeUndefined()
      const text = JSON.stringify(headers)
      expect(text.includes(key), 'the launch key reached the other server').toBe(false)
      // Replay everything it got against the host's WebSocket, with our Origin forged: refused.
      const replayed: Record<string, string> = {}
      for (const [name, value] of Object.entries(headers)) {
        if (
          typeof value === 'string' &&
          !/^(host|connection|upgrade|content-length|sec-websocket-)/.test(name)
        )
          replayed[name] = value
      }
      replayed.origin = host.url
      expect(await attempt(host.port, replayed)).toBe(401)
    }
    // The page's own session, offered from a script with a forged Origin, does open it: the refusals are real.
    expect(await attempt(host.port, { origin: host.url }, sessionProtocols(session))).toBe('open')
  } finally {
    // The browser keeps its connections to the other server alive: close them, or close() waits until the timeout.
    other.closeAllConnections()
    await new Promise<void>((resolve) => other.close(() => resolve()))
  }
})
