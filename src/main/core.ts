// The main-process core: plain Node, no electron. The Electron entry and the browser host both build one with
// createCore and bind `core.registry` to their transport.

import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import type { SessionState, SyncStatus } from '@shared/ipc'
import { createHandlers, type HandlerContext, type HostCapabilities } from './ipc/handlers'
import { revalidate } from './ipc/handlers/reads'
import { EventHub } from './ipc/events'
import { IpcFailure } from './ipc/errors'
import { createIpcRegistry, type IpcRegistry } from './ipc/registry'
import { ProfilesStore } from './session/profiles'
import { MemorySecretStore, type SecretStore } from './session/secret-store'
import { SessionManager } from './session/session'
import { CACHE_KINDS } from './store/cache'
import { Connectivity } from './sync/connectivity'
import { kindsAbout } from './sync/refs'
import type { OutboxRow } from './sync/records'
import { OutboxWorker } from './sync/worker'
import { Workspace, type WorkspaceChange } from './sync/workspace'

export type { IpcRegistry } from './ipc/registry'
export type { HostCapabilities } from './ipc/handlers'
export type { SecretStore } from './session/secret-store'
export { MemorySecretStore } from './session/secret-store'

export interface CoreOptions {
  /** Where profiles, caches, drafts and the outbox live (created if missing). */
  dataDir: string
  /** Where refresh tokens live; a MemorySecretStore when absent. */
  secretStore?: SecretStore
  /** Profiles created on the very first start only (an empty data dir). */
  defaultProfiles?: { name: string; baseUrl: string }[]
  /** Clock for timestamps and token expiry, for tests. */
  now?: () => number
  /** The fetch to use (tests pass a counting wrapper of the global fetch). */
  fetch?: typeof fetch
  /** Answers are checked against the IPC contract (on in tests). */
  validateOutputs?: boolean
  /** Health probe period while online, ms (default 15 000); while offline it backs off from 1 s to 30 s. */
  healthIntervalMs?: number
  /** What only the host can do (the desktop app's save dialog); the browser host has none of it. */
  host?: HostCapabilities
  /** Where unexpected errors are reported (default: console.error). */
  log?: (message: string, error?: unknown) => void
}

export interface Core {
  registry: IpcRegistry
  /** Stops timers and the worker, waits for pending writes. */
  close(): Promise<void>
  /** Resolves when the outbox worker has nothing it can send right now (tests, benches). */
  whenSynced(): Promise<void>
}

const EVENT_BATCH_MS = 16
const ZERO_COUNTS = { drafts: 0, queued: 0, syncing: 0, failed: 0, conflicts: 0 }

export async function createCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? Date.now
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''))
  await fs.mkdir(options.dataDir, { recursive: true })
  const secrets = options.secretStore ?? new MemorySecretStore()
  const events = new EventHub()
  const profiles = await ProfilesStore.open(options.dataDir, options.defaultProfiles ?? [])

  let workspace: Workspace | null = null
  let workspaceKey: string | null = null
  let worker: OutboxWorker | null = null
  let transitions: Promise<void> = Promise.resolve()
  let closed = false

  const syncStatus = (): SyncStatus => {
    const status = session.status
    const lastSync = workspace?.lastSyncAt ?? null
    const retryRow = workspace?.rowsInOrder().find((row) => row.status === 'queued' && row.attempts > 0)
    return {
      online: connectivity.online,
      checked_at: connectivity.checkedAt !== null ? new Date(connectivity.checkedAt).toISOString() : null,
      last_sync_at: lastSync !== null ? new Date(lastSync).toISOString() : null,
      paused: status !== 'signed_in',
      paused_reason: status === 'expired' ? 'session_expired' : status === 'signed_out' ? 'signed_out' : null,
      next_attempt_at:
        workspace?.nextAttemptAt != null && workspace.nextAttemptAt > Date.now()
          ? new Date(workspace.nextAttemptAt).toISOString()
          : null,
      last_error: retryRow?.error ?? null,
      counts: workspace?.counts() ?? ZERO_COUNTS,
    }
  }
  // `drafts:changed` and `sync:status` carry counts over the whole outbox: they are batched per EVENT_BATCH_MS, so a
  // drain of a thousand rows sends a few dozen events, not thousands. `entities:changed` goes out at once.
  let changedDraftIds = new Set<string>()
  let statusChanged = false
  let flushTimer: NodeJS.Timeout | null = null
  const flushEvents = () => {
    if (flushTimer) clearTimeout(flushTimer)
    flushTimer = null
    if (changedDraftIds.size > 0 && workspace) {
      events.emit('drafts:changed', { ids: [...changedDraftIds], counts: workspace.counts() })
    }
    changedDraftIds = new Set()
    if (statusChanged) events.emit('sync:status', syncStatus())
    statusChanged = false
  }
  const emitStatus = () => {
    statusChanged = true
    flushTimer ??= setTimeout(flushEvents, EVENT_BATCH_MS)
  }

  const connectivity = new Connectivity({
    probe: () => session.api?.health().then(() => undefined) ?? null,
    onChange: (online) => {
      emitStatus()
      if (!online || !workspace) return
      worker?.wake(true)
      // Lists read while offline came from the cache: tell the screens to read them again.
      for (const entity of CACHE_KINDS)
        events.emit('entities:changed', { entity, ids: [], reason: 'refreshed' })
    },
    now,
    intervalMs: options.healthIntervalMs,
  })

  /** Re-reads after a refusal still on their way (`whenSynced` waits for them). */
  const rereads = new Set<Promise<void>>()
  // The server refused a row because of data this workstation has not seen (a colleague gave the ladder to a
  // group): read what the refusal is about again, so the screens show why (the group that uses it) and say
  // `entities:changed` if it changed.
  const rereadAbout = (row: OutboxRow) => {
    for (const kind of kindsAbout(row.entity)) {
      const run = revalidate(context, kind)
      rereads.add(run)
      void run.finally(() => rereads.delete(run))
    }
  }

  const onWorkspaceChange = (change: WorkspaceChange) => {
    if (!workspace) return
    for (const id of change.ids) changedDraftIds.add(id)
    // At once (drafts:changed is batched): an editor knows the new id before the row leaves the drafts list.
    if (change.synced) events.emit('drafts:synced', change.synced)
    if (change.entities) events.emit('entities:changed', change.entities)
    emitStatus()
  }

  async function openWorkspace(key: string): Promise<void> {
    const opened = await Workspace.open({
      dir: join(options.dataDir, 'workspaces', key),
      now,
      onChange: (change) => {
        if (workspace === opened) onWorkspaceChange(change)
      },
      log: (message) => log(message),
    })
    opened.lastSyncAt = lastFetch(opened)
    workspace = opened
    workspaceKey = key
    worker = new OutboxWorker({
      workspace: opened,
      api: () => session.api,
      ready: () => session.status === 'signed_in' && connectivity.online,
      reportOffline: () => connectivity.reportOffline(),
      reportOnline: () => connectivity.reportOnline(),
      onBackoff: emitStatus,
      onRefused: rereadAbout,
      log,
    })
    worker.start()
  }

  async function closeWorkspace(): Promise<void> {
    flushEvents()
    const [closingWorker, closing] = [worker, workspace]
    worker = null
    workspace = null
    workspaceKey = null
    await closingWorker?.stop()
    await closing?.close()
  }

  /** Session changes are applied one at a time, in order. */
  function onSessionChange(state: SessionState): Promise<void> {
    const apply = async () => {
      if (closed) return
      const key = state.profile && state.login ? workspaceKeyOf(state.profile.id, state.login) : null
      if (key !== workspaceKey) {
        await closeWorkspace()
        if (key) await openWorkspace(key)
      }
      events.emit('session:changed', state)
      emitStatus()
      worker?.wake(true)
    }
    const run = transitions.then(apply)
    transitions = run.catch((error: unknown) => log('Session change failed', error))
    return run
  }

  const session = new SessionManager({
    profiles,
    secrets,
    fetch: options.fetch,
    now,
    onChange: onSessionChange,
  })

  const context: HandlerContext = {
    now,
    events,
    session,
    profiles,
    connectivity,
    workspace: () => {
      if (!workspace) throw new IpcFailure('unauthorized', 'Log in to see and edit data')
      return workspace
    },
    api: () => {
      if (!session.api) throw new IpcFailure('bad_request', 'Choose a server profile first')
      return session.api
    },
    syncStatus,
    wakeWorker: (resetBackoff) => worker?.wake(resetBackoff),
    checkConnectivity: async () => {
      await connectivity.check()
      emitStatus()
    },
  }

  const registry = createIpcRegistry(createHandlers(context, secrets, options.host), events, {
    validateOutputs: options.validateOutputs,
    onInternalError: (channel, error) => log(`IPC ${channel} failed`, error),
  })

  await session.restore('start')
  connectivity.start()

  return {
    registry,
    whenSynced: async () => {
      await transitions
      await worker?.whenIdle()
      await Promise.all(rereads)
    },
    close: async () => {
      if (closed) return
      closed = true
      await transitions
      await connectivity.stop()
      await closeWorkspace()
      await profiles.flush()
    },
  }
}

/** One directory per profile and login; a login is case-insensitive and may hold any character. */
function workspaceKeyOf(profileId: string, login: string): string {
  const digest = createHash('sha256').update(login.toLowerCase(), 'utf8').digest('hex').slice(0, 24)
  return join(profileId, digest)
}

function lastFetch(workspace: Workspace): number | null {
  const times = CACHE_KINDS.map((kind) => workspace.cache.fetchedAt(kind))
    .filter((time): time is string => time !== null)
    .map((time) => Date.parse(time))
  return times.length ? Math.max(...times) : null
}
