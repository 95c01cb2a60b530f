// An in-memory stand-in for main, for component tests of hooks that call the IPC client. Only the channels a
// test gives handlers for answer; every call is recorded. (End-to-end tests use the real host and sandbox.)
import type { IpcChannel, IpcEventName, IpcResult, ProbonusBridge } from '@shared/ipc'
import { configureIpc } from '../ipc/client'

export type Handler = (input: unknown) => IpcResult<unknown> | Promise<IpcResult<unknown>>

export interface FakeBridge extends ProbonusBridge {
  calls: { channel: IpcChannel; input: unknown }[]
  emit(event: IpcEventName, payload: unknown): void
}

export function installFakeBridge(handlers: Partial<Record<IpcChannel, Handler>>): FakeBridge {
  const listeners = new Map<IpcEventName, Set<(payload: unknown) => void>>()
  const bridge: FakeBridge = {
    calls: [],
    async invoke(channel, input) {
      bridge.calls.push({ channel, input })
      const handler = handlers[channel]
      if (!handler) return { ok: false, error: { code: 'not_found', message: `No fake for ${channel}` } }
      return handler(input)
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
