import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { z } from 'zod'
import type { ServerContext } from '../context'
import { conflict } from '../errors'
import { caller } from '../http'

/** JSON with object keys sorted at every level: equal bodies hash equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

export interface CreatedAnswer<T> {
  statusCode: number
  body: T
  replayed: boolean
}

/**
 * Runs a create under the request's `Idempotency-Key` (when present), in one transaction:
 * - a new key: `create()` runs and its answer is stored with the hash of the body;
 * - the same key and the same body: the stored answer again (same id, same status), nothing changes;
 * - the same key and another body: 409.
 * Keys are scoped per endpoint and user. `answerSchema` re-reads the stored answer (no unchecked casts).
 */
export function idempotentCreate<T>(
  ctx: ServerContext,
  request: FastifyRequest,
  answerSchema: z.ZodType<T>,
  create: () => T,
  statusCode = 201,
): CreatedAnswer<T> {
  const key = idempotencyKeyOf(request)
  const { db } = ctx
  if (key === null) return { statusCode, body: db.tx(create), replayed: false }
  const scope = `${request.method} ${request.routeOptions.url ?? request.url} ${caller(request).user.id}`
  const requestHash = createHash('sha256').update(canonicalJson(request.body)).digest('hex')
  return db.tx(() => {
    const stored = db.first(
      db.q
        .selectFrom('idempotency_keys')
        .select(['request_hash', 'status_code', 'response'])
        .where('scope', '=', scope)
        .where('key', '=', key),
    )
    if (stored) {
      if (stored.request_hash !== requestHash) {
        throw conflict(
          'idempotency_key_reused',
          {},
          'This Idempotency-Key was already used with a different request body',
        )
      }
      const body = answerSchema.parse(JSON.parse(stored.response))
      return { statusCode: stored.status_code, body, replayed: true }
    }
    const body = create()
    db.run(
      db.q.insertInto('idempotency_keys').values({
        scope,
        key,
        request_hash: requestHash,
        status_code: statusCode,
        response: JSON.stringify(body),
        created_at: ctx.nowIso(),
      }),
    )
    return { statusCode, body, replayed: false }
  })
}

function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key']
  return typeof value === 'string' && value.length > 0 ? value : null
}
