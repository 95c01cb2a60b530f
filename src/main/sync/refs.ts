// References from a draft to an entity whose create is still in the outbox (`new:<op_id>`, shared/ipc/create-refs):
// found, replaced by the real id once the create has one, and stood in for while a body's shape is checked.
import type { DraftEntity } from '@shared/ipc'
import { opIdOfRef } from '@shared/ipc/create-refs'
import { DRAFT_KINDS, DRAFT_RESOURCES, type DraftDescriptor } from '@shared/resources'

/** A valid id standing in for a reference while a body is checked (the reference is put back after). */
const STAND_IN_ID = 1

function referenceFields(entity: DraftEntity): string[] {
  const resource = DRAFT_RESOURCES[entity]
  return 'references' in resource ? Object.keys(resource.references) : []
}

const asRecord = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null

/**
 * The lists main keeps whole that say something about an entity of `entity`'s kind: its own kind's, and those of
 * the kinds that refer to it (a group's `ladder_id` names a ladder). A refusal about that entity («the ladder is
 * used by groups …») is read again from these. Accounts are not kept whole (a server holds millions).
 */
export function kindsAbout(entity: DraftEntity): DraftEntity[] {
  return DRAFT_KINDS.filter((kind) => {
    const resource: DraftDescriptor = DRAFT_RESOURCES[kind]
    const keptWhole =
      resource.shape === 'collection' && resource.cached && resource.ipc.verbs.includes('list')
    const refers =
      'references' in resource &&
      Object.values(resource.references ?? {}).some((referred) => referred === entity)
    return keptWhole && (kind === entity || refers)
  })
}

/** The op_ids of the outbox creates `payload` refers to, by field. */
export function refsOf(entity: DraftEntity, payload: unknown): { field: string; opId: string }[] {
  const record = asRecord(payload)
  if (!record) return []
  return referenceFields(entity).flatMap((field) => {
    const opId = opIdOfRef(record[field])
    return opId ? [{ field, opId }] : []
  })
}

/** `payload` with every reference to `opId` replaced by `value`; the same object when it has none. */
export function replaceRefs(
  entity: DraftEntity,
  payload: unknown,
  opId: string,
  value: number | string,
): unknown {
  const refs = refsOf(entity, payload).filter((ref) => ref.opId === opId)
  if (refs.length === 0) return payload
  const copy = { ...(payload as Record<string, unknown>) }
  for (const ref of refs) copy[ref.field] = value
  return copy
}

/**
 * `payload` with a stand-in id for each reference (so the shape can be checked), and `restore`, which puts the
 * references back into the checked body.
 */
export function standInRefs(
  entity: DraftEntity,
  payload: unknown,
): { payload: unknown; restore: (body: unknown) => unknown } {
  const refs = refsOf(entity, payload)
  if (refs.length === 0) return { payload, restore: (body) => body }
  const original = payload as Record<string, unknown>
  const copy = { ...original }
  for (const ref of refs) copy[ref.field] = STAND_IN_ID
  return {
    payload: copy,
    restore: (body) => {
      const record = asRecord(body)
      if (!record) return body
      const restored = { ...record }
      for (const ref of refs) restored[ref.field] = original[ref.field]
      return restored
    },
  }
}
