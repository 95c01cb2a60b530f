// The main-process core: plain Node, no electron. The Electron entry and the browser host both build one with
// createCore and bind `core.registry` to their transport.

import type { IpcRegistry } from './ipc/registry'
import type { SecretStore } from './session/secret-store'

export type { IpcRegistry } from './ipc/registry'
export type { SecretStore } from './session/secret-store'
export { MemorySecretStore } from './session/secret-store'

export interface CoreOptions {
  /** Where profiles, caches, drafts and the outbox live (created if missing). */
  dataDir: string
  /** Where refresh tokens live; a MemorySecretStore when absent. */
  secretStore?: SecretStore
  /** Profiles created on the very first start only (an empty data dir). */
  defaultProfiles?: { name: string; baseUrl: string }[]
  /** Clock, for tests. */
  now?: () => number
  /** The fetch to use (tests pass a counting wrapper of the global fetch). */
  fetch?: typeof fetch
  /** Answers are checked against the IPC contract (on in tests). */
  validateOutputs?: boolean
  /** Health probe period while online, ms (default 15 000); while offline it backs off from 1 s to 30 s. */
  healthIntervalMs?: number
  /** Where unexpected errors are reported (default: console.error). */
  log?: (message: string, error?: unknown) => void
}

export interface Core {
  registry: IpcRegistry
  /** Stops timers and the worker, waits for pending writes. */
  close(): Promise<void>
}
