// The direct transport: a ProbonusBridge over a registry in the same process (tests, benches).
import type { IpcChannel, ProbonusBridge } from '@shared/ipc'
import type { IpcRegistry } from './registry'

export function inProcessBridge(registry: IpcRegistry, senderId = 'in-process'): ProbonusBridge {
  return {
    invoke: (channel: IpcChannel, input?: unknown, callId?: number) =>
      registry.invoke(channel, input, callId === undefined ? { senderId } : { senderId, callId }),
    cancel: (callId) => {
      registry.cancel(senderId, callId)
    },
    on: (event, cb) =>
      registry.subscribe((name, payload) => {
        if (name === event) cb(payload)
      }),
  }
}
