import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import type { ConflictError, MessageError, ValidationError, ValidationErrorItem } from '@shared/api'

export type Loc = (string | number)[]

/**
 * An error with the HTTP answer it stands for. Throw it anywhere in a handler or a service (also inside
 * `db.tx`, which then rolls back); the error handler sends `body` with `statusCode` and `headers`.
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

/** 422 with FastAPI's `detail: [{loc, msg, type}]`. */
export const validationFailed = (items: ValidationErrorItem[]): HttpError =>
  new HttpError(422, { detail: items })

/** 422 for one field: `loc` is the full location, e.g. `['body', 'steps', 2, 'rk_discount_id']`. */
export const fieldError = (loc: Loc, msg: string, type = 'value_error'): HttpError =>
  validationFailed([{ loc, msg, type }])

/** 422 whose detail is a sentence (e.g. a withdrawal above the balance), as API.md allows. */
export const unprocessable = (detail: string): HttpError => new HttpError(422, { detail })

export const badRequest = (detail: string): HttpError => new HttpError(400, { detail })

export const unauthorized = (detail = 'Not authenticated'): HttpError =>
  new HttpError(401, { detail }, { 'www-authenticate': 'Bearer' })

export const forbidden = (detail = 'Not enough permissions'): HttpError => new HttpError(403, { detail })

export const notFound = (detail = 'Not Found'): HttpError => new HttpError(404, { detail })

/** 409; `current` is the entity as it is now (stale version), omitted for other conflicts. */
export const conflict = (detail: string, current?: unknown): HttpError =>
  new HttpError(409, current === undefined ? { detail } : { detail, current })

export const throttled = (detail: string, retryAfterSeconds: number): HttpError =>
  new HttpError(429, { detail }, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) })

/** Throws the 409 of optimistic concurrency when `expected` is not the entity's version. */
export function assertVersion(actual: number, expected: number, current: () => unknown): void {
  if (actual !== expected) {
    throw conflict(
      `Version conflict: the entity is at version ${actual}, the change was based on version ${expected}`,
      current(),
    )
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
      .send({ detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }] })
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return reply.code(413).send({ detail: 'Request body is too large' })
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return reply.code(415).send({ detail: 'Unsupported media type: send application/json' })
  }
  const status = error.statusCode ?? 500
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ detail: error.message || 'Bad request' })
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
