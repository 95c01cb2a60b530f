// One descriptor per resource of API.md. The server's routes, main's API client, cache, outbox and IPC handlers,
// the IPC contract's per-resource channels and the renderer's editors, conflict view and permissions derive from
// these; adding a resource is a schema (src/shared/api), a descriptor here, and its screen.
//
// Narrow imports (not the index files): main's store code and the crash-safety child load this.
import { z } from 'zod'
import { accountGroup, accountGroupCreate, accountGroupUpdate } from '../api/account-groups'
import { changePasswordRequest, user, userCreate, userUpdate, type Role } from '../api/auth'
import { account, accountCreate, accountMoveRequest, accountMoveResult, accountUpdate } from '../api/accounts'
import { identifierType, identifierTypeCreate, identifierTypeUpdate } from '../api/identifier-types'
import { ladder, ladderStepInput } from '../api/ladders'
import { groupOperationCreate, groupOperationResult, operation, operationCreate } from '../api/operations'
import { rkDiscount, rkDiscountImportRequest, rkDiscountImportResult } from '../api/rk-discounts'
import { settings, settingsUpdate } from '../api/settings'
import { ladderCreateChecked, ladderUpdateChecked } from '../domain/ladder-schemas'
import { fieldLimits } from './limits'
import { RESOURCE_CHANNELS } from './names'
import type {
  AnyDescriptor,
  CollectionDescriptor,
  CommandDescriptor,
  DraftSingletonDescriptor,
  EditableDescriptor,
} from './types'

export * from './types'
export * from './names'
export { fieldLimits, limitsOf, unwrapSchema, type FieldLimits } from './limits'

const ADMIN: readonly Role[] = ['admin']
const ADMIN_MARKETING: readonly Role[] = ['admin', 'marketing']
const EVERYONE: readonly Role[] = ['admin', 'marketing', 'viewer']

function fieldsOf<S extends z.ZodObject>(body: S): (keyof S['shape'] & string)[] {
  return Object.keys(body.shape) as (keyof S['shape'] & string)[]
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
}

export const ladders = {
  shape: 'collection',
  kind: 'ladder',
  noun: 'ladder',
  segment: 'ladders',
  entity: ladder,
  create: ladderCreateChecked,
  update: ladderUpdateChecked,
  fields: fieldsOf(ladderCreateChecked),
  steps: { field: 'steps', fields: fieldsOf(ladderStepInput) },
  limits: fieldLimits(ladderCreateChecked),
  title: (body) => text(body.name),
  displayName: (body) => text(body.name),
  writeRoles: ADMIN_MARKETING,
  writes: 'drafts',
  cached: true,
  ipc: RESOURCE_CHANNELS.ladder,
} as const satisfies EditableDescriptor<'ladder'>

export const accountGroups = {
  shape: 'collection',
  kind: 'account_group',
  noun: 'account group',
  segment: 'account_groups',
  entity: accountGroup,
  create: accountGroupCreate,
  update: accountGroupUpdate,
  fields: fieldsOf(accountGroupCreate),
  references: { ladder_id: 'ladder' },
  limits: fieldLimits(accountGroupCreate),
  title: (body) => text(body.name),
  displayName: (body) => text(body.name),
  writeRoles: ADMIN,
  writes: 'drafts',
  cached: true,
  ipc: RESOURCE_CHANNELS.account_group,
} as const satisfies EditableDescriptor<'account_group'>

export const identifierTypes = {
  shape: 'collection',
  kind: 'identifier_type',
  noun: 'identifier type',
  segment: 'identifier_types',
  entity: identifierType,
  create: identifierTypeCreate,
  update: identifierTypeUpdate,
  fields: fieldsOf(identifierTypeCreate),
  limits: fieldLimits(identifierTypeCreate),
  title: (body) =>
    typeof body.name === 'string' && typeof body.code === 'string'
      ? `${body.name} (${body.code})`
      : text(body.name),
  displayName: (body) => text(body.name) ?? text(body.code),
  writeRoles: ADMIN,
  writes: 'drafts',
  cached: true,
  ipc: RESOURCE_CHANNELS.identifier_type,
} as const satisfies EditableDescriptor<'identifier_type'>

/**
 * Guests' accounts: edited through drafts like the other editors (an administrator's edit of one card, with its
 * version). Not kept whole on disk: a server holds up to millions, paged and searched there (`accounts:list`); main's
 * cache holds only the accounts opened or edited here, so a card opened before stays readable offline.
 */
export const accounts = {
  shape: 'collection',
  kind: 'account',
  noun: 'account',
  segment: 'accounts',
  entity: account,
  create: accountCreate,
  update: accountUpdate,
  fields: fieldsOf(accountCreate),
  limits: fieldLimits(accountCreate),
  title: (body) => {
    const number = text(body.number)
    const holder = text(body.holder_name)
    return number && holder ? `${holder} (${number})` : (holder ?? number)
  },
  displayName: (body) => text(body.holder_name) ?? text(body.number),
  writeRoles: ADMIN,
  writes: 'drafts',
  cached: false,
  ipc: RESOURCE_CHANNELS.account,
} as const satisfies EditableDescriptor<'account'>

/**
 * `POST /accounts/move`: some accounts or a whole group to another group, all or none. Online only, not a draft:
 * it names no version (nothing to resolve a conflict against), and the count and ladder change the person
 * confirmed are true only now — queued for later it would move whatever the group holds by then.
 */
export const accountMove = {
  shape: 'command',
  kind: 'account_move',
  noun: 'account move',
  path: 'accounts/move',
  body: accountMoveRequest,
  answer: accountMoveResult,
  idempotency: 'none',
  timeoutMs: 60_000,
  secret: false,
  writeRoles: ADMIN,
  writes: 'online',
} as const satisfies CommandDescriptor<'account_move'>

/** R-Keeper's discounts: read-only here; R-Keeper's export comes in through `rkDiscountImport`. */
export const rkDiscounts = {
  shape: 'collection',
  kind: 'rk_discount',
  noun: 'RK discount',
  segment: 'rk_discounts',
  entity: rkDiscount,
  writeRoles: ADMIN,
  writes: 'none',
  cached: true,
  ipc: RESOURCE_CHANNELS.rk_discount,
} as const satisfies CollectionDescriptor<'rk_discount'>

/** `POST /rk_discounts/import`: the whole catalog at once, atomic; online only. */
export const rkDiscountImport = {
  shape: 'command',
  kind: 'rk_discount_import',
  noun: 'RK discount import',
  path: 'rk_discounts/import',
  body: rkDiscountImportRequest,
  answer: rkDiscountImportResult,
  idempotency: 'none',
  timeoutMs: 60_000,
  secret: false,
  writeRoles: ADMIN,
  writes: 'online',
} as const satisfies CommandDescriptor<'rk_discount_import'>

/** The one "id" a singleton's document has inside the drafts, outbox, cache and conflict machinery. */
export const SINGLETON_ID = 1

/** The settings document as main keeps it: the server's answer (which has no id) under `SINGLETON_ID`. */
export const settingsDocument = settings.extend({
  id: z.literal(SINGLETON_ID).default(SINGLETON_ID),
})
export type SettingsDocument = z.infer<typeof settingsDocument>

/** What a person edits in the settings: the `PUT` body without `version` (main adds the base version). */
export const settingsBody = settingsUpdate.omit({ version: true })
export type SettingsBody = z.infer<typeof settingsBody>

/**
 * The server's program settings: one document, edited by an administrator through drafts like every other editor
 * (a 409 becomes a conflict with base, mine and theirs); every role reads it.
 */
export const serverSettings = {
  shape: 'singleton',
  kind: 'settings',
  noun: 'settings',
  segment: 'settings',
  entity: settingsDocument,
  create: settingsBody,
  update: settingsUpdate,
  fields: fieldsOf(settingsBody),
  limits: fieldLimits(settingsBody),
  title: () => 'settings',
  displayName: () => null,
  writeRoles: ADMIN,
  writes: 'drafts',
  cached: true,
  ipc: RESOURCE_CHANNELS.settings,
} as const satisfies DraftSingletonDescriptor<'settings'>

/**
 * The people who log in (admin). Every write is online-only, not a draft: a create and a new password carry a
 * secret, and a role or active change ends that user's sessions at once — an administrator revoking access must
 * see it done (or refused: yourself, the last admin) now, not find it queued for later.
 */
export const users = {
  shape: 'collection',
  kind: 'user',
  noun: 'user',
  segment: 'users',
  entity: user,
  create: userCreate,
  update: userUpdate,
  fields: fieldsOf(userCreate),
  limits: fieldLimits(userCreate),
  title: (body) => text(body.login),
  displayName: (body) => text(body.name) ?? text(body.login),
  writeRoles: ADMIN,
  writes: 'online',
  cached: false,
  ipc: { prefix: 'users', verbs: [] },
} as const satisfies EditableDescriptor<'user'>

/** A person changes their own password: carries secrets, so never a draft, never on disk. */
export const passwordChange = {
  shape: 'command',
  kind: 'password_change',
  noun: 'password change',
  path: 'auth/change_password',
  body: changePasswordRequest,
  answer: null,
  idempotency: 'none',
  secret: true,
  writeRoles: EVERYONE,
  writes: 'online',
} as const satisfies CommandDescriptor<'password_change'>

/** A deposit or withdrawal of bonus: money, so online only, and every attempt carries an Idempotency-Key. */
export const operationCreateCommand = {
  shape: 'command',
  kind: 'operation_create',
  noun: 'operation',
  path: 'operations/create',
  body: operationCreate,
  answer: operation,
  idempotency: 'required',
  secret: false,
  writeRoles: ADMIN,
  writes: 'online',
} as const satisfies CommandDescriptor<'operation_create'>

/** The same deposit or withdrawal on every account of a group, atomically: online only, Idempotency-Key always. */
export const groupOperationCommand = {
  shape: 'command',
  kind: 'group_operation_create',
  noun: 'group operation',
  path: 'operations/create_group',
  body: groupOperationCreate,
  answer: groupOperationResult,
  idempotency: 'required',
  // One statement per table on the server, but a group may hold a million accounts.
  timeoutMs: 60_000,
  secret: false,
  writeRoles: ADMIN,
  writes: 'online',
} as const satisfies CommandDescriptor<'group_operation_create'>

/** The resources edited through drafts and the outbox, by kind. */
export const DRAFT_RESOURCES = {
  ladder: ladders,
  account_group: accountGroups,
  identifier_type: identifierTypes,
  settings: serverSettings,
  account: accounts,
} as const

/** What the drafts machinery reads of a kind's descriptor (a collection, or a singleton at `SINGLETON_ID`). */
export type DraftDescriptor = EditableDescriptor | DraftSingletonDescriptor

export type DraftKind = keyof typeof DRAFT_RESOURCES
export const DRAFT_KINDS = Object.keys(DRAFT_RESOURCES) as [DraftKind, ...DraftKind[]]

/** The collections main keeps on disk for offline reading, by kind. */
export const CACHED_RESOURCES = { ...DRAFT_RESOURCES, rk_discount: rkDiscounts } as const

export type CachedKind = keyof typeof CACHED_RESOURCES
export const CACHED_KINDS = Object.keys(CACHED_RESOURCES) as [CachedKind, ...CachedKind[]]

/** The entity a cached kind's server answers hold. */
export type EntityOf<K extends CachedKind> = z.infer<(typeof CACHED_RESOURCES)[K]['entity']>
/** The create body of a draft kind (what the editor's form holds, as parsed). */
export type CreateBodyOf<K extends DraftKind> = z.infer<(typeof DRAFT_RESOURCES)[K]['create']>

/** Every descriptor, for listings (docs, tests). */
export const ALL_RESOURCES: readonly AnyDescriptor[] = [
  ladders,
  accountGroups,
  identifierTypes,
  accounts,
  accountMove,
  rkDiscounts,
  rkDiscountImport,
  serverSettings,
  users,
  passwordChange,
  operationCreateCommand,
  groupOperationCommand,
]

/** True when `role` may write what `resource` describes (API.md "Roles"). */
export function mayWrite(
  role: Role | null | undefined,
  resource: Pick<AnyDescriptor, 'writeRoles'>,
): boolean {
  return role != null && resource.writeRoles.includes(role)
}
