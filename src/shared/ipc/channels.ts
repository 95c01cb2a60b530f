// The IPC channel and event names. Imports only ../resources/names (which imports nothing): the sandboxed preload
// bundles this file as is.
import { RESOURCE_CHANNEL_NAMES, type ResourceChannel } from '../resources/names'

/** Channels of their own; every resource's `<prefix>:list/get/delete` come from its descriptor (resources/names). */
const OWN_CHANNELS = [
  // session and server profiles
  'session:state',
  'session:login',
  'session:logout',
  'profiles:list',
  'profiles:save',
  'profiles:remove',
  'profiles:select',
  // RK discount catalog
  'catalog:usage',
  'catalog:import-preview',
  'catalog:import',
  // ladders
  'ladders:history',
  'ladders:preview',
  // identifier types
  'identifier-types:check',
  // drafts (local edits) and the outbox rows they become
  'drafts:list',
  'drafts:get',
  'drafts:save',
  'drafts:discard',
  'drafts:publish',
  // sync
  'sync:status',
  'sync:check',
  'sync:retry',
  'sync:resolve',
  // what the host does for the page: save a file (Electron: a save dialog; the browser host downloads instead)
  'files:save',
  // read-only screens that come later
  'accounts:list',
  'accounts:get',
  'accounts:purchases',
  'accounts:move',
  'operations:list',
  // money operations: online only, each attempt with its Idempotency-Key
  'operations:create',
  'operations:group-preview',
  'operations:create-group',
  'reports:balances',
  'reports:operations',
  'reports:ladder-steps',
  // users (admin) and my own password: online only, a password is never stored (ipc/users-settings.ts)
  'users:list',
  'users:get',
  'users:create',
  'users:update',
  'users:delete',
  'session:change-password',
  // an account's bonus: pending with dates, limits left, temporary identifiers (online only)
  'accounts:bonus',
  'accounts:temporary-identifier',
  // a guest's discount level set by hand: online only (ipc/step-override.ts)
  'accounts:set-step-override',
  'accounts:remove-step-override',
] as const

export type IpcChannel = (typeof OWN_CHANNELS)[number] | ResourceChannel

export const IPC_CHANNELS: readonly IpcChannel[] = [...OWN_CHANNELS, ...RESOURCE_CHANNEL_NAMES]

export const IPC_EVENTS = [
  'sync:status',
  'entities:changed',
  'session:changed',
  'drafts:changed',
  'drafts:synced',
] as const

export type IpcEventName = (typeof IPC_EVENTS)[number]

const channelSet: ReadonlySet<string> = new Set(IPC_CHANNELS)
const eventSet: ReadonlySet<string> = new Set(IPC_EVENTS)

export function isIpcChannel(value: unknown): value is IpcChannel {
  return typeof value === 'string' && channelSet.has(value)
}

export function isIpcEventName(value: unknown): value is IpcEventName {
  return typeof value === 'string' && eventSet.has(value)
}

/**
 * Not a contract channel: the renderer's "stop call N" (a superseded query). Fire-and-forget; main aborts the
 * call's work (its HTTP request) and the call answers `cancelled`. Unknown or finished ids are ignored.
 */
export const IPC_CANCEL_CHANNEL = 'ipc:cancel'

/** A call id the renderer picks for a call it may cancel: a safe integer ≥ 0, unique per sender. */
export function isCallId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
}
