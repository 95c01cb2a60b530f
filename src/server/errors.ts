import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type {
  AnswerErrorCode,
  ConflictError,
  ErrorParams,
  ErrorParamsRecord,
  FieldErrorCode,
  MessageError,
  ValidationError,
  ValidationErrorItem,
} from '@shared/api'

export type Loc = (string | number)[]

/**
 * An error with the HTTP answer it stands for. Throw it anywhere in a handler or a service (also inside
 * `db.tx`, which then rolls back); the error handler sends `body` with `statusCode` and `headers`. Every body
 * carries a `code` and its `params` (API.md, "Error codes").
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: ValidationError | ConflictError | MessageError,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.detail === 'string' ? body.detail : `HTTP ${statusCode}`)
    this.name = 'HttpError'
  }
}

/** An answer whose detail is a sentence, with its code. */
export function refusal<C extends AnswerErrorCode>(
  statusCode: number,
  code: C,
  params: ErrorParams<C>,
  detail: string,
  headers: Record<string, string> = {},
): HttpError {
  return new HttpError(statusCode, { detail, code, params: params as ErrorParamsRecord }, headers)
}

/** One item of a 422: `loc` is the full location, e.g. `['body', 'steps', 2, 'rk_discount_id']`. */
export function fieldItem<C extends FieldErrorCode>(
  loc: Loc,
  code: C,
  params: ErrorParams<C>,
  msg: string,
  type: string = code,
): ValidationErrorItem {
  return { loc, msg, type, code, params: params as ErrorParamsRecord }
}

/** 422 with FastAPI's `detail: [{loc, msg, type, code, params}]`. */
export const validationFailed = (items: ValidationErrorItem[]): HttpError =>
  new HttpError(422, { detail: items })

/** 422 for one field. */
export const fieldError = <C extends FieldErrorCode>(
  loc: Loc,
  code: C,
  params: ErrorParams<C>,
  msg: string,
  type: string = code,
): HttpError => validationFailed([fieldItem(loc, code, params, msg, type)])

/** 422 whose detail is a sentence (e.g. a withdrawal above the balance), as API.md allows. */
export const unprocessable = <C extends AnswerErrorCode>(code: C, params: ErrorParams<C>, detail: string) =>
  refusal(422, code, params, detail)

export const badRequest = (detail: string): HttpError => refusal(400, 'bad_request', {}, detail)

export const unauthorized = (
  detail = 'Not authenticated',
  code: 'not_authenticated' | 'bad_credentials' | 'session_ended' = 'not_authenticated',
): HttpError => refusal(401, code, {}, detail, { 'www-authenticate': 'Bearer' })

export const forbidden = (role: string, detail = 'Not enough permissions'): HttpError =>
  refusal(403, 'forbidden', { role }, detail)

/** 404 of a resource (`ladder`, `account_group`, …) by id. */
export const notFound = (
  resource: string,
  id: number | null,
  detail = 'Not Found',
  ids?: number[],
): HttpError => refusal(404, 'not_found', ids ? { resource, id, ids } : { resource, id }, detail)

/** 409 that is not a version conflict. */
export const conflict = <C extends AnswerErrorCode>(code: C, params: ErrorParams<C>, detail: string) =>
  refusal(409, code, params, detail)

export const throttled = (detail: string, retryAfterSeconds: number): HttpError => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  return refusal(429, 'too_many_attempts', { retry_after: seconds }, detail, {
    'retry-after': String(seconds),
  })
}

/** Throws the 409 of optimistic concurrency (with `current`) when `expected` is not the entity's version. */
export function assertVersion(actual: number, expected: number, current: () => unknown): void {
  if (actual !== expected) {
    throw new HttpError(409, {
      detail: `Version conflict: the entity is at version ${actual}, the change was based on version ${expected}`,
      code: 'version_conflict',
      params: { version: actual, base_version: expected },
      current: current(),
    })
  }
}

const MALFORMED_BODY_CODES = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
])

/**
 * The one error handler: every failure becomes a FastAPI-shaped answer. Anything unexpected is logged and
 * answered 500 — the tests (including the fuzz test) make sure no input reaches that branch.
 */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof HttpError) {
    return reply.code(error.statusCode).headers(error.headers).send(error.body)
  }
  if (error instanceof RequestValidationError) {
    return reply.code(422).send({ detail: error.items })
  }
  const code = error.code ?? ''
  if (MALFORMED_BODY_CODES.has(code) || (error instanceof SyntaxError && error.statusCode === 400)) {
    return reply
      .code(422)
      .send({ detail: [fieldItem(['body'], 'json_invalid', {}, 'JSON decode error', 'json_invalid')] })
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    const body = refusal(
      413,
      'body_too_large',
      { max_bytes: request.routeOptions.bodyLimit ?? 0 },
      'Request body is too large',
    )
    return reply.code(413).send(body.body)
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply
      .code(415)
      .send(refusal(415, 'unsupported_media_type', {}, 'Unsupported media type: send application/json').body)
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return reply.code(status).send(refusal(status, 'bad_request', {}, error.message || 'Bad request').body)
  }
  request.log.error({ err: error }, 'unexpected error')
  return reply.code(500).send({ detail: 'Internal Server Error' })
}

/** What the validator compiler returns for a request part that does not match its zod schema. */
export class RequestValidationError extends Error {
  readonly statusCode = 422
  constructor(readonly items: ValidationErrorItem[]) {
    super('Request validation failed')
    this.name = 'RequestValidationError'
  }
}
