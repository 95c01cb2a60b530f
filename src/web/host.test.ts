// The browser host against a real core and a real sandbox server: the key-for-session trade, the Host and
// Origin checks, the WebSocket protocol, bad messages.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startSandbox, type Sandbox } from '@server/testing'
import { HOST_STATUS_PATH, HOST_WS_PATH, MAX_WS_MESSAGE_BYTES } from '@shared/web/protocol'
import {
  HOST_SESSION_HEADER,
  HOST_SESSION_PATH,
  HOST_WS_PROTOCOL,
  sessionProtocols,
} from '@shared/web/host-session'
import { startBrowserHost, type BrowserHost } from './host'

let sandbox: Sandbox
let host: BrowserHost
let base = ''
let key = ''
let session = ''

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A raw HTTP request (fetch would normalise the path and refuses to set Host). */
function raw(
  path: string,
  headers: Record<string, string> = {},
  post?: { body: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${host.url}${path}`,
      { method: post ? 'POST' : 'GET', headers: { host: `127.0.0.1:${host.port}`, ...headers } },
      (res) => {
        let body = ''
        res.on('data', (chunk: Buffer) => (body += chunk.toString()))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }))
      },
    )
    req.on('error', reject)
    req.end(post?.body)
  })
}

/** The page's trade of the launch key for a session. */
function trade(candidate: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw(
    HOST_SESSION_PATH,
    { 'content-type': 'application/json', origin: host.url, ...headers },
    { body: JSON.stringify({ key: candidate }) },
  )
}

function connect(
  headers: Record<string, string>,
  protocols: string[] = [HOST_WS_PROTOCOL],
): Promise<{ socket?: WebSocket; status?: number }> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${host.port}${HOST_WS_PATH}`, protocols, { headers })
    socket.once('open', () => resolve({ socket }))
    socket.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode })
      socket.terminate()
    })
    socket.once('error', () => resolve({}))
  })
}

/** A connection as the page makes it: its Origin, its session offered as a subprotocol. */
function connectAsPage(): Promise<{ socket?: WebSocket; status?: number }> {
  return connect({ origin: host.url }, sessionProtocols(session))
}

/** Sends a frame and waits for the answer that satisfies `match`. */
function exchange(
  socket: WebSocket,
  frame: string | Buffer,
  match: (message: Record<string, unknown>) => boolean,
) {
  return new Promise<Record<string, unknown>>((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString()) as Record<string, unknown>
      if (match(message)) {
        socket.off('message', onMessage)
        resolve(message)
      }
    }
    socket.on('message', onMessage)
    socket.send(frame)
  })
}

beforeAll(async () => {
  sandbox = await startSandbox()
  base = await mkdtemp(join(tmpdir(), 'probonus-host-'))
  const rendererDir = join(base, 'renderer')
  await mkdir(join(rendererDir, 'assets'), { recursive: true })
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>ProBonus Admin</title>')
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app")')
  await writeFile(join(base, 'secret.txt'), 'outside the renderer')
  host = await startBrowserHost({
    dataDir: join(base, 'data'),
    defaultProfiles: [{ name: 'Локальная песочница', baseUrl: sandbox.url }],
    rendererDir,
    log: () => {},
  })
  key = new URL(host.urlWithKey).searchParams.get('key') ?? ''
  session = (JSON.parse((await trade(key)).body) as { session: string }).session
})

afterAll(async () => {
  await host?.close()
  await sandbox?.dispose()
  if (base) await rm(base, { recursive: true, force: true })
})

describe('the browser host over HTTP', () => {
  it('listens on 127.0.0.1 and prints a URL with a per-launch key', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}`)
    expect(new URL(host.urlWithKey).searchParams.get('key')).toMatch(/^[\w-]{40,}$/)
  })

  it('opens the app from the printed link without setting a cookie; a wrong key gets a plain refusal', async () => {
    const opened = await raw(`/?key=${key}`)
    expect(opened.status).toBe(200)
    expect(opened.body).toContain('ProBonus Admin')
    expect(opened.headers['set-cookie']).toBeUndefined()
    expect((await raw('/?key=wrong')).status).toBe(403)
  })

  it('trades the key for a new session per tab, never for the key itself, and only from its own origin', async () => {
    const first = await trade(key)
    const second = await trade(key)
    expect(first.status).toBe(200)
    expect(first.headers['set-cookie']).toBeUndefined()
    expect(first.headers['cache-control']).toBe('no-store')
    const sessions = [first, second].map((r) => (JSON.parse(r.body) as { session: string }).session)
    expect(new Set([...sessions, key, session]).size).toBe(4)
    expect((await trade('wrong')).status).toBe(403)
    expect((await trade(key, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await trade(key, { 'content-type': 'text/plain' })).status).toBe(400)

    const status = (headers: Record<string, string>) =>
      raw(HOST_STATUS_PATH, headers).then((r) => JSON.parse(r.body))
    expect(await status({ [HOST_SESSION_HEADER]: session })).toEqual({ authorized: true })
    expect(await status({ [HOST_SESSION_HEADER]: key })).toEqual({ authorized: false })
    expect(await status({})).toEqual({ authorized: false })
  })

  it('serves the renderer with the CSP and client routes, nothing outside it', async () => {
    const index = await raw('/')
    expect(index.status).toBe(200)
    expect(index.body).toContain('ProBonus Admin')
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect(index.headers['x-frame-options']).toBe('DENY')
    expect((await raw('/assets/app.js')).headers['content-type']).toMatch(/javascript/)
    expect((await raw('/ladders/12')).body).toContain('ProBonus Admin')
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt']) {
      const response = await raw(path)
      expect(response.body, path).not.toContain('outside the renderer')
    }
    expect((await raw('/assets/missing.js')).status).toBe(404)
  })

  it('answers only requests addressed to itself (no DNS rebinding)', async () => {
    expect((await raw('/', { host: `evil.example:${host.port}` })).status).toBe(421)
    expect((await raw('/', { host: `localhost:${host.port}` })).status).toBe(200)
    expect((await raw('/', { host: '127.0.0.1' })).status).toBe(421)
  })
})

describe('the browser host WebSocket', () => {
  it('refuses a connection without the key, from another Origin, or addressed to another Host', async () => {
    const own = sessionProtocols(session)
    expect(await connect({ origin: host.url })).toEqual({ status: 401 })
    expect(await connect({ origin: 'http://evil.example' }, own)).toEqual({ status: 403 })
    expect(await connect({ origin: `http://127.0.0.1:${host.port + 1}` }, own)).toEqual({ status: 403 })
    expect(await connect({}, own)).toEqual({ status: 403 })
    expect(await connect({ origin: host.url, host: `evil.example:${host.port}` }, own)).toEqual({
      status: 421,
    })
    expect(await connect({ origin: host.url }, sessionProtocols('guess'))).toEqual({ status: 401 })
    // The launch key is not a session, neither offered as one nor as the cookie the host once set.
    expect(await connect({ origin: host.url }, sessionProtocols(key))).toEqual({ status: 401 })
    expect(await connect({ origin: host.url, cookie: `probonus_host_${host.port}=${key}` })).toEqual({
      status: 401,
    })
    const { socket } = await connectAsPage()
    expect(socket?.protocol).toBe(HOST_WS_PROTOCOL)
    socket?.close()
  })

  it('carries the contract: invoke by id, events pushed, a login into the sandbox', async () => {
    const { socket } = await connectAsPage()
    if (!socket) throw new Error('no connection')
    const profiles = await exchange(
      socket,
      JSON.stringify({ type: 'invoke', id: 1, channel: 'profiles:list' }),
      (m) => m.id === 1,
    )
    expect(profiles).toMatchObject({
      type: 'result',
      result: { ok: true, data: { items: [{ name: 'Локальная песочница', base_url: sandbox.url }] } },
    })
    const sessionEvent = new Promise<Record<string, unknown>>((resolve) => {
      socket.on('message', (data) => {
        const message = JSON.parse(data.toString()) as Record<string, unknown>
        if (message.type === 'event' && message.event === 'session:changed') resolve(message)
      })
    })
    const login = await exchange(
      socket,
      JSON.stringify({
        type: 'invoke',
        id: 2,
        channel: 'session:login',
        input: { username: 'admin', password: '111' },
      }),
      (m) => m.id === 2,
    )
    expect(login).toMatchObject({
      result: { ok: true, data: { status: 'signed_in', user: { login: 'admin' } } },
    })
    expect(await sessionEvent).toMatchObject({ payload: { status: 'signed_in' } })
    expect(JSON.stringify(login)).not.toMatch(/access_token|refresh_token/)
    socket.close()
  })

  it('answers bad messages with error envelopes and stays up', async () => {
    const { socket } = await connectAsPage()
    if (!socket) throw new Error('no connection')
    const isResult = (id: number | null) => (m: Record<string, unknown>) => m.type === 'result' && m.id === id
    expect(await exchange(socket, 'not json', isResult(null))).toMatchObject({
      result: { ok: false, error: { code: 'bad_request' } },
    })
    expect(await exchange(socket, Buffer.from([1, 2, 3]), isResult(null))).toMatchObject({
      result: { ok: false, error: { code: 'bad_request' } },
    })
    expect(await exchange(socket, JSON.stringify({ type: 'invoke', id: 7 }), isResult(7))).toMatchObject({
      result: { ok: false, error: { code: 'bad_request' } },
    })
    expect(
      await exchange(socket, JSON.stringify({ type: 'invoke', id: 8, channel: 'shell:exec' }), isResult(8)),
    ).toMatchObject({ result: { ok: false, error: { code: 'bad_request' } } })
    expect(
      await exchange(
        socket,
        JSON.stringify({ type: 'invoke', id: 9, channel: 'session:login', input: { username: 5 } }),
        isResult(9),
      ),
    ).toMatchObject({ result: { ok: false, error: { code: 'bad_request' } } })
    const big = 'x'.repeat(1_100_000)
    expect(
      await exchange(
        socket,
        JSON.stringify({
          type: 'invoke',
          id: 10,
          channel: 'profiles:save',
          input: { name: big, base_url: sandbox.url },
        }),
        isResult(10),
      ),
    ).toMatchObject({ result: { ok: false, error: { code: 'bad_request' } } })
    expect(
      await exchange(
        socket,
        JSON.stringify({ type: 'invoke', id: 11, channel: 'profiles:list' }),
        isResult(11),
      ),
    ).toMatchObject({ result: { ok: true } })
    socket.close()
  })

  it('closes a connection that sends more than the message limit', async () => {
    const { socket } = await connectAsPage()
    if (!socket) throw new Error('no connection')
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    socket.send('x'.repeat(MAX_WS_MESSAGE_BYTES + 1))
    expect(await closed).toBe(1009)
    const again = await connectAsPage()
    expect(again.socket).toBeDefined()
    again.socket?.close()
  })
})
