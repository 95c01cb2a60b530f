// An in-memory stand-in for main, for component tests of hooks that call the IPC client. Only the channels a
// test gives handlers for answer; every call is recorded. (End-to-end tests use the real host and sandbox.)
import type { IpcChannel, IpcEventName, IpcResult, ProbonusBridge } from '@shared/ipc'
import { configureIpc } from '../ipc/client'

export type Handler = (input: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>

export interface FakeBridge extends ProbonusBridge {
  calls: { channel: IpcChannel; input: unknown; callId?: number }[]
  /** The call ids the renderer cancelled, in order. */
  cancelled: number[]
  emit(event: IpcEventName, payload: unknown): void
}

export function installFakeBridge(handlers: Partial<Record<IpcChannel, Handler>>): FakeBridge {
  const listeners = new Map<IpcEventName, Set<(payload: unknown) => void>>()
  const bridge: FakeBridge = {
    calls: [],
    cancelled: [],
    async invoke(channel, input, callId) {
      bridge.calls.push(callId === undefined ? { channel, input } : { channel, input, callId })
      const handler = handlers[channel]
      if (!handler) return { ok: false, error: { code: 'not_found', message: `No fake for ${channel}` } }
      return handler(input)
    },
    cancel(callId) {
      bridge.cancelled.push(callId)
    },
    on(event, cb) {
      const set = listeners.get(event) ?? new Set()
      set.add(cb)
      listeners.set(event, set)
      return () => set.delete(cb)
    },
    emit(event, payload) {
      for (const cb of listeners.get(event) ?? []) cb(payload)
    },
  }
  configureIpc(() => Promise.resolve(bridge))
  return bridge
}
