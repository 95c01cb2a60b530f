// What handlers may use: the core's services, behind one small interface.

import type { SyncStatus } from '@shared/ipc'
import type { ApiClient } from '../../api/client'
import type { ProfilesStore } from '../../session/profiles'
import type { SessionManager } from '../../session/session'
import type { Connectivity } from '../../sync/connectivity'
import type { Workspace } from '../../sync/workspace'
import type { EventHub } from '../events'

export interface HandlerContext {
  now(): number
  events: EventHub
  session: SessionManager
  profiles: ProfilesStore
  connectivity: Connectivity
  /** The open login's local data; `unauthorized` when nobody is logged in. */
  workspace(): Workspace
  /** The selected profile's API client; `bad_request` when no profile is selected. */
  api(): ApiClient
  syncStatus(): SyncStatus
  /** Let the outbox worker look at the queue again (`resetBackoff`: "retry now"). */
  wakeWorker(resetBackoff?: boolean): void
  /** Probe the server now and tell everyone. */
  checkConnectivity(): Promise<void>
}
