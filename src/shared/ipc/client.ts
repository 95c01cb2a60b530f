// A typed face over the untyped bridge, for renderer stores and tests.
import type { ProbonusBridge } from './bridge'
import type { IpcChannel, IpcEventName } from './channels'
import type { IpcEventPayload, IpcInput, IpcOutput, IpcResult } from './contract'

export interface IpcCallOptions {
  /** Aborting it cancels the call in main (its HTTP request too); the call then answers `cancelled` at once. */
  signal?: AbortSignal
}

export interface IpcClient {
  invoke<C extends IpcChannel>(
    channel: C,
    input?: IpcInput<C>,
    options?: IpcCallOptions,
  ): Promise<IpcResult<IpcOutput<C>>>
  on<E extends IpcEventName>(event: E, cb: (payload: IpcEventPayload<E>) => void): () => void
}

export const CANCELLED: IpcResult<never> = {
  ok: false,
  error: { code: 'cancelled', message: 'The call was cancelled' },
}

/** Call ids are unique for this page (one counter for every client over any bridge). */
let nextCallId = 1

function invokeCancellable(
  bridge: ProbonusBridge,
  channel: IpcChannel,
  input: unknown,
  signal: AbortSignal,
): Promise<IpcResult<unknown>> {
  if (signal.aborted) return Promise.resolve(CANCELLED)
  const callId = nextCallId++
  return new Promise((resolve) => {
    const onAbort = (): void => {
      bridge.cancel(callId)
      // Main answers `cancelled` too; the caller need not wait for it.
      resolve(CANCELLED)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    void bridge.invoke(channel, input, callId).then((result) => {
      signal.removeEventListener('abort', onAbort)
      resolve(result)
    })
  })
}

/** Main validates inputs and builds outputs from the contract, so the casts here only restore the types. */
export function createIpcClient(bridge: ProbonusBridge): IpcClient {
  return {
    invoke: <C extends IpcChannel>(channel: C, input?: IpcInput<C>, options?: IpcCallOptions) =>
      (options?.signal
        ? invokeCancellable(bridge, channel, input, options.signal)
        : bridge.invoke(channel, input)) as Promise<IpcResult<IpcOutput<C>>>,
    on: <E extends IpcEventName>(event: E, cb: (payload: IpcEventPayload<E>) => void) =>
      bridge.on(event, (payload) => cb(payload as IpcEventPayload<E>)),
  }
}
