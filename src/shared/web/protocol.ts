// The browser host's wire protocol: the IPC contract over one WebSocket. The page sends `invoke` messages and
// gets `result` messages with the same id (a `cancel` with that id stops the call); main's events arrive as
// `event` messages. Shared by src/web (the
// host) and the renderer's WebSocket bridge.
import { z } from 'zod'
import { IPC_MAX_IMPORT_INPUT_BYTES, ipcError, type IpcResult } from '../ipc/contract'

/** Where the WebSocket lives on the host's origin. */
export const HOST_WS_PATH = '/probonus-ws'
/** `{ authorized: boolean }`: lets the page tell "open the printed link" from "the host stopped". */
export const HOST_STATUS_PATH = '/__host/status'
/** Bigger than main's largest input limit (an oversize input still gets main's error envelope), with room for JSON. */
export const MAX_WS_MESSAGE_BYTES = 2 * IPC_MAX_IMPORT_INPUT_BYTES + 4096

const messageId = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)

export const clientMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('invoke'),
    id: messageId,
    channel: z.string().max(200),
    input: z.unknown().optional(),
  }),
  /** Stop the call `id` of this connection (a superseded query): it answers `cancelled`. No answer of its own. */
  z.strictObject({ type: z.literal('cancel'), id: messageId }),
])
export type ClientMessage = z.infer<typeof clientMessage>
export type InvokeMessage = Extract<ClientMessage, { type: 'invoke' }>

export const serverMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('result'),
    /** null when the message it answers could not be read at all. */
    id: z.number().int().min(0).nullable(),
    result: z.union([
      z.strictObject({ ok: z.literal(true), data: z.unknown() }),
      z.strictObject({ ok: z.literal(false), error: ipcError }),
    ]),
  }),
  z.strictObject({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
])
export type ServerMessage =
  | { type: 'result'; id: number | null; result: IpcResult<unknown> }
  | { type: 'event'; event: string; payload: unknown }

export const hostStatus = z.strictObject({ authorized: z.boolean() })
export type HostStatus = z.infer<typeof hostStatus>
