// One table of handlers bound to whatever transport carries the IPC contract (ipcMain, the browser host's
// WebSocket, or a direct in-process call in tests). Validates every input; never throws, never rejects.

import { type z } from 'zod'
import {
  IPC_CHANNELS,
  ipcContract,
  ipcMaxInputBytes,
  isCallId,
  isIpcChannel,
  type IpcChannel,
  type IpcError,
  type IpcEventName,
  type IpcOutput,
  type IpcParsedInput,
  type IpcResult,
} from '@shared/ipc'
import { ApiError } from '../api/errors'
import { IpcFailure } from './errors'
import type { EventHub } from './events'

export interface IpcContext {
  /** Who sent it (a webContents id, a WebSocket connection id); for logs, and the scope of its call ids. */
  senderId?: string
  /** The sender's id for this call (unchecked: the registry validates it), so that `cancel` can stop it. */
  callId?: unknown
}

/** What a handler gets beside its input. */
export interface HandlerCall {
  senderId?: string
  /** Aborted when the sender cancels the call (or goes away): pass it to HTTP requests. */
  signal: AbortSignal
}

export interface IpcRegistry {
  readonly channels: readonly IpcChannel[]
  /** Never throws, never rejects. A cancelled call answers `cancelled`. */
  invoke(channel: string, input: unknown, context?: IpcContext): Promise<IpcResult<unknown>>
  /**
   * Aborts the sender's call `callId` (a superseded query). The id comes from the page: anything but a call id
   * of that sender's running calls is ignored. True when a call was aborted.
   */
  cancel(senderId: string, callId: unknown): boolean
  /** Aborts every running call of a sender that went away (a closed browser tab). */
  cancelAll(senderId: string): void
  subscribe(listener: (event: IpcEventName, payload: unknown) => void): () => void
}

export type IpcHandler<C extends IpcChannel> = (
  input: IpcParsedInput<C>,
  call: HandlerCall,
) => Promise<IpcOutput<C>> | IpcOutput<C>

export type IpcHandlers = { [C in IpcChannel]: IpcHandler<C> }

export interface RegistryOptions {
  maxInputBytes?: number
  /** Check every answer against the contract (tests turn it on; off in production for large lists). */
  validateOutputs?: boolean
  onInternalError?: (channel: string, error: unknown) => void
}

export function createIpcRegistry(
  handlers: IpcHandlers,
  events: EventHub,
  options: RegistryOptions = {},
): IpcRegistry {
  /** Running cancellable calls by sender, then call id. */
  const running = new Map<string, Map<number, AbortController>>()

  async function invoke(
    channel: string,
    input: unknown,
    context: IpcContext = {},
  ): Promise<IpcResult<unknown>> {
    const senderId = context.senderId ?? ''
    const controller = new AbortController()
    let callId: number | null = null
    if (context.callId !== undefined) {
      if (!isCallId(context.callId))
        return fail({ code: 'bad_request', message: 'A call id is an integer ≥ 0' })
      const calls = running.get(senderId) ?? new Map<number, AbortController>()
      if (calls.has(context.callId)) {
        return fail({ code: 'bad_request', message: `Call ${context.callId} is already running` })
      }
      callId = context.callId
      calls.set(callId, controller)
      running.set(senderId, calls)
    }
    try {
      return await run(channel, input, { senderId: context.senderId, signal: controller.signal })
    } finally {
      if (callId !== null) {
        const calls = running.get(senderId)
        calls?.delete(callId)
        if (calls?.size === 0) running.delete(senderId)
      }
    }
  }

  async function run(channel: string, input: unknown, call: HandlerCall): Promise<IpcResult<unknown>> {
    try {
      if (!isIpcChannel(channel)) {
        return fail({ code: 'bad_request', message: `Unknown channel ${String(channel).slice(0, 100)}` })
      }
      const sizeProblem = inputSizeProblem(input, options.maxInputBytes ?? ipcMaxInputBytes(channel))
      if (sizeProblem) return fail({ code: 'bad_request', message: sizeProblem })
      const schema: z.ZodType = ipcContract[channel].input
      const parsed = schema.safeParse(input)
      if (!parsed.success) {
        return fail({
          code: 'bad_request',
          message: `Invalid input for ${channel}`,
          fields: parsed.error.issues.map((issue) => ({
            path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
            message: issue.message,
          })),
        })
      }
      const handler = handlers[channel] as (input: unknown, call: HandlerCall) => unknown
      const data = await handler(parsed.data, call)
      if (options.validateOutputs) {
        const checked = (ipcContract[channel].output as z.ZodType).safeParse(data)
        if (!checked.success) {
          return fail({
            code: 'internal',
            message: `Answer of ${channel} does not match the contract: ${checked.error.message.slice(0, 2000)}`,
          })
        }
      }
      return { ok: true, data }
    } catch (error) {
      if (call.signal.aborted) return fail({ code: 'cancelled', message: `${channel} was cancelled` })
      return fail(toIpcError(error, channel, options.onInternalError))
    }
  }

  return {
    channels: IPC_CHANNELS,
    invoke: (channel, input, context) =>
      invoke(channel, input, context).catch((error: unknown) => fail(toIpcError(error, channel))),
    cancel: (senderId, callId) => {
      const controller = isCallId(callId) ? running.get(senderId)?.get(callId) : undefined
      controller?.abort()
      return controller !== undefined
    },
    cancelAll: (senderId) => {
      for (const controller of running.get(senderId)?.values() ?? []) controller.abort()
    },
    subscribe: (listener) => events.subscribe(listener),
  }
}

function fail(error: IpcError): IpcResult<never> {
  return { ok: false, error }
}

/** A cheap upper bound first: most inputs are tiny and need no byte count. */
function inputSizeProblem(input: unknown, maxBytes: number): string | null {
  if (input === undefined) return null
  let text: string
  try {
    text = JSON.stringify(input) ?? ''
  } catch {
    return 'Input is not serializable'
  }
  if (text.length * 3 <= maxBytes) return null
  const bytes = Buffer.byteLength(text, 'utf8')
  return bytes > maxBytes ? `Input too large: ${bytes} bytes (at most ${maxBytes})` : null
}

export function toIpcError(
  error: unknown,
  channel: string,
  onInternalError?: (channel: string, error: unknown) => void,
): IpcError {
  if (error instanceof IpcFailure) return error.toIpcError()
  if (error instanceof ApiError) {
    const result: IpcError = { code: error.code, message: error.message }
    if (error.reason) result.reason = error.reason
    if (error.fields) result.fields = error.fields
    if (error.current !== undefined) result.current = error.current
    if (error.retryAfterSeconds !== undefined) result.retryAfterSeconds = error.retryAfterSeconds
    return result
  }
  onInternalError?.(channel, error)
  const message = error instanceof Error ? error.message : String(error)
  return { code: 'internal', message: `Internal error in ${channel}: ${message}` }
}
