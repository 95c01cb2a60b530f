// The IPC contract between the renderer and main: for every channel its input and output schema, the error
// envelope, and the events main pushes. Main validates every input with these schemas; the renderer uses the
// types (and may use the schemas for forms). Field names inside data follow the HTTP API (snake_case).
//
// How the screens use it (the short version; details on each schema below):
// - Session: `session:state` once at start, then `session:changed` events. `status: 'expired'` means "log in
//   again": drafts and the outbox are kept and readable, the outbox is paused until `session:login` succeeds.
// - Reads of ladders, account groups, identifier types and the RK catalog answer `{items, fetched_at, stale}`:
//   fetched from the server when online (and cached on disk), else the cache with `stale: true`. A cached list
//   older than a few seconds is answered at once while the server is reachable and re-read in the background;
//   `entities:changed` follows if it changed. They return every item (no paging): filter and sort in the
//   renderer. Re-read on `entities:changed`.
// - Every edit is a draft (`drafts:save`, debounced by the editor), published with `drafts:publish` (or
//   `drafts:save` with `publish: true`). Publishing turns it into an outbox row (same `Draft` shape, `kind:
//   'outbox'`) that one FIFO worker sends; deletes (`ladders:delete`, …) are outbox rows too.
// - `drafts:list` is the drafts panel: local drafts and outbox rows (queued, syncing, failed, conflict).
//   A conflict carries `{base, mine, theirs}`; resolve with `sync:resolve`.
// - `sync:status` / the `sync:status` event feed the status bar (online, last sync, counts).

import { z } from 'zod'
import {
  account,
  accountMoveRequest,
  accountMoveResult,
  accountPurchase,
  authUser,
  balancesReport,
  id,
  identifierCheckResult,
  ladderHistory,
  ladderPreview,
  ladderPreviewRequest,
  ladderStepsReport,
  listOf,
  MAX,
  groupOperationCreate,
  groupOperationResult,
  idempotencyKey,
  money,
  operation,
  operationCreate,
  operationKind,
  operationsReport,
  operationType,
  rkDiscount,
  rkDiscountImportItem,
  rkDiscountImportResult,
  role,
  timestamp,
  version,
  coded,
} from '../api'
import { CACHED_KINDS, CACHED_RESOURCES, type CachedKind } from '../resources'
import type { ResourceChannelOf } from '../resources/names'
import type { IpcChannel, IpcEventName } from './channels'
import { draft, draftAction, draftEntity, draftsList, syncCounts } from './drafts'
import { ipcErrorParams } from './errors'
import { stepOverrideContract } from './step-override'
import { usersSettingsContract } from './users-settings'

export * from './errors'
export * from './drafts'
export * from './step-override'
export * from './users-settings'

// ---------------------------------------------------------------------------------------------------------
// Shared pieces

const none = z.strictObject({}).optional()
const byId = z.strictObject({ id })
const stringId = z.string().min(1).max(100)

/** A read served from the server when online, else from the on-disk cache (`stale: true`). */
export function cachedList<T extends z.ZodType>(item: T) {
  return z.strictObject({
    items: z.array(item),
    /** When these items were fetched from the server; null only when nothing was ever fetched. */
    fetched_at: timestamp.nullable(),
    /** True when answered from the cache because the server could not be asked. */
    stale: z.boolean(),
  })
}
export function cachedItem<T extends z.ZodType>(item: T) {
  return z.strictObject({ item, fetched_at: timestamp.nullable(), stale: z.boolean() })
}

/**
 * Input of cached lists. By default main answers from the cache when it is younger than a few seconds and
 * fetches otherwise; `refresh: true` always asks the server (when online).
 */
export const cachedListInput = z.strictObject({ refresh: z.boolean().optional() }).optional()
export const cachedGetInput = z.strictObject({ id, refresh: z.boolean().optional() })
/** A singleton's `<prefix>:get` (`settings:get`): its one document, no id. */
export const singletonGetInput = z.strictObject({ refresh: z.boolean().optional() }).optional()

// ---------------------------------------------------------------------------------------------------------
// Profiles and session

/** A server the app can talk to. `base_url` is the server root (`http://127.0.0.1:8777`), without `/api/v0`. */
export const profile = z.strictObject({
  id: z.string(),
  name: z.string(),
  base_url: z.string(),
  /** The login used last on this profile (prefilled in the login form). */
  last_login: z.string().nullable(),
})
export type Profile = z.infer<typeof profile>

export const profileSaveInput = z.strictObject({
  /** Absent: a new profile. */
  id: stringId.optional(),
  name: z.string().trim().min(1).max(100),
  base_url: z
    .string()
    .trim()
    .max(500)
    .refine(
      (value) => {
        try {
          const url = new URL(value)
          return url.protocol === 'http:' || url.protocol === 'https:'
        } catch {
          return false
        }
      },
      coded('invalid_format', { format: 'url' }, 'An http(s) URL, e.g. http://127.0.0.1:8777'),
    ),
})
export type ProfileSaveInput = z.infer<typeof profileSaveInput>

export const profilesList = z.strictObject({ items: z.array(profile), selected_id: z.string().nullable() })
export type ProfilesList = z.infer<typeof profilesList>

export const sessionStatus = z.enum([
  'signed_out', // nobody logged in on the selected profile (or no profile selected)
  'signed_in',
  'expired', // the login is known but the session ended (refresh failed): log in again; drafts are kept
])
export type SessionStatus = z.infer<typeof sessionStatus>

export const sessionState = z.strictObject({
  status: sessionStatus,
  profile: profile.nullable(),
  /** The login whose drafts and outbox are open (also while `expired`). */
  login: z.string().nullable(),
  /** The user as the server last described it (kept while offline and while expired). */
  user: authUser.nullable(),
  role: role.nullable(),
  server: z.strictObject({ name: z.string(), version: z.string() }).nullable(),
  /** True when the refresh token is kept across restarts (a persistent SecretStore). */
  remembered: z.boolean(),
  /**
   * Why this computer cannot remember logins (the SecretStore's `notPersistentReason`): `no_keyring` — Linux
   * has no keyring (safeStorage's `basic_text` backend), `encryption_unavailable` — the OS offers no encryption.
   * Null/absent when logins are remembered or memory-only by design (the browser host). The renderer shows it.
   */
  not_remembered_reason: z.enum(['no_keyring', 'encryption_unavailable']).nullable().optional(),
  /** Why the state changed last: shown as a one-line notice. */
  reason: z.enum(['login', 'logout', 'refresh_failed', 'profile_changed', 'restored', 'start']).nullable(),
})
export type SessionState = z.infer<typeof sessionState>

export const loginInput = z.strictObject({
  username: z.string().trim().min(1).max(150),
  password: z.string().min(1).max(200),
})
export type LoginInput = z.infer<typeof loginInput>

// ---------------------------------------------------------------------------------------------------------
// RK discount catalog

/** The ladders (and their steps) that use one RK discount. */
const catalogUsageLadders = z.array(
  z.strictObject({
    ladder_id: id,
    name: z.string(),
    active: z.boolean(),
    steps: z.array(z.strictObject({ index: z.number().int().min(0), name: z.string() })),
  }),
)

export const catalogUsage = z.strictObject({
  /** One row per RK discount that at least one ladder uses. Built from the ladders (cache when offline). */
  items: z.array(
    z.strictObject({
      rk_discount_id: id,
      ladders: catalogUsageLadders,
    }),
  ),
  fetched_at: timestamp.nullable(),
  stale: z.boolean(),
})
export type CatalogUsage = z.infer<typeof catalogUsage>

/** Raw rows as parsed from the R-Keeper export file; each is checked separately. */
export const catalogImportPreviewInput = z.strictObject({
  discounts: z.array(z.unknown()).max(MAX.importRows),
})

export const catalogImportPreview = z.strictObject({
  total: z.number().int().min(0),
  /** Per-row problems; `row` is the 0-based index in `discounts`, `path` inside that row. Import is refused while any. */
  errors: z.array(
    z.strictObject({
      row: z.number().int().min(0),
      path: z.array(z.union([z.string(), z.number()])),
      message: z.string(),
      code: z.string().optional(),
      params: ipcErrorParams.optional(),
    }),
  ),
  created: z.array(rkDiscountImportItem),
  updated: z.array(
    z.strictObject({
      before: rkDiscount,
      after: rkDiscountImportItem,
      /** Names of the fields that differ: name, kind, value, active. */
      changes: z.array(z.string()),
    }),
  ),
  /** Active RK discounts missing from the file: a full sync deactivates them ("add and update" keeps them). */
  deactivated: z.array(rkDiscount),
  unchanged: z.number().int().min(0),
  /**
   * The discounts this import would deactivate that ladder steps use, with those ladders and steps: `missing`
   * (absent from the file: a full sync only) or `inactive_in_file` (the file marks them inactive: either mode).
   */
  deactivated_in_use: z.array(
    z.strictObject({
      rk_discount_id: id,
      rk_code: z.number().int(),
      name: z.string(),
      reason: z.enum(['missing', 'inactive_in_file']),
      ladders: catalogUsageLadders,
    }),
  ),
})
export type CatalogImportPreview = z.infer<typeof catalogImportPreview>

/**
 * `full` (default): a sync as R-Keeper's own would be — active discounts missing from the list become inactive.
 * `add_update`: creates and updates only; main re-sends the missing active ones as they are, so any server that
 * implements the documented import (which always deactivates what is missing) deactivates nothing.
 */
export const catalogImportMode = z.enum(['full', 'add_update'])
export type CatalogImportMode = z.infer<typeof catalogImportMode>

export const catalogImportInput = z.strictObject({
  discounts: z.array(rkDiscountImportItem).max(MAX.importRows),
  mode: catalogImportMode.optional(),
})
export type CatalogImportInput = z.infer<typeof catalogImportInput>

// ---------------------------------------------------------------------------------------------------------
// Host capabilities

/** A file name the page suggests: no folders, no characters Windows refuses in a name. */
const suggestedFileName = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[^\\/:*?"<>|]+$/)
  .refine((name) => !/^\.+$/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 0x20), 'Not a file name')

export const fileSaveInput = z.strictObject({
  /** Offered in the save dialog; where the file goes is the user's choice there, never the page's. */
  name: suggestedFileName,
  /** Written as UTF-8; a leading U+FEFF becomes the byte order mark. */
  text: z.string(),
})
export type FileSaveInput = z.infer<typeof fileSaveInput>

export const fileSaveResult = z.strictObject({
  /** False when the user cancelled the dialog. */
  saved: z.boolean(),
  /** Where it was written (the desktop app); null when cancelled or when the browser downloads it. */
  path: z.string().nullable(),
})
export type FileSaveResult = z.infer<typeof fileSaveResult>

export const draftSaveInput = z.strictObject({
  /** The draft to update; absent: the entity's existing local draft if any, else a new one. */
  id: stringId.optional(),
  entity: draftEntity,
  /** The server entity being edited; null or absent for a new one. Main takes the base from its cache. */
  entity_id: id.nullable().optional(),
  payload: z.unknown(),
  /** Publish right after saving (one call for "save and publish"). */
  publish: z.boolean().optional(),
})
export type DraftSaveInput = z.infer<typeof draftSaveInput>

export const conflictResolution = z.enum([
  'keep_mine', // re-send mine on top of theirs (their version becomes the base)
  'take_theirs', // drop mine, keep the server's entity
  'merged', // send `merged` (a full body, without version) on top of theirs
])
export type ConflictResolution = z.infer<typeof conflictResolution>

export const syncResolveInput = z.strictObject({
  id: stringId,
  resolution: conflictResolution,
  merged: z.unknown().optional(),
})

export const syncStatus = z.strictObject({
  /** The server of the selected profile answers its health probe. */
  online: z.boolean(),
  checked_at: timestamp.nullable(),
  /** The last time the outbox delivered a row or the cache was refreshed from the server. */
  last_sync_at: timestamp.nullable(),
  /** The worker does not send because nobody is logged in or the session expired. */
  paused: z.boolean(),
  paused_reason: z.enum(['signed_out', 'session_expired']).nullable(),
  /** When the worker tries next after a network error, 429 or 5xx. */
  next_attempt_at: timestamp.nullable(),
  last_error: z.string().nullable(),
  counts: syncCounts,
})
export type SyncStatus = z.infer<typeof syncStatus>

// ---------------------------------------------------------------------------------------------------------
// Read-only screens

const pageFields = {
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  q: z.string().max(200).optional(),
}

const isoDate = z.iso.date()

// ---------------------------------------------------------------------------------------------------------
// Money operations: online only, never a draft, never on disk. The renderer makes the Idempotency-Key of an
// attempt and sends the same key again when it retries that attempt (after a timeout the first may have landed:
// the server then answers it again instead of crediting twice).

export const operationCreateInput = z.strictObject({
  idempotency_key: idempotencyKey,
  operation: operationCreate,
})
export type OperationCreateInput = z.infer<typeof operationCreateInput>

export const groupOperationInput = z.strictObject({
  idempotency_key: idempotencyKey,
  operation: groupOperationCreate,
})
export type GroupOperationInput = z.infer<typeof groupOperationInput>

/** The dry run of a group operation: what it would touch, read fresh from the server; nothing is written. */
export const groupOperationPreview = z.strictObject({
  group_id: id,
  name: z.string(),
  type: operationKind,
  amount: money,
  /** The group's accounts now: each gets the amount. */
  accounts: z.number().int().min(0),
  /** amount × accounts, in roubles. */
  total: money,
  /** What the group's accounts hold together now (reports/balances). */
  balance_total: money,
})
export type GroupOperationPreview = z.infer<typeof groupOperationPreview>

// ---------------------------------------------------------------------------------------------------------
// Per resource, from its descriptor: `<prefix>:list` (cached list), `<prefix>:get` (cached item) and
// `<prefix>:delete` (queues a delete of the cached version, or of `version` if given; answers the outbox row).

export const deleteInput = z.strictObject({ id, version: version.optional() })

type Entity<K extends CachedKind> = z.output<(typeof CACHED_RESOURCES)[K]['entity']>
type ResourceEntries = {
  [K in CachedKind as ResourceChannelOf<K, 'list'>]: {
    input: typeof cachedListInput
    output: z.ZodType<{ items: Entity<K>[]; fetched_at: string | null; stale: boolean }>
  }
} & {
  [K in CachedKind as ResourceChannelOf<K, 'get'>]: {
    input: (typeof CACHED_RESOURCES)[K]['shape'] extends 'singleton'
      ? typeof singletonGetInput
      : typeof cachedGetInput
    output: z.ZodType<{ item: Entity<K>; fetched_at: string | null; stale: boolean }>
  }
} & {
  [K in CachedKind as ResourceChannelOf<K, 'delete'>]: { input: typeof deleteInput; output: typeof draft }
}

function resourceEntries(): ResourceEntries {
  const entries: Record<string, { input: z.ZodType; output: z.ZodType }> = {}
  for (const kind of CACHED_KINDS) {
    const { entity, ipc, shape } = CACHED_RESOURCES[kind]
    for (const verb of ipc.verbs) {
      const channel = `${ipc.prefix}:${verb}`
      if (verb === 'list') entries[channel] = { input: cachedListInput, output: cachedList(entity) }
      else if (verb === 'get') {
        const input = shape === 'singleton' ? singletonGetInput : cachedGetInput
        entries[channel] = { input, output: cachedItem(entity) }
      } else entries[channel] = { input: deleteInput, output: draft }
    }
  }
  return entries as ResourceEntries
}

// ---------------------------------------------------------------------------------------------------------
// The table

export const ipcContract = {
  ...resourceEntries(),
  ...usersSettingsContract,
  ...stepOverrideContract,

  'session:state': { input: none, output: sessionState },
  /** Errors: `unauthorized` (wrong login or password), `throttled` (+retryAfterSeconds), `offline`, `bad_request` (no profile). */
  'session:login': { input: loginInput, output: sessionState },
  /** Ends the session on the server when reachable; drafts and the outbox stay on disk for the next login. */
  'session:logout': { input: none, output: sessionState },

  'profiles:list': { input: none, output: profilesList },
  'profiles:save': { input: profileSaveInput, output: profile },
  /** Removing the selected profile signs out and selects another one (or none). */
  'profiles:remove': { input: z.strictObject({ id: stringId }), output: profilesList },
  /** Switching profiles restores that profile's remembered session if any; answers the new session state. */
  'profiles:select': { input: z.strictObject({ id: stringId }), output: sessionState },

  'catalog:usage': { input: cachedListInput, output: catalogUsage },
  /** Checks every row and compares with the current catalog (fetched when online). Nothing is stored. */
  'catalog:import-preview': { input: catalogImportPreviewInput, output: catalogImportPreview },
  /** Admin; online only (not queued). Emits `entities:changed` for `rk_discount`. */
  'catalog:import': { input: catalogImportInput, output: rkDiscountImportResult },

  /** Online only. */
  'ladders:history': { input: byId, output: ladderHistory },
  /** Online only. `ladder` is the proposed body (with the id of the ladder it would replace, if any). */
  'ladders:preview': {
    input: z.strictObject({ ladder: ladderPreviewRequest, group_id: id.optional() }),
    output: ladderPreview,
  },

  /** The server's "test scan" (online only): pattern, lengths, active, and "already taken by account N". */
  'identifier-types:check': {
    input: z.strictObject({ id, value: z.string().max(1000) }),
    output: identifierCheckResult,
  },

  'drafts:list': { input: z.strictObject({ entity: draftEntity.optional() }).optional(), output: draftsList },
  /** A local draft or an outbox row by its id. */
  'drafts:get': { input: z.strictObject({ id: stringId }), output: draft },
  /** Durable when answered. Errors: `not_found` (entity_id not cached and the server unreachable), `unauthorized` (nobody logged in). */
  'drafts:save': { input: draftSaveInput, output: draft },
  /** Drops a local draft, or an outbox row that is not being sent (queued, failed, conflict). */
  'drafts:discard': { input: z.strictObject({ id: stringId }), output: z.strictObject({ id: z.string() }) },
  /**
   * Checks the payload with the API schema (`validation` + `fields` when it does not pass; the draft stays) and
   * queues it. Answers the outbox row (`kind: 'outbox'`). Works offline.
   */
  'drafts:publish': { input: z.strictObject({ id: stringId }), output: draft },

  'sync:status': { input: none, output: syncStatus },
  /** Probe the server now (e.g. a "retry connection" button). */
  'sync:check': { input: none, output: syncStatus },
  /** Re-queue a failed row (`id`), or with no id: every failed row, and cut any backoff short. */
  'sync:retry': { input: z.strictObject({ id: stringId.optional() }).optional(), output: syncStatus },
  /** Resolve a conflict. `take_theirs` drops the row (answers `draft: null`); the others re-queue it. */
  'sync:resolve': { input: syncResolveInput, output: z.strictObject({ draft: draft.nullable() }) },

  /**
   * Saves a file through the host (Electron: the save dialog, then the file written). The browser host has no
   * dialog to show: it answers `bad_request`, and the page downloads the file itself (renderer's host).
   */
  'files:save': { input: fileSaveInput, output: fileSaveResult },

  'accounts:list': {
    /** `step_override: true`: only the accounts whose level is set by hand now. */
    input: z
      .strictObject({ ...pageFields, group_id: id.optional(), step_override: z.literal(true).optional() })
      .optional(),
    output: listOf(account),
  },
  /** Online, else the account as main last read it (opened or edited here); `not_found`/`offline` otherwise. */
  'accounts:get': { input: byId, output: account },
  /** Online only: the account's purchases, newest first (what a rolling ladder counts). */
  'accounts:purchases': {
    input: z.strictObject({ id, offset: pageFields.offset, limit: pageFields.limit }),
    output: listOf(accountPurchase),
  },
  /**
   * Admin; online only (never queued: the count and ladder change confirmed are true only now). All or none.
   * Emits `entities:changed` for `account` and `account_group`.
   */
  'accounts:move': { input: accountMoveRequest, output: accountMoveResult },
  'operations:list': {
    input: z
      .strictObject({
        ...pageFields,
        account_id: id.optional(),
        group_id: id.optional(),
        type: operationType.optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .optional(),
    output: listOf(operation),
  },
  /** A deposit or withdrawal on one account (admin, online only). */
  'operations:create': { input: operationCreateInput, output: operation },
  /** The dry run of a group operation: accounts and total, nothing written. */
  'operations:group-preview': {
    input: groupOperationCreate.pick({ group_id: true, type: true, amount: true }),
    output: groupOperationPreview,
  },
  /** The same deposit or withdrawal on every account of a group, all or nothing (admin, online only). */
  'operations:create-group': { input: groupOperationInput, output: groupOperationResult },
  'reports:balances': { input: none, output: balancesReport },
  'reports:operations': { input: z.strictObject({ from: isoDate, to: isoDate }), output: operationsReport },
  'reports:ladder-steps': { input: z.strictObject({ ladder_id: id }), output: ladderStepsReport },
} as const satisfies Record<IpcChannel, { input: z.ZodType; output: z.ZodType }>

export type IpcContract = typeof ipcContract
/** What the renderer passes (before defaults/transforms). */
export type IpcInput<C extends IpcChannel> = z.input<IpcContract[C]['input']>
/** What a handler receives after validation. */
export type IpcParsedInput<C extends IpcChannel> = z.output<IpcContract[C]['input']>
export type IpcOutput<C extends IpcChannel> = z.output<IpcContract[C]['output']>

// ---------------------------------------------------------------------------------------------------------
// Events main pushes

export const entityKind = z.enum([
  'ladder',
  'account_group',
  'identifier_type',
  'rk_discount',
  'account',
  'operation',
  'settings',
  'user',
])
export type EntityKind = z.infer<typeof entityKind>

export const entitiesChanged = z.strictObject({
  entity: entityKind,
  /** The ids that changed; empty when the whole list was refreshed. */
  ids: z.array(id),
  reason: z.enum(['synced', 'refreshed', 'deleted', 'imported', 'resolved', 'moved']),
})
export type EntitiesChanged = z.infer<typeof entitiesChanged>

export const draftsChanged = z.strictObject({
  /** Ids of drafts/outbox rows that were saved, changed state or disappeared. */
  ids: z.array(z.string()),
  counts: syncCounts,
})
export type DraftsChanged = z.infer<typeof draftsChanged>

/**
 * An outbox row reached the server (sent at once, before the `drafts:changed` that drops the row): an editor of a
 * new entity follows `entity_id` instead of looking for what it created in the list.
 */
export const draftsSynced = z.strictObject({
  entity: draftEntity,
  action: draftAction,
  /** The outbox row that was sent. */
  op_id: z.string(),
  /** The local draft the row was published from; null for a delete (or a row queued without one). */
  draft_id: z.string().nullable(),
  /** The server id: the new one after a create, the deleted one after a delete. */
  entity_id: id,
})
export type DraftsSynced = z.infer<typeof draftsSynced>

export const ipcEvents = {
  'sync:status': syncStatus,
  'entities:changed': entitiesChanged,
  'session:changed': sessionState,
  'drafts:changed': draftsChanged,
  'drafts:synced': draftsSynced,
} as const satisfies Record<IpcEventName, z.ZodType>

export type IpcEventPayload<E extends IpcEventName> = z.output<(typeof ipcEvents)[E]>
