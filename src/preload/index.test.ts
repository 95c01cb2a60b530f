// @vitest-environment happy-dom
// The preload with `electron` stubbed at its one boundary: what it puts in the page, and what it refuses.
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS, IPC_EVENTS } from '@shared/ipc/channels'
import type { ProbonusBridge } from '@shared/ipc/bridge'

type Listener = (event: unknown, payload: unknown) => void

const stub = vi.hoisted(() => {
  const exposed = new Map<string, unknown>()
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>()
  const invoke = vi.fn(async (channel: string, input: unknown) => ({ ok: true, data: { channel, input } }))
  const send = vi.fn()
  return {
    exposed,
    listeners,
    invoke,
    send,
    electron: {
      contextBridge: {
        exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value),
      },
      ipcRenderer: {
        invoke,
        send,
        on: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          if (!listeners.has(channel)) listeners.set(channel, new Set())
          listeners.get(channel)?.add(listener)
        },
        removeListener: (channel: string, listener: (event: unknown, payload: unknown) => void) => {
          listeners.get(channel)?.delete(listener)
        },
      },
    },
  }
})

vi.mock('electron', () => ({ ...stub.electron, default: stub.electron }))

let bridge: ProbonusBridge

beforeAll(async () => {
  await import('./index')
  bridge = stub.exposed.get('probonus') as ProbonusBridge
})

function emit(channel: string, payload: unknown): void {
  for (const listener of stub.listeners.get(channel) ?? []) (listener as Listener)({ sender: 'ipc' }, payload)
}

describe('the preload', () => {
  it('exposes window.probonus with invoke, cancel and on, and nothing else', () => {
    expect([...stub.exposed.keys()]).toEqual(['probonus'])
    expect(Object.keys(bridge).sort()).toEqual(['cancel', 'invoke', 'on'])
  })

  it('forwards every contract channel to ipcRenderer.invoke', async () => {
    for (const channel of IPC_CHANNELS) {
      expect(await bridge.invoke(channel, { x: 1 })).toEqual({ ok: true, data: { channel, input: { x: 1 } } })
    }
    expect(stub.invoke).toHaveBeenCalledTimes(IPC_CHANNELS.length)
  })

  it('answers other channel names with an error envelope and sends nothing', async () => {
    stub.invoke.mockClear()
    for (const channel of ['shell:exec', '__proto__', 'session:login ', '', 42, null]) {
      const result = await bridge.invoke(channel as never)
      expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    }
    expect(stub.invoke).not.toHaveBeenCalled()
  })

  it('turns a failed or throwing ipcRenderer.invoke into an envelope', async () => {
    stub.invoke.mockRejectedValueOnce(new Error('No handler registered'))
    expect(await bridge.invoke('session:state')).toMatchObject({ ok: false, error: { code: 'internal' } })
    stub.invoke.mockImplementationOnce(() => {
      throw new Error('An object could not be cloned')
    })
    expect(await bridge.invoke('session:state', { f: () => 1 })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })

  it('sends a call id with a cancellable call, and cancels only well-formed ids', async () => {
    stub.invoke.mockClear()
    await bridge.invoke('accounts:list', { q: 'Ив' }, 7)
    expect(stub.invoke).toHaveBeenLastCalledWith('accounts:list', { q: 'Ив' }, 7)
    for (const callId of [-1, 1.5, '7', Number.MAX_VALUE]) {
      expect(await bridge.invoke('accounts:list', {}, callId as never)).toMatchObject({
        ok: false,
        error: { code: 'bad_request' },
      })
    }
    expect(stub.invoke).toHaveBeenCalledTimes(1)
    stub.send.mockClear()
    bridge.cancel(7)
    for (const callId of [-1, '7', null, { id: 7 }]) bridge.cancel(callId as never)
    expect(stub.send.mock.calls).toEqual([['ipc:cancel', 7]])
    stub.send.mockClear()
  })

  it('passes only the payload of contract events, and unsubscribes', () => {
    const received: unknown[] = []
    const unsubscribe = bridge.on('session:changed', (...args: unknown[]) => received.push(args))
    emit('session:changed', { status: 'signed_in' })
    expect(received).toEqual([[{ status: 'signed_in' }]])
    unsubscribe()
    emit('session:changed', { status: 'signed_out' })
    expect(received).toHaveLength(1)
  })

  it('subscribes to contract events only', () => {
    for (const event of IPC_EVENTS) bridge.on(event, () => {})()
    const cb = vi.fn()
    const unsubscribe = bridge.on('ELECTRON_BROWSER_REQUIRE' as never, cb)
    expect(stub.listeners.has('ELECTRON_BROWSER_REQUIRE')).toBe(false)
    expect(() => unsubscribe()).not.toThrow()
    expect(() => bridge.on('sync:status', 'not a function' as never)()).not.toThrow()
  })

  it('tells main the language the page shows, and nothing else', async () => {
    document.documentElement.lang = 'ru'
    window.dispatchEvent(new Event('DOMContentLoaded'))
    expect(stub.send).toHaveBeenLastCalledWith('shell:language', 'ru')
    document.documentElement.lang = 'en'
    await vi.waitFor(() => expect(stub.send).toHaveBeenLastCalledWith('shell:language', 'en'))
    document.documentElement.lang = 'en'
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stub.send.mock.calls.every(([channel]) => channel === 'shell:language')).toBe(true)
    expect(stub.send).toHaveBeenCalledTimes(2)
  })
})
