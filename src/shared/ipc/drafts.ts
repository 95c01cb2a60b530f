// Drafts and outbox rows as the IPC contract shows them. A module of its own (importing only the API schemas it
// needs) so that main's store code, and the crash-safety child process, load quickly.

import { z } from 'zod'
import { id, timestamp, version } from '../api/common'
import { DRAFT_KINDS, DRAFT_RESOURCES, type DraftKind, type EntityOf } from '../resources'
import { ipcErrorCode, ipcErrorReason, ipcFieldError } from './errors'

// Drafts and the outbox

/** The kinds edited through drafts: the descriptors with `writes: 'drafts'` (shared/resources). */
export const draftEntity = z.enum(DRAFT_KINDS)
export type DraftEntity = z.infer<typeof draftEntity>

export const draftAction = z.enum(['create', 'update', 'delete'])
export type DraftAction = z.infer<typeof draftAction>

export const draftState = z.enum([
  'draft', // local only, not published
  'queued', // published, waiting in the outbox (offline, backing off, or behind other rows)
  'syncing', // being sent right now
  'failed', // the server refused it (422 with `fields`, 403, a 409 that is not a version conflict): edit, retry or discard
  'conflict', // someone else changed the entity since `base_version`: see `conflict`, resolve with `sync:resolve`
])
export type DraftState = z.infer<typeof draftState>

/** A server entity of the kinds drafts edit. Narrow it with the draft's `entity`. */
export const draftEntityBody = z.union(
  DRAFT_KINDS.map((kind) => DRAFT_RESOURCES[kind].entity) as unknown as [z.ZodType, z.ZodType],
) as unknown as z.ZodType<EntityOf<DraftKind>>
export type DraftEntityBody = z.infer<typeof draftEntityBody>

export const draftConflict = z.strictObject({
  /** The entity as it was when the edit started (null for a create). */
  base: draftEntityBody.nullable(),
  /** What this workstation wants: the create/update body, or null for a delete. */
  mine: z.unknown(),
  /** The entity on the server now; null when it was deleted there. */
  theirs: draftEntityBody.nullable(),
  detected_at: timestamp,
})
export type DraftConflict = z.infer<typeof draftConflict>

/**
 * A local draft (`kind: 'draft'`, `state: 'draft'`) or an outbox row (`kind: 'outbox'`, any other state).
 * `payload` is the body as edited: the create body, or the update body without `version` (main adds the base
 * version when sending); null for a delete. It may be invalid while editing.
 * An entity can have at most one local draft and, independently, queued rows: editing an entity whose edit is
 * still queued starts a draft from the queued payload on the same base; publishing it folds into the queued row
 * (several offline edits collapse into one update on the same base; a create followed by edits into one create).
 */
export const draft = z.strictObject({
  id: z.string(),
  kind: z.enum(['draft', 'outbox']),
  entity: draftEntity,
  action: draftAction,
  /** The server id; null for a create that has not reached the server yet. */
  entity_id: id.nullable(),
  base_version: version.nullable(),
  base: draftEntityBody.nullable(),
  payload: z.unknown(),
  /** A display name for lists: the payload's name/code, else the base's. */
  title: z.string(),
  state: draftState,
  created_at: timestamp,
  updated_at: timestamp,
  /** For an outbox row: the local draft it was published from (already gone), for linking editors. */
  draft_id: z.string().nullable(),
  error: z.string().nullable(),
  error_code: ipcErrorCode.nullable(),
  /** The server's code and params for a refusal (`code_taken` `{code}`): what the renderer says it with. */
  error_reason: ipcErrorReason.nullable().optional(),
  fields: z.array(ipcFieldError),
  conflict: draftConflict.nullable(),
  attempts: z.number().int().min(0),
  next_attempt_at: timestamp.nullable(),
})
export type Draft = z.infer<typeof draft>

export const syncCounts = z.strictObject({
  drafts: z.number().int().min(0),
  queued: z.number().int().min(0),
  syncing: z.number().int().min(0),
  failed: z.number().int().min(0),
  conflicts: z.number().int().min(0),
})
export type SyncCounts = z.infer<typeof syncCounts>

export const draftsList = z.strictObject({
  /** Local drafts first (newest first), then outbox rows in the order they will be sent. */
  items: z.array(draft),
  counts: syncCounts,
})
export type DraftsList = z.infer<typeof draftsList>
