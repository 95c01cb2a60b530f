// The object the renderer talks to, whatever carries it (Electron's preload or the browser host's WebSocket).
import type { IpcChannel, IpcEventName } from './channels'
import type { IpcResult } from './contract'

export interface ProbonusBridge {
  /**
   * Never rejects: failures come back as `{ ok: false, error }`. With a `callId` (an integer ≥ 0, unique for this
   * page: see `isCallId`) the call can be cancelled with `cancel(callId)`.
   */
  invoke(channel: IpcChannel, input?: unknown, callId?: number): Promise<IpcResult<unknown>>
  /** Asks main to stop call `callId` (its HTTP request is aborted; it answers `cancelled`). Unknown ids are ignored. */
  cancel(callId: number): void
  /** Subscribes to an event main pushes; returns the unsubscribe. */
  on(event: IpcEventName, cb: (payload: unknown) => void): () => void
}
