// Draft bodies: the schema each entity is checked with before it is queued, and content comparison for 409s.

import type { z } from 'zod'
import { codeOfIssueIn } from '@shared/api/errors'
import type { DraftEntity, DraftEntityBody, IpcFieldError } from '@shared/ipc'
import { DRAFT_KINDS, DRAFT_RESOURCES } from '@shared/resources'
import { standInRefs } from './refs'

/** The entity schema of each draft kind (its descriptor's). */
export const entitySchemas = Object.fromEntries(
  DRAFT_KINDS.map((kind) => [kind, DRAFT_RESOURCES[kind].entity]),
) as unknown as Record<DraftEntity, z.ZodType<DraftEntityBody>>

/**
 * Fields a server entity has and a body does not (id, version, audit fields, counts), per kind: editors may hand
 * the entity over as it came.
 */
const SERVER_ONLY = Object.fromEntries(
  DRAFT_KINDS.map((kind) => {
    const { entity, fields } = DRAFT_RESOURCES[kind]
    return [kind, Object.keys(entity.shape).filter((key) => !(fields as readonly string[]).includes(key))]
  }),
) as Record<DraftEntity, string[]>

function stripServerFields(entity: DraftEntity, payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload
  const copy: Record<string, unknown> = { ...(payload as Record<string, unknown>) }
  for (const key of SERVER_ONLY[entity]) delete copy[key]
  return copy
}

export type BodyCheck = { ok: true; body: unknown } | { ok: false; fields: IpcFieldError[] }

/**
 * Checks a body the way the server will (shape and, for ladders, every DOMAIN.md rule that needs no catalog). A
 * reference to a create still in the outbox (`new:<op_id>`) passes where an id goes and stays in the body.
 */
export function checkBody(entity: DraftEntity, payload: unknown): BodyCheck {
  const { payload: standIn, restore } = standInRefs(entity, stripServerFields(entity, payload))
  const body = standIn
  const parsed = DRAFT_RESOURCES[entity].create.safeParse(body)
  if (parsed.success) return { ok: true, body: restore(parsed.data) }
  return {
    ok: false,
    // With the codes the server would send, so the renderer says the same words for both.
    fields: parsed.error.issues.map((issue) => ({
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: issue.message,
      ...codeOfIssueIn(issue, body),
    })),
  }
}

/** True when `entity` (from the server) holds exactly the body `payload` (absent and null count as equal). */
export function sameContent(kind: DraftEntity, payload: unknown, entity: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || typeof entity !== 'object' || entity === null)
    return false
  const mine = payload as Record<string, unknown>
  const theirs = entity as Record<string, unknown>
  return DRAFT_RESOURCES[kind].fields.every((key) => looseEqual(mine[key], theirs[key]))
}

function looseEqual(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null
  if (b === undefined || b === null) return false
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => looseEqual(item, b[i]))
  }
  if (typeof a === 'object') {
    if (typeof b !== 'object' || Array.isArray(b)) return false
    const left = a as Record<string, unknown>
    const right = b as Record<string, unknown>
    const keys = new Set([...Object.keys(left), ...Object.keys(right)])
    return [...keys].every((key) => looseEqual(left[key], right[key]))
  }
  return a === b
}
