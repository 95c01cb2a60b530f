import type { IpcErrorReason, IpcFieldError } from '@shared/ipc'

export type ApiErrorCode =
  | 'offline'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'validation'
  | 'throttled'
  | 'server'
  /** The caller aborted the request (its `signal`): not a network failure. */
  | 'cancelled'

/** A failed API call, typed the way callers react to it. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  /** HTTP status, or 0 when no answer arrived. */
  readonly status: number
  readonly fields?: IpcFieldError[]
  /** 409: the entity as it is now (when the server sent it). */
  readonly current?: unknown
  readonly retryAfterSeconds?: number
  /** The server's code for the refusal and its params (API.md "Error codes"), when it sent one. */
  readonly reason?: IpcErrorReason

  constructor(
    code: ApiErrorCode,
    message: string,
    extra: {
      status?: number
      fields?: IpcFieldError[]
      current?: unknown
      retryAfterSeconds?: number
      reason?: IpcErrorReason
    } = {},
  ) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = extra.status ?? 0
    this.fields = extra.fields
    this.current = extra.current
    this.retryAfterSeconds = extra.retryAfterSeconds
    this.reason = extra.reason
  }

  /** Worth retrying later with the same request: no answer, throttled, or a server failure. */
  get transient(): boolean {
    return this.code === 'offline' || this.code === 'throttled' || this.code === 'server'
  }
}
