import type { IpcError, IpcErrorCode, IpcErrorReason, IpcFieldError } from '@shared/ipc'

/** Thrown inside handlers; the registry turns it into an error envelope. */
export class IpcFailure extends Error {
  readonly code: IpcErrorCode
  readonly fields?: IpcFieldError[]
  readonly current?: unknown
  readonly retryAfterSeconds?: number
  readonly reason?: IpcErrorReason

  constructor(
    code: IpcErrorCode,
    message: string,
    extra: {
      fields?: IpcFieldError[]
      current?: unknown
      retryAfterSeconds?: number
      reason?: IpcErrorReason
    } = {},
  ) {
    super(message)
    this.name = 'IpcFailure'
    this.code = code
    this.reason = extra.reason
    this.fields = extra.fields
    this.current = extra.current
    this.retryAfterSeconds = extra.retryAfterSeconds
  }

  toIpcError(): IpcError {
    const error: IpcError = { code: this.code, message: this.message }
    if (this.reason) error.reason = this.reason
    if (this.fields) error.fields = this.fields
    if (this.current !== undefined) error.current = this.current
    if (this.retryAfterSeconds !== undefined) error.retryAfterSeconds = this.retryAfterSeconds
    return error
  }
}
