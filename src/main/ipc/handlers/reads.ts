// Reads shared by the entity handlers: server first when it can be asked, the cache otherwise. A cached list
// older than FRESH_MS is answered at once while the server is known to be reachable (stale-while-revalidate): the
// server is asked in the background, and `entities:changed` for that kind follows only if its answer differs.

import { isDeepStrictEqual } from 'node:util'
import type { DraftEntity, DraftEntityBody } from '@shared/ipc'
import { CACHED_RESOURCES } from '@shared/resources'
import type { ApiClient } from '../../api/client'
import { ApiError } from '../../api/errors'
import type { CacheKind, CacheTypes } from '../../store/cache'
import { IpcFailure } from '../errors'
import type { HandlerContext } from './context'

/**
 * A cached list younger than this is answered without asking the server (unless `refresh`); an older one is
 * answered too when the server is reachable, and re-read from it in the background (`revalidate`).
 */
export const FRESH_MS = 10_000

export interface CachedListAnswer<T> {
  items: T[]
  fetched_at: string | null
  stale: boolean
}

/** A cached kind's list: from the server (every page, as its descriptor says) when it can be asked, else the cache. */
export async function readList<K extends CacheKind>(
  ctx: HandlerContext,
  kind: K,
  refresh = false,
): Promise<CachedListAnswer<CacheTypes[K]>> {
  const workspace = ctx.workspace()
  const cached = workspace.cache.list(kind)
  const answer = (stale: boolean) => {
    const current = workspace.cache.list(kind)
    // The cache hands out one shared, never-mutated array: no copy per call.
    return { items: current.items as CacheTypes[K][], fetched_at: current.fetchedAt, stale }
  }
  if (!refresh && cached.fetchedAt) {
    if (ctx.now() - Date.parse(cached.fetchedAt) < FRESH_MS) return answer(false)
    if (canRevalidate(ctx)) {
      void revalidate(ctx, kind)
      return answer(false)
    }
  }
  const fetched = await fromServer(ctx, !cached.fetchedAt, async (api) => {
    const items = (await api.collection(CACHED_RESOURCES[kind]).listAll()) as CacheTypes[K][]
    workspace.cache.replaceAll(kind, items, new Date(ctx.now()).toISOString())
    workspace.lastSyncAt = ctx.now()
  })
  if (fetched) return answer(false)
  if (cached.fetchedAt) return answer(true)
  throw new IpcFailure('offline', 'The server cannot be reached and nothing is cached yet')
}

/** A background re-read makes sense: signed in, and the last probe found the server (offline answers stay `stale`). */
function canRevalidate(ctx: HandlerContext): boolean {
  return ctx.session.status === 'signed_in' && ctx.connectivity.checkedAt !== null && ctx.connectivity.online
}

/** Each workspace's background re-reads on their way, one per kind. */
const revalidating = new WeakMap<object, Map<CacheKind, Promise<void>>>()

/**
 * Re-reads a cached kind's list from the server in the background and says `entities:changed` (reason
 * `refreshed`) when the server's list differs from the cached one, so the screens read it again. Resolves when
 * done; failures only leave the cache as it was (an unreachable server is reported to the connectivity monitor).
 */
export function revalidate(ctx: HandlerContext, kind: CacheKind): Promise<void> {
  const workspace = ctx.workspace()
  const running = revalidating.get(workspace) ?? new Map<CacheKind, Promise<void>>()
  revalidating.set(workspace, running)
  const current = running.get(kind)
  if (current) return current
  const run = fromServer(ctx, false, async (api) => {
    const items = (await api.collection(CACHED_RESOURCES[kind]).listAll()) as CacheTypes[typeof kind][]
    // The workspace may have closed (logout) while the server answered.
    if (ctx.session.status !== 'signed_in' || ctx.workspace() !== workspace) return
    const before = workspace.cache.list(kind).items
    const changed =
      before.length !== items.length ||
      items.some((item) => !isDeepStrictEqual(workspace.cache.get(kind, item.id), item))
    workspace.cache.replaceAll(kind, items, new Date(ctx.now()).toISOString())
    workspace.lastSyncAt = ctx.now()
    if (changed) ctx.events.emit('entities:changed', { entity: kind, ids: [], reason: 'refreshed' })
  })
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => running.delete(kind))
  running.set(kind, run)
  return run
}

export async function readOne<K extends CacheKind>(
  ctx: HandlerContext,
  kind: K,
  id: number,
  refresh = false,
): Promise<{ item: CacheTypes[K]; fetched_at: string | null; stale: boolean }> {
  const workspace = ctx.workspace()
  const cached = workspace.cache.get(kind, id)
  const listFetchedAt = workspace.cache.fetchedAt(kind)
  if (!refresh && cached && listFetchedAt && ctx.now() - Date.parse(listFetchedAt) < FRESH_MS) {
    return { item: cached, fetched_at: listFetchedAt, stale: false }
  }
  let item: CacheTypes[K] | undefined
  try {
    await fromServer(ctx, !cached, async (api) => {
      item = (await api.collection(CACHED_RESOURCES[kind]).get(id)) as CacheTypes[K]
      workspace.cache.upsert(kind, item)
    })
  } catch (error) {
    if (error instanceof ApiError && error.code === 'not_found') workspace.cache.remove(kind, id)
    throw error
  }
  if (item) return { item, fetched_at: new Date(ctx.now()).toISOString(), stale: false }
  if (cached) return { item: cached, fetched_at: listFetchedAt, stale: true }
  throw new IpcFailure('offline', 'The server cannot be reached and this item is not cached')
}

/** The server's entity a draft or a delete starts from. */
export function entityForEdit(
  ctx: HandlerContext,
  entity: DraftEntity,
  id: number,
): Promise<DraftEntityBody> {
  const cached = ctx.workspace().cache.get(entity, id)
  if (cached) return Promise.resolve(cached)
  return readOne(ctx, entity, id).then((answer) => answer.item)
}

/**
 * Runs `call` against the server when a session may talk to it; answers false when it could not (offline,
 * or not signed in) so the caller falls back to the cache. `force` tries even when the monitor says offline.
 */
async function fromServer(ctx: HandlerContext, force: boolean, call: (api: ApiClient) => Promise<void>) {
  if (ctx.session.status !== 'signed_in') return false
  // Right after start the first probe may still be on its way: wait for it rather than answer stale.
  if (ctx.connectivity.checkedAt === null) await ctx.connectivity.check()
  if (!ctx.connectivity.online && !force) return false
  try {
    await call(ctx.api())
    ctx.connectivity.reportOnline()
    return true
  } catch (error) {
    if (error instanceof ApiError && error.code === 'offline') {
      ctx.connectivity.reportOffline()
      return false
    }
    if (error instanceof ApiError && error.code === 'unauthorized' && ctx.session.status !== 'signed_in') {
      return false
    }
    throw error
  }
}

/** An online-only call: reports connectivity, errors go to the envelope as they are. */
export async function online<T>(ctx: HandlerContext, call: (api: ApiClient) => Promise<T>): Promise<T> {
  try {
    const result = await call(ctx.api())
    ctx.connectivity.reportOnline()
    return result
  } catch (error) {
    if (error instanceof ApiError && error.code === 'offline') ctx.connectivity.reportOffline()
    throw error
  }
}
