// Test support: a real sandbox server plus cores over temp data dirs, talking through the in-process transport.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  ipcEvents,
  type IpcChannel,
  type IpcEventName,
  type IpcInput,
  type IpcOutput,
  type IpcResult,
} from '@shared/ipc'
import { createCore, type Core, type CoreOptions } from '../core'

export interface FetchLog {
  fetch: typeof fetch
  /** `METHOD /path` of every request sent. */
  requests: string[]
  count(method: string, path: string): number
}

/** Wraps the global fetch to count what goes out (the server is real; this only watches). */
export function countingFetch(): FetchLog {
  const requests: string[] = []
  const wrapped: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    requests.push(`${init?.method ?? 'GET'} ${url.pathname}`)
    return fetch(input, init)
  }
  return {
    fetch: wrapped,
    requests,
    count: (method, path) => requests.filter((request) => request === `${method} ${path}`).length,
  }
}

export function tempDir(prefix = 'probonus-core-'): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix))
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) }
}

export interface TestCore {
  core: Core
  events: { event: IpcEventName; payload: unknown }[]
  call<C extends IpcChannel>(channel: C, input?: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>>
  /** Like `call`, but throws with the error envelope when it fails. */
  ok<C extends IpcChannel>(channel: C, input?: IpcInput<C>): Promise<IpcOutput<C>>
  close(): Promise<void>
}

export async function openCore(options: CoreOptions): Promise<TestCore> {
  const core = await createCore({ validateOutputs: true, log: () => {}, ...options })
  const events: TestCore['events'] = []
  const badEvents: string[] = []
  const unsubscribe = core.registry.subscribe((event, payload) => {
    events.push({ event, payload })
    const checked = ipcEvents[event].safeParse(payload)
    if (!checked.success) badEvents.push(`${event}: ${checked.error.message}`)
  })
  const call = <C extends IpcChannel>(channel: C, input?: IpcInput<C>) =>
    core.registry.invoke(channel, input) as Promise<IpcResult<IpcOutput<C>>>
  return {
    core,
    events,
    call,
    ok: async (channel, input) => {
      const result = await call(channel, input)
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
      return result.data
    },
    close: async () => {
      unsubscribe()
      await core.close()
      // Every event pushed during the test matched the contract.
      if (badEvents.length > 0) throw new Error(`Events off the contract:\n${badEvents.join('\n')}`)
    },
  }
}

/** Polls `check` (for conditions driven by timers, like the health monitor) until it holds or `ms` pass. */
export async function eventually(check: () => boolean | Promise<boolean>, ms = 10_000, what = 'condition') {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Reads the server directly (bare fetch, own login): what the server holds, independent of any core. */
export async function serverReader(baseUrl: string, username = 'admin', password = '111') {
  const api = `${baseUrl}/api/v0`
  const login = await fetch(`${api}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const { access_token: token } = (await login.json()) as { access_token: string }
  return async <T = unknown>(path: string): Promise<T> => {
    const response = await fetch(`${api}${path}`, { headers: { authorization: `Bearer ${token}` } })
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`)
    return (await response.json()) as T
  }
}

export interface HeldFetch {
  fetch: typeof fetch
  /** Resolves with the request's signal once a matching request reaches fetch (and is held there). */
  reached(): Promise<AbortSignal>
}

/**
 * Wraps the global fetch so that requests matching `hold` wait before going out, until their signal aborts (then
 * they go out aborted, as a cancelled fetch does) — so a test can cancel a request while it is surely in flight.
 * Everything else goes to the real server at once.
 */
export function heldFetch(hold: (url: URL) => boolean): HeldFetch {
  const waiters: ((signal: AbortSignal) => void)[] = []
  const reachedSignals: AbortSignal[] = []
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const signal = init?.signal
    if (signal && hold(url)) {
      const waiter = waiters.shift()
      if (waiter) waiter(signal)
      else reachedSignals.push(signal)
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }))
    }
    return fetch(input, init)
  }
  return {
    fetch: wrapped,
    reached: () => {
      const signal = reachedSignals.shift()
      return signal ? Promise.resolve(signal) : new Promise((resolve) => waiters.push(resolve))
    },
  }
}
