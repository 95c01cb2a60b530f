// A typed face over the untyped bridge, for renderer stores and tests.
import type { ProbonusBridge } from './bridge'
import type { IpcChannel, IpcEventName } from './channels'
import type { IpcEventPayload, IpcInput, IpcOutput, IpcResult } from './contract'

export interface IpcClient {
  invoke<C extends IpcChannel>(channel: C, input?: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>>
  on<E extends IpcEventName>(event: E, cb: (payload: IpcEventPayload<E>) => void): () => void
}

/** Main validates inputs and builds outputs from the contract, so the casts here only restore the types. */
export function createIpcClient(bridge: ProbonusBridge): IpcClient {
  return {
    invoke: <C extends IpcChannel>(channel: C, input?: IpcInput<C>) =>
      bridge.invoke(channel, input) as Promise<IpcResult<IpcOutput<C>>>,
    on: <E extends IpcEventName>(event: E, cb: (payload: IpcEventPayload<E>) => void) =>
      bridge.on(event, (payload) => cb(payload as IpcEventPayload<E>)),
  }
}
