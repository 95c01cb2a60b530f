// The renderer's reads: TanStack Query over the IPC bridge. A query is keyed by the signed-in identity, the channel
// and its input; its function calls main with the query's AbortSignal, so a superseded query (a new search, the
// next page, a screen left) is cancelled in main down to its HTTP request. Main's events keep the cache true:
// `entities:changed` invalidates the queries that read that kind, back online re-reads what was answered from
// main's cache or failed, a reconnect of the app's host re-reads everything. Nothing polls.
import {
  QueryClient,
  keepPreviousData,
  useQuery,
  useQueryClient,
  type Query,
  type QueryKey,
} from '@tanstack/react-query'
import { useCallback, useSyncExternalStore } from 'react'
import type { EntityKind, IpcChannel, IpcError, IpcInput, IpcOutput, SessionState } from '@shared/ipc'
import { IpcCallError, invokeCancellable, on } from '../ipc/client'
import { useSessionStore } from '../features/session/store'

/**
 * How long an answer is fresh: a screen visited again within this time shows the cache without asking main. Main
 * answers cached lists without asking the server for as long (its `FRESH_MS`); older ones are re-read on the next
 * visit, shown from the cache meanwhile. Changes made here arrive earlier, by event.
 */
export const QUERY_FRESH_MS = 10_000

/** Which entity kinds each read depends on: an `entities:changed` of one of them invalidates it. */
export const CHANNEL_KINDS: Partial<Record<IpcChannel, readonly EntityKind[]>> = {
  'catalog:list': ['rk_discount'],
  'catalog:usage': ['ladder', 'rk_discount'],
  'ladders:list': ['ladder'],
  'ladders:get': ['ladder'],
  'ladders:history': ['ladder'],
  'ladders:preview': ['ladder', 'account_group', 'account', 'operation'],
  'account-groups:list': ['account_group'],
  'account-groups:get': ['account_group'],
  'identifier-types:list': ['identifier_type'],
  'identifier-types:get': ['identifier_type'],
  'identifier-types:check': ['identifier_type', 'account'],
  'accounts:list': ['account', 'account_group'],
  'accounts:get': ['account'],
  'accounts:purchases': ['account', 'operation'],
  'operations:list': ['operation'],
  'reports:balances': ['account', 'operation'],
  'reports:operations': ['operation'],
  'reports:ladder-steps': ['ladder', 'account', 'operation'],
  'settings:get': ['settings'],
  'users:list': ['user'],
  'users:get': ['user'],
  'accounts:bonus': ['account', 'operation', 'settings'],
}

/** Lists main keeps in its cache: `{items, fetched_at, stale}`, `refresh` asks the server even when young. */
export type CachedListChannel =
  'catalog:list' | 'catalog:usage' | 'ladders:list' | 'account-groups:list' | 'identifier-types:list'
/** One cached entity by id: `{item, fetched_at, stale}`. */
export type CachedGetChannel = 'ladders:get' | 'account-groups:get' | 'identifier-types:get'
/** Lists the server pages: `offset`, `limit`, `q`, answered `{items, total, offset, limit}`. */
export type PagedChannel = 'accounts:list' | 'operations:list'

/** Who the cached answers belong to: another server or login never sees them. */
export function identityOf(state: SessionState | null): string | null {
  if (!state || state.status === 'signed_out' || !state.profile || !state.login) return null
  return `${state.profile.id}/${state.login}`
}

function useIdentity(): string | null {
  return useSessionStore((store) => identityOf(store.state))
}

type IpcQueryKey = readonly ['ipc', string | null, IpcChannel, unknown]

export function ipcQueryKey<C extends IpcChannel>(
  identity: string | null,
  channel: C,
  input: IpcInput<C> | undefined,
): IpcQueryKey {
  return ['ipc', identity, channel, input ?? null]
}

function keyChannel(key: QueryKey): IpcChannel | null {
  return key[0] === 'ipc' && typeof key[2] === 'string' ? (key[2] as IpcChannel) : null
}

/** Query hashes whose next fetch asks the server even when main's cache is young (a "Refresh" click). */
const refreshNext = new Set<string>()

function hashOf(key: QueryKey): string {
  return JSON.stringify(key)
}

async function fetchIpc<C extends IpcChannel>(key: IpcQueryKey, signal: AbortSignal): Promise<IpcOutput<C>> {
  const channel = key[2] as C
  let input = (key[3] ?? undefined) as IpcInput<C> | undefined
  if (refreshNext.delete(hashOf(key))) input = { ...(input as object), refresh: true } as IpcInput<C>
  const result = await invokeCancellable(channel, input, signal)
  if (!result.ok) throw new IpcCallError(result.error)
  return result.data
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: QUERY_FRESH_MS,
        // Main answers from its cache or says why not; retrying here would only delay that answer.
        retry: false,
        // The bridge is local: the browser's idea of being online does not matter (main reports the server's).
        networkMode: 'always',
        // Main's events say when data changed; focusing the window is not a reason to re-read.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
    },
  })
}

/** The app's one client (tests make their own with `createQueryClient`). */
export const queryClient = createQueryClient()

function dependsOn(query: Query, kind: EntityKind): boolean {
  const channel = keyChannel(query.queryKey)
  return channel !== null && (CHANNEL_KINDS[channel]?.includes(kind) ?? false)
}

function answeredStale(query: Query): boolean {
  const data = query.state.data
  return (
    query.state.status === 'error' ||
    (typeof data === 'object' && data !== null && (data as { stale?: unknown }).stale === true)
  )
}

/** Keeps the cache true to main's events; returns the unsubscribe. */
export function followMainEvents(client: QueryClient): () => void {
  const offEntities = on('entities:changed', (event) => {
    void client.invalidateQueries({ predicate: (query) => dependsOn(query, event.entity) })
  })
  const offSession = on('session:changed', (state) => {
    // Answers of another server or login are never shown (the key holds the identity); drop them now.
    const identity = identityOf(state)
    client.removeQueries({ type: 'inactive', predicate: (query) => query.queryKey[1] !== identity })
  })
  let wasOnline: boolean | null = null
  const offSync = on('sync:status', (status) => {
    if (wasOnline === false && status.online) {
      // Main also says `entities:changed` for its cached kinds then: a read already on its way is not restarted.
      void client.invalidateQueries({ predicate: answeredStale }, { cancelRefetch: false })
    }
    wasOnline = status.online
  })
  return () => {
    offEntities()
    offSession()
    offSync()
  }
}

/** After the app's host came back: events were missed, re-read everything shown. */
export function reloadQueries(client: QueryClient): void {
  void client.invalidateQueries()
}

export function ipcErrorOf(error: unknown): IpcError | null {
  if (!error) return null
  if (error instanceof IpcCallError) return error.error
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) }
}

/** The query of one channel and input; `input === null` skips it (nothing selected). */
export function useIpcQuery<C extends IpcChannel>(
  channel: C,
  input: IpcInput<C> | undefined | null,
  options: { keepPrevious?: boolean } = {},
) {
  const identity = useIdentity()
  const key = ipcQueryKey(identity, channel, input ?? undefined)
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchIpc<C>(key, signal),
    enabled: input !== null && identity !== null,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
  })
}

/** A list or item as a screen shows it: what main has, how old, whether from its cache, and a Refresh. */
export interface CachedState {
  status: 'loading' | 'ready' | 'error'
  /** ISO time main fetched it from the server; null if never. */
  fetchedAt: string | null
  /** True when main answered from its cache because the server could not be asked. */
  stale: boolean
  error: IpcError | null
  /** Re-read; `refresh` asks the server even when main's cache is young (a "Refresh" button). */
  reload: (refresh?: boolean) => Promise<void>
}

function useReload(key: IpcQueryKey): (refresh?: boolean) => Promise<void> {
  const client = useQueryClient()
  const hash = hashOf(key)
  return useCallback(
    async (refresh = false) => {
      const queryKey = JSON.parse(hash) as QueryKey
      if (refresh) refreshNext.add(hash)
      await client.refetchQueries({ queryKey, exact: true }).catch(() => undefined)
    },
    [client, hash],
  )
}

function cachedState(
  query: { data?: { fetched_at: string | null; stale: boolean }; error: unknown },
  reload: CachedState['reload'],
): CachedState {
  const { data } = query
  return {
    status: data ? 'ready' : query.error ? 'error' : 'loading',
    fetchedAt: data?.fetched_at ?? null,
    stale: data?.stale ?? false,
    error: ipcErrorOf(query.error),
    reload,
  }
}

// One shared empty array, so a screen's memoized rows do not change identity on every render.
const NO_ITEMS: never[] = []

export type CachedListItem<C extends CachedListChannel> = IpcOutput<C>['items'][number]

/**
 * Asks for a cached list ahead of the screen that shows it (the screen's own query then takes this one over).
 * `identity` is the session's (`identityOf`).
 */
export function prefetchCachedList(client: QueryClient, identity: string, channel: CachedListChannel): void {
  const key = ipcQueryKey(identity, channel, undefined)
  void client.prefetchQuery({ queryKey: key, queryFn: ({ signal }) => fetchIpc(key, signal) })
}

/** A list main caches (ladders, the RK catalog, groups, identifier types): loads on mount, follows events. */
export function useCachedList<C extends CachedListChannel>(
  channel: C,
): CachedState & { items: readonly CachedListItem<C>[] } {
  const identity = useIdentity()
  const query = useIpcQuery(channel, undefined)
  const reload = useReload(ipcQueryKey(identity, channel, undefined))
  const data = query.data as IpcOutput<CachedListChannel> | undefined
  return {
    ...cachedState({ data, error: query.error }, reload),
    items: (data?.items ?? NO_ITEMS) as readonly CachedListItem<C>[],
  }
}

/** One entity as main has it (`ladders:get` …); `id === null` skips the read. */
export function useCachedItem<C extends CachedGetChannel>(
  channel: C,
  id: number | null,
): CachedState & { item: IpcOutput<C>['item'] | null } {
  const identity = useIdentity()
  const input = id === null ? null : ({ id } as IpcInput<C>)
  const query = useIpcQuery(channel, input)
  const reload = useReload(ipcQueryKey(identity, channel, input ?? undefined))
  const data = query.data as IpcOutput<CachedGetChannel> | undefined
  const state = cachedState({ data, error: query.error }, reload)
  return {
    ...state,
    status: id === null ? 'ready' : state.status,
    item: (data?.item ?? null) as IpcOutput<C>['item'] | null,
  }
}

export type PagedFilters<C extends PagedChannel> = Omit<NonNullable<IpcInput<C>>, 'offset' | 'limit'>

export interface PagedState<T> {
  /** The page asked for, or — while it loads — the previous one (`previous` is true then). */
  items: readonly T[]
  /** How many match the filters on the server (of the page shown). */
  total: number
  offset: number
  limit: number
  /** Nothing to show yet (the first page of these filters is loading). */
  loading: boolean
  /** The page shown is the previous one: the asked page is on its way. */
  previous: boolean
  error: IpcError | null
  reload: () => Promise<void>
}

/**
 * A page of a list the server pages and searches (accounts, operations). A new page or filter keeps showing the
 * previous page until the new one arrives, and cancels the request it supersedes. Debounce typed filters first
 * (`useDebouncedValue`).
 */
export function usePagedList<C extends PagedChannel>(
  channel: C,
  filters: PagedFilters<C>,
  page: { offset: number; limit: number },
): PagedState<IpcOutput<C>['items'][number]> {
  const identity = useIdentity()
  const input = { ...filters, offset: page.offset, limit: page.limit } as IpcInput<C>
  const query = useIpcQuery(channel, input, { keepPrevious: true })
  const reload = useReload(ipcQueryKey(identity, channel, input))
  const data = query.data as IpcOutput<PagedChannel> | undefined
  return {
    items: (data?.items ?? NO_ITEMS) as readonly IpcOutput<C>['items'][number][],
    total: data?.total ?? 0,
    offset: data?.offset ?? page.offset,
    limit: data?.limit ?? page.limit,
    loading: data === undefined && query.isFetching,
    previous: query.isPlaceholderData,
    error: ipcErrorOf(query.error),
    reload: () => reload(),
  }
}

function newestFetch(client: QueryClient, identity: string | null): string | null {
  let newest: string | null = null
  for (const query of client.getQueryCache().getAll()) {
    if (query.queryKey[0] !== 'ipc' || query.queryKey[1] !== identity) continue
    const data = query.state.data
    const fetchedAt =
      typeof data === 'object' && data !== null ? (data as { fetched_at?: unknown }).fetched_at : null
    if (typeof fetchedAt === 'string' && (newest === null || Date.parse(fetchedAt) > Date.parse(newest))) {
      newest = fetchedAt
    }
  }
  return newest
}

/** The newest `fetched_at` of the cached answers (the status bar's "data as of"). */
export function useNewestFetchedAt(): string | null {
  const client = useQueryClient()
  const identity = useIdentity()
  const subscribe = useCallback(
    (onChange: () => void) => client.getQueryCache().subscribe(onChange),
    [client],
  )
  return useSyncExternalStore(subscribe, () => newestFetch(client, identity))
}
