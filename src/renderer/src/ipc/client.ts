// The renderer's one door to main: a typed client over whichever bridge exists (Electron's preload or the
// browser host's WebSocket). Calls never throw: a broken bridge comes back as an `internal` error envelope.
import {
  createIpcClient,
  type IpcChannel,
  type IpcClient,
  type IpcError,
  type IpcEventName,
  type IpcEventPayload,
  type IpcInput,
  type IpcOutput,
  type IpcResult,
  type ProbonusBridge,
} from '@shared/ipc'

export type { IpcError, IpcResult }

type BridgeSource = () => Promise<ProbonusBridge>

let source: BridgeSource | null = null
let clientPromise: Promise<IpcClient> | null = null

/** Called once at start with the shell's `getBridge`; tests pass an in-memory bridge. */
export function configureIpc(getBridge: BridgeSource): void {
  source = getBridge
  clientPromise = null
}

function client(): Promise<IpcClient> {
  if (!clientPromise) {
    if (!source) return Promise.reject(new Error('IPC is not configured: call configureIpc(getBridge) first'))
    const pending = source().then(createIpcClient)
    // A failed connection is not cached: the next call tries again.
    pending.catch(() => {
      if (clientPromise === pending) clientPromise = null
    })
    clientPromise = pending
  }
  return clientPromise
}

function internalError(cause: unknown): { ok: false; error: IpcError } {
  const message = cause instanceof Error ? cause.message : String(cause)
  return { ok: false, error: { code: 'internal', message } }
}

/** Calls a channel of the contract. Resolves with the envelope, never rejects. */
export async function invoke<C extends IpcChannel>(
  channel: C,
  ...input: undefined extends IpcInput<C> ? [input?: IpcInput<C>] : [input: IpcInput<C>]
): Promise<IpcResult<IpcOutput<C>>> {
  try {
    const ipc = await client()
    return await ipc.invoke(channel, input[0])
  } catch (cause) {
    return internalError(cause)
  }
}

/**
 * Calls a channel with a signal (a query): aborting it cancels the call in main, HTTP request included, and the
 * call answers `cancelled` at once. Resolves with the envelope, never rejects.
 */
export async function invokeCancellable<C extends IpcChannel>(
  channel: C,
  input: IpcInput<C> | undefined,
  signal: AbortSignal,
): Promise<IpcResult<IpcOutput<C>>> {
  try {
    const ipc = await client()
    return await ipc.invoke(channel, input, { signal })
  } catch (cause) {
    return internalError(cause)
  }
}

/**
 * Subscribes to an event main pushes. Returns the unsubscribe at once, even though the bridge connects
 * asynchronously (an unsubscribe before the connection simply never subscribes).
 */
export function on<E extends IpcEventName>(event: E, cb: (payload: IpcEventPayload<E>) => void): () => void {
  let unsubscribe: (() => void) | null = null
  let cancelled = false
  client().then(
    (ipc) => {
      if (!cancelled) unsubscribe = ipc.on(event, cb)
    },
    () => undefined,
  )
  return () => {
    cancelled = true
    unsubscribe?.()
  }
}

/** Unwraps an envelope or throws an `IpcCallError` (for places where a throw is the natural flow). */
export class IpcCallError extends Error {
  constructor(readonly error: IpcError) {
    super(error.message)
    this.name = 'IpcCallError'
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (result.ok) return result.data
  throw new IpcCallError(result.error)
}
