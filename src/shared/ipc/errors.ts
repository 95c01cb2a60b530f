// The IPC result envelope and its errors. Small on purpose: main's store code imports it without the whole contract.

import { z } from 'zod'

// Envelope and errors

export const ipcErrorCode = z.enum([
  'bad_request', // the input did not match the contract (see `fields`), unknown channel, oversize payload
  'offline', // the server cannot be reached and the answer needs it (nothing cached, or a write-through call)
  'unauthorized', // not logged in, session expired, wrong login or password
  'forbidden', // the role may not do this
  'not_found',
  'conflict', // 409 from the server (`current` holds the entity as it is now when the server sent it)
  'validation', // the server (or main's local check) rejected the data: see `fields`
  'throttled', // too many attempts: wait `retryAfterSeconds`
  'server', // the server failed or answered something unexpected
  'internal', // a bug in main; the message says what
  'cancelled', // the caller cancelled the call (a superseded query); nothing to show
  'not_probonus', // the profile's address answers, but not as a ProBonus server (a 404 where the API should be)
])
export type IpcErrorCode = z.infer<typeof ipcErrorCode>

/** Params of a code: JSON values (numbers, texts, lists of names). */
export const ipcErrorParams = z.record(z.string(), z.unknown())
export type IpcErrorParams = z.infer<typeof ipcErrorParams>

/**
 * Why, precisely: the server's code for the refusal (API.md "Error codes": `group_has_accounts`, `code_taken`…)
 * or main's own, with its params. The renderer speaks from it in the UI language; `message` is English, for logs.
 */
export const ipcErrorReason = z.strictObject({ code: z.string(), params: ipcErrorParams })
export type IpcErrorReason = z.infer<typeof ipcErrorReason>

/**
 * `path` is relative to the entity body, e.g. `['steps', 2, 'threshold']` (the 422 `loc` without `'body'`);
 * `code` and `params` say what is wrong (`too_long` `{max: 64}`), `message` is English, for logs.
 */
export const ipcFieldError = z.strictObject({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string().optional(),
  params: ipcErrorParams.optional(),
})
export type IpcFieldError = z.infer<typeof ipcFieldError>

export const ipcError = z.strictObject({
  code: ipcErrorCode,
  message: z.string(),
  reason: ipcErrorReason.optional(),
  fields: z.array(ipcFieldError).optional(),
  current: z.unknown().optional(),
  retryAfterSeconds: z.number().int().min(0).optional(),
})
export type IpcError = z.infer<typeof ipcError>

export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: IpcError }

export function ipcResultOf<T extends z.ZodType>(data: T) {
  return z.union([
    z.strictObject({ ok: z.literal(true), data }),
    z.strictObject({ ok: z.literal(false), error: ipcError }),
  ])
}

/** Largest serialized input main accepts on one call; bigger is a `bad_request`. */
export const IPC_MAX_INPUT_BYTES = 1_048_576

/**
 * The R-Keeper import sends the whole discount list in one call (the preview, then the atomic import): those two
 * channels take up to the sandbox server's request body limit, so thousands of discounts fit. Saving a file (the
 * catalog's export) carries as much.
 */
export const IPC_MAX_IMPORT_INPUT_BYTES = 8 * 1_048_576

/** The input limit of one channel. */
export function ipcMaxInputBytes(channel: string): number {
  return channel === 'catalog:import-preview' || channel === 'catalog:import' || channel === 'files:save'
    ? IPC_MAX_IMPORT_INPUT_BYTES
    : IPC_MAX_INPUT_BYTES
}
