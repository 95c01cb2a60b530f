// Draft bodies: the schema each entity is checked with before it is queued, and content comparison for 409s.

import type { z } from 'zod'
// Narrow imports (not the index files): the crash-safety child loads this, and its start-up time counts.
import { accountGroup, accountGroupCreate } from '@shared/api/account-groups'
import { identifierType, identifierTypeCreate } from '@shared/api/identifier-types'
import { ladder, ladderCreate } from '@shared/api/ladders'
import { ladderCreateChecked } from '@shared/domain/ladder-schemas'
import type { DraftEntity, DraftEntityBody, IpcFieldError } from '@shared/ipc'

/** The body checks of a create (an update body is the same plus `version`, which main adds). */
const bodySchemas: Record<DraftEntity, z.ZodType> = {
  ladder: ladderCreateChecked,
  account_group: accountGroupCreate,
  identifier_type: identifierTypeCreate,
}

/** The fields of a body, to compare a body with a server entity. */
const bodyKeys: Record<DraftEntity, string[]> = {
  ladder: Object.keys(ladderCreate.shape),
  account_group: Object.keys(accountGroupCreate.shape),
  identifier_type: Object.keys(identifierTypeCreate.shape),
}

export const entitySchemas: Record<DraftEntity, z.ZodType<DraftEntityBody>> = {
  ladder,
  account_group: accountGroup,
  identifier_type: identifierType,
}

/** Fields a server entity has and a body must not: editors may hand the entity over as it came. */
const SERVER_ONLY = ['id', 'version', 'created_at', 'updated_at', 'updated_by', 'accounts_count']

export function stripServerFields(payload: unknown): unknown {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return payload
  const copy: Record<string, unknown> = { ...(payload as Record<string, unknown>) }
  for (const key of SERVER_ONLY) delete copy[key]
  return copy
}

export type BodyCheck = { ok: true; body: unknown } | { ok: false; fields: IpcFieldError[] }

/** Checks a body the way the server will (shape and, for ladders, every DOMAIN.md rule that needs no catalog). */
export function checkBody(entity: DraftEntity, payload: unknown): BodyCheck {
  const parsed = bodySchemas[entity].safeParse(stripServerFields(payload))
  if (parsed.success) return { ok: true, body: parsed.data }
  return {
    ok: false,
    fields: parsed.error.issues.map((issue) => ({
      path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      message: issue.message,
    })),
  }
}

/** True when `entity` (from the server) holds exactly the body `payload` (absent and null count as equal). */
export function sameContent(kind: DraftEntity, payload: unknown, entity: unknown): boolean {
  if (typeof payload !== 'object' || payload === null || typeof entity !== 'object' || entity === null)
    return false
  const mine = payload as Record<string, unknown>
  const theirs = entity as Record<string, unknown>
  return bodyKeys[kind].every((key) => looseEqual(mine[key], theirs[key]))
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
