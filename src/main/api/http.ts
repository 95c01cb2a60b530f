// The one place HTTP happens: timeouts, FastAPI error bodies mapped to typed ApiErrors, answers validated with the
// shared schemas, GETs retried on network errors with backoff.

import type { z } from 'zod'
import { type receivedFieldError, receivedMessageError, receivedValidationError } from '@shared/api'
import type { IpcFieldError } from '@shared/ipc'
import { ApiError } from './errors'
import { tolerant } from './tolerant'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE'
export type QueryValue = string | number | boolean | null | undefined

export interface RequestSpec<T> {
  method: HttpMethod
  /** Relative to `/api/v0`, e.g. `/ladders/list`. */
  path: string
  query?: Record<string, QueryValue>
  json?: unknown
  form?: Record<string, string>
  token?: string
  idempotencyKey?: string
  /** The answer's schema; null when no body is expected (204). */
  schema: z.ZodType<T> | null
  timeoutMs?: number
  /** GETs retry network errors by default; pass 0 to fail fast (health probes). */
  retries?: number
  /** The caller's cancel (a superseded query): aborts the request, which fails with `cancelled`. */
  signal?: AbortSignal
}

export interface HttpOptions {
  /** The server root (`http://host:port`); a trailing `/api/v0` is accepted too. */
  baseUrl: string
  fetch?: typeof fetch
  timeoutMs?: number
  getRetries?: number
  retryBaseMs?: number
}

/** `http://host:port/` or `http://host:port/api/v0` → `http://host:port`. */
export function serverRoot(baseUrl: string): string {
  return baseUrl
    .trim()
    .replace(/\/+$/, '')
    .replace(/\/api\/v0$/, '')
}

export class Http {
  readonly apiUrl: string
  private readonly fetchImpl: typeof fetch
  private readonly timeoutMs: number
  private readonly getRetries: number
  private readonly retryBaseMs: number

  constructor(options: HttpOptions) {
    this.apiUrl = `${serverRoot(options.baseUrl)}/api/v0`
    this.fetchImpl = options.fetch ?? globalThis.fetch
    this.timeoutMs = options.timeoutMs ?? 10_000
    this.getRetries = options.getRetries ?? 2
    this.retryBaseMs = options.retryBaseMs ?? 150
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const retries = spec.method === 'GET' ? (spec.retries ?? this.getRetries) : 0
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(spec)
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'offline' || attempt >= retries) throw error
        const delay = this.retryBaseMs * 3 ** attempt
        await sleep(delay / 2 + Math.random() * delay)
        if (spec.signal?.aborted) throw cancelled()
      }
    }
  }

  private async once<T>(spec: RequestSpec<T>): Promise<T> {
    if (spec.signal?.aborted) throw cancelled()
    const url = new URL(this.apiUrl + spec.path)
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined && value !== null) url.searchParams.set(key, String(value))
    }
    const headers: Record<string, string> = { accept: 'application/json' }
    let body: string | undefined
    if (spec.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(spec.form).toString()
    } else if (spec.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(spec.json)
    }
    if (spec.token) headers.authorization = `Bearer ${spec.token}`
    if (spec.idempotencyKey) headers['idempotency-key'] = spec.idempotencyKey

    const timeoutMs = spec.timeoutMs ?? this.timeoutMs
    let response: Response
    let text: string
    try {
      response = await this.fetchImpl(url, {
        method: spec.method,
        headers,
        body,
        signal: spec.signal
          ? AbortSignal.any([spec.signal, AbortSignal.timeout(timeoutMs)])
          : AbortSignal.timeout(timeoutMs),
      })
      text = await response.text()
    } catch (error) {
      if (spec.signal?.aborted) throw cancelled()
      const timedOut =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      throw new ApiError(
        'offline',
        timedOut
          ? `The server did not answer within ${Math.round(timeoutMs / 1000)} s`
          : `The server cannot be reached (${describeNetworkError(error)})`,
      )
    }
    if (response.ok) return parseAnswer(spec, response.status, text)
    throw errorFromResponse(response, text)
  }
}

function cancelled(): ApiError {
  return new ApiError('cancelled', 'The request was cancelled')
}

function parseAnswer<T>(spec: RequestSpec<T>, status: number, text: string): T {
  if (spec.schema === null) return undefined as T
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw new ApiError('server', `${spec.method} ${spec.path}: the answer (${status}) is not JSON`, {
      status,
    })
  }
  // Tolerant: fields a newer server adds are dropped, never a reason to refuse its answer.
  const parsed = tolerant(spec.schema).safeParse(json)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new ApiError(
      'server',
      `${spec.method} ${spec.path}: unexpected answer (${first ? `${first.path.join('.')}: ${first.message}` : 'invalid'})`,
      { status },
    )
  }
  return parsed.data
}

/**
 * A FastAPI error answer → ApiError, read tolerantly (a newer server may send codes and fields this app does not
 * know): the category from the status, the server's `code` + `params` as the reason, each 422 item as a field
 * error with its own code and params.
 */
function errorFromResponse(response: Response, text: string): ApiError {
  const status = response.status
  let json: unknown = undefined
  try {
    json = JSON.parse(text)
  } catch {
    // not JSON: fall back to the status text
  }
  const answer = receivedMessageError.safeParse(json)
  const message = answer.success ? answer.data.detail : `${status} ${response.statusText}`.trim()
  const reason =
    answer.success && answer.data.code !== undefined
      ? { code: answer.data.code, params: answer.data.params ?? {} }
      : undefined
  switch (status) {
    case 401:
      return new ApiError('unauthorized', message, { status, reason })
    case 403:
      return new ApiError('forbidden', message, { status, reason })
    case 404:
      return new ApiError('not_found', message, { status, reason })
    case 409:
      return new ApiError('conflict', message, {
        status,
        reason,
        current: answer.success ? answer.data.current : undefined,
      })
    case 400:
    case 422: {
      const validation = receivedValidationError.safeParse(json)
      if (validation.success) {
        const fields = validation.data.detail.map(fieldFromLoc)
        return new ApiError(
          'validation',
          fields.map((f) => `${f.path.join('.') || '—'}: ${f.message}`).join('; '),
          { status, fields },
        )
      }
      return new ApiError('validation', message, { status, fields: [], reason })
    }
    case 429:
      return new ApiError('throttled', message, { status, reason, retryAfterSeconds: retryAfter(response) })
    default:
      return new ApiError('server', message, { status, reason })
  }
}

/** `["body", "steps", 2, "threshold"]` → `["steps", 2, "threshold"]`, with the item's code and params. */
function fieldFromLoc(item: z.infer<typeof receivedFieldError>): IpcFieldError {
  const path = item.loc[0] === 'body' ? item.loc.slice(1) : item.loc
  const field: IpcFieldError = { path, message: item.msg }
  if (item.code !== undefined) {
    field.code = item.code
    field.params = item.params ?? {}
  }
  return field
}

function retryAfter(response: Response): number {
  const header = response.headers.get('retry-after')
  if (!header) return 1
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  return Number.isFinite(date) ? Math.max(0, Math.ceil((date - Date.now()) / 1000)) : 1
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause
    if (cause instanceof Error && 'code' in cause) return String((cause as Error & { code: unknown }).code)
    return error.message
  }
  return String(error)
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
