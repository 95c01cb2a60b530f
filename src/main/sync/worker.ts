// The one outbox worker: sends rows FIFO. Creates carry `Idempotency-Key: op_id`, updates and deletes the base
// version. 2xx → cache and drop the row; 409 → a conflict {base, mine, theirs}; 422/403 → failed, the rows behind
// go on; network error, 429, 5xx → backoff with jitter; 401 → the session refreshes once, else it expires and
// the worker waits for a new login. Nothing is ever dropped without an answer from the server or the user.

import type { DraftEntityBody } from '@shared/ipc'
import { DRAFT_RESOURCES } from '@shared/resources'
import type { ApiClient, EntityResource } from '../api/client'
import { ApiError } from '../api/errors'
import { entitySchemas, sameContent } from './payloads'
import type { OutboxRow } from './records'
import { Signal } from './signal'
import type { Workspace } from './workspace'

export interface WorkerOptions {
  workspace: Workspace
  api: () => ApiClient | null
  /** True when a session may send (logged in, not expired) and the server is believed reachable. */
  ready: () => boolean
  reportOffline: () => void
  reportOnline: () => void
  /** Wall clock for backoff timers (real time even when tests fake the session clock). */
  now?: () => number
  onBackoff: () => void
  /** The server refused a row because of its data (a ladder in use, a taken code), not its version. */
  onRefused?: (row: OutboxRow) => void
  random?: () => number
  log?: (message: string, error?: unknown) => void
  minBackoffMs?: number
  maxBackoffMs?: number
}

type AnyResource = EntityResource<DraftEntityBody, unknown, unknown>

export class OutboxWorker {
  private readonly signal = new Signal()
  private stopped = false
  private loopDone: Promise<void> | null = null
  private backoffUntil = 0
  private failuresInRow = 0
  private idleWaiters: (() => void)[] = []
  private busy = false

  constructor(private readonly options: WorkerOptions) {}

  start(): void {
    this.loopDone ??= this.loop()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.signal.notify()
    await this.loopDone
  }

  /** Something changed (a new row, back online, a new login, "retry now"). */
  wake(resetBackoff = false): void {
    if (resetBackoff) {
      this.backoffUntil = 0
      this.options.workspace.nextAttemptAt = null
    }
    this.signal.notify()
  }

  /** Resolves when the worker has nothing it can send right now (tests, bench). */
  whenIdle(): Promise<void> {
    if (!this.busy && !this.hasWork()) return Promise.resolve()
    return new Promise((resolve) => this.idleWaiters.push(resolve))
  }

  private hasWork(): boolean {
    return this.options.ready() && this.options.workspace.nextRow() !== null
  }

  private async loop(): Promise<void> {
    const { workspace } = this.options
    while (!this.stopped) {
      const row = this.options.ready() ? workspace.nextRow() : null
      const waitMs = this.backoffUntil - this.now()
      if (!row || waitMs > 0) {
        this.busy = false
        if (!row) this.notifyIdle()
        await this.signal.wait(row ? waitMs : undefined)
        continue
      }
      this.busy = true
      try {
        await this.send(row)
      } catch (error) {
        // A bug or a disk error: keep the row, slow down, keep the process alive.
        this.options.log?.('Outbox worker error', error)
        this.backoff(undefined)
      }
    }
    this.busy = false
    this.notifyIdle()
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters
    this.idleWaiters = []
    for (const resolve of waiters) resolve()
  }

  private async send(initial: OutboxRow): Promise<void> {
    const { workspace } = this.options
    const api = this.options.api()
    if (!api) return
    let row = initial
    if (row.action === 'create' && row.unconfirmed === null) row = await workspace.markUnconfirmed(row)
    workspace.setSyncing(row.op_id)
    try {
      const result = await this.perform(api, row)
      this.options.reportOnline()
      this.failuresInRow = 0
      await workspace.succeeded(row, result)
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      await this.handleError(api, row, error)
    } finally {
      workspace.setSyncing(null)
    }
  }

  private perform(api: ApiClient, row: OutboxRow): Promise<DraftEntityBody | null> {
    const resource = this.resourceOf(api, row)
    if (row.action === 'create') return resource.create(row.payload, row.op_id)
    if (row.entity_id === null || row.base_version === null) {
      throw new ApiError('validation', 'This edit has no server entity to apply to', { fields: [] })
    }
    if (row.action === 'update') {
      return resource.update(row.entity_id, { ...(row.payload as object), version: row.base_version })
    }
    return resource.remove(row.entity_id, row.base_version).then(() => null)
  }

  private resourceOf(api: ApiClient, row: OutboxRow): AnyResource {
    return api.editable(DRAFT_RESOURCES[row.entity]) as unknown as AnyResource
  }

  private async handleError(api: ApiClient, row: OutboxRow, error: ApiError): Promise<void> {
    const { workspace } = this.options
    switch (error.code) {
      case 'offline':
        this.options.reportOffline()
        await workspace.willRetry(
          row,
          error.message,
          error.code,
          row.action === 'update' ? row.payload : null,
        )
        this.backoff(undefined)
        return
      case 'server':
      case 'throttled':
        this.options.reportOnline()
        await workspace.willRetry(row, error.message, error.code, null)
        this.backoff(error.retryAfterSeconds !== undefined ? error.retryAfterSeconds * 1000 : undefined)
        return
      case 'unauthorized':
        // The client already refreshed once; the session is expired now (ready() turns false) or the server
        // is confused: either way wait, never drop.
        await workspace.willRetry(row, error.message, error.code, null)
        this.backoff(undefined)
        return
      case 'not_found':
        if (row.action === 'delete') return workspace.succeeded(row, null)
        return workspace.conflicted(row, null, 'The entity was deleted on the server')
      case 'conflict':
        return this.handleConflict(api, row, error)
      case 'validation':
      case 'forbidden':
        return workspace.failed(row, error.code, error.message, error.fields ?? [], error.reason)
    }
  }

  private async handleConflict(api: ApiClient, row: OutboxRow, error: ApiError): Promise<void> {
    const { workspace } = this.options
    if (row.action === 'create' || row.entity_id === null) return this.refused(row, error)
    let theirs: DraftEntityBody | null
    const current = entitySchemas[row.entity].safeParse(error.current)
    if (current.success) theirs = current.data
    else {
      try {
        theirs = await this.resourceOf(api, row).get(row.entity_id)
      } catch (fetchError) {
        if (fetchError instanceof ApiError && fetchError.code === 'not_found') theirs = null
        else if (fetchError instanceof ApiError && fetchError.transient) {
          await workspace.willRetry(row, fetchError.message, fetchError.code, null)
          this.backoff(undefined)
          return
        } else throw fetchError
      }
    }
    if (theirs === null) {
      if (row.action === 'delete') return workspace.succeeded(row, null)
      return workspace.conflicted(row, null, 'The entity was deleted on the server')
    }
    if (theirs.version === row.base_version) {
      // Not about versions: e.g. a ladder still used by groups, a duplicate code.
      return this.refused(row, error)
    }
    if (row.action === 'update') {
      if (sameContent(row.entity, row.payload, theirs)) return workspace.succeeded(row, theirs)
      const ownEarlierAttempt =
        row.unconfirmed !== null &&
        theirs.version === (row.base_version ?? 0) + 1 &&
        sameContent(row.entity, row.unconfirmed, theirs)
      if (ownEarlierAttempt) {
        await workspace.rebased(row, theirs)
        return
      }
    }
    return workspace.conflicted(row, theirs, error.message)
  }

  private async refused(row: OutboxRow, error: ApiError): Promise<void> {
    await this.options.workspace.failed(row, 'conflict', error.message, [], error.reason)
    this.options.onRefused?.(row)
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  private backoff(explicitMs: number | undefined): void {
    this.failuresInRow++
    const min = this.options.minBackoffMs ?? 500
    const max = this.options.maxBackoffMs ?? 30_000
    const random = this.options.random ?? Math.random
    const base = Math.min(max, min * 2 ** (this.failuresInRow - 1))
    const delay = explicitMs ?? base * (0.5 + random())
    this.backoffUntil = this.now() + delay
    this.options.workspace.nextAttemptAt = this.backoffUntil
    this.options.onBackoff()
  }
}
