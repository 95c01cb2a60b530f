// The object the renderer talks to, whatever carries it (Electron's preload or the browser host's WebSocket).
import type { IpcChannel, IpcEventName } from './channels'
import type { IpcResult } from './contract'

export interface ProbonusBridge {
  /** Never rejects: failures come back as `{ ok: false, error }`. */
  invoke(channel: IpcChannel, input?: unknown): Promise<IpcResult<unknown>>
  /** Subscribes to an event main pushes; returns the unsubscribe. */
  on(event: IpcEventName, cb: (payload: unknown) => void): () => void
}
