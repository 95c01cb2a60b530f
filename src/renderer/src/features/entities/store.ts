// Cached entity lists from main (`…:list` answers `{items, fetched_at, stale}`), shared by every screen that
// shows them and re-read when main says they changed (`entities:changed`), the session changes, or the
// server comes back. Nothing polls.
import { useCallback, useEffect } from 'react'
import { create } from 'zustand'
import type { EntityKind, IpcError, IpcOutput } from '@shared/ipc'
import { invoke, on } from '../../ipc/client'

export const LIST_CHANNELS = {
  'catalog:list': 'rk_discount',
  'ladders:list': 'ladder',
  'account-groups:list': 'account_group',
  'identifier-types:list': 'identifier_type',
} as const satisfies Record<string, EntityKind>

export type ListChannel = keyof typeof LIST_CHANNELS
export type ListItem<C extends ListChannel> = IpcOutput<C>['items'][number]

export interface ListEntry<C extends ListChannel> {
  status: 'loading' | 'ready' | 'error'
  items: ListItem<C>[]
  /** ISO time the items were fetched from the server; null if never. */
  fetchedAt: string | null
  /** True when main answered from its cache because the server could not be asked. */
  stale: boolean
  error: IpcError | null
}

type Lists = { [C in ListChannel]?: ListEntry<C> }

export interface EntitiesStore {
  lists: Lists
  /** How many mounted components use each list: only used lists are re-read on events. */
  users: Partial<Record<ListChannel, number>>
  load: (channel: ListChannel, options?: { refresh?: boolean }) => Promise<void>
  /** Re-reads every list a mounted screen uses. */
  reloadUsed: () => void
  init: () => () => void
}

const loadSeq: Partial<Record<ListChannel, number>> = {}

export const useEntitiesStore = create<EntitiesStore>()((set, get) => ({
  lists: {},
  users: {},

  load: async (channel, options) => {
    const seq = (loadSeq[channel] ?? 0) + 1
    loadSeq[channel] = seq
    set((state) => {
      const current = state.lists[channel]
      // Keep showing what we have while re-reading; only a first load shows the loading state.
      const entry = current
        ? { ...current, error: null }
        : { status: 'loading' as const, items: [], fetchedAt: null, stale: false, error: null }
      return { lists: { ...state.lists, [channel]: entry } }
    })
    const result = await invoke(channel, options?.refresh ? { refresh: true } : undefined)
    if (loadSeq[channel] !== seq) return
    set((state) => {
      const current = state.lists[channel]
      const entry = result.ok
        ? {
            status: 'ready' as const,
            items: result.data.items,
            fetchedAt: result.data.fetched_at,
            stale: result.data.stale,
            error: null,
          }
        : current && current.status === 'ready'
          ? { ...current, error: result.error }
          : { status: 'error' as const, items: [], fetchedAt: null, stale: false, error: result.error }
      return { lists: { ...state.lists, [channel]: entry } }
    })
  },

  reloadUsed: () => {
    const { users, load } = get()
    for (const channel of Object.keys(LIST_CHANNELS) as ListChannel[]) {
      if ((users[channel] ?? 0) > 0) void load(channel)
    }
  },

  init: () => {
    const reloadUsed = (filter: (channel: ListChannel) => boolean, refresh = false) => {
      const { users, load } = get()
      for (const channel of Object.keys(LIST_CHANNELS) as ListChannel[]) {
        if ((users[channel] ?? 0) > 0 && filter(channel)) void load(channel, { refresh })
      }
    }
    const offEntities = on('entities:changed', (event) => {
      reloadUsed((channel) => LIST_CHANNELS[channel] === event.entity)
      // Which ladders use which RK discount is built from the ladders.
    })
    let lastProfileLogin: string | null = null
    const offSession = on('session:changed', (state) => {
      const key = state.status === 'signed_in' ? `${state.profile?.id ?? ''}/${state.login ?? ''}` : null
      if (key && key !== lastProfileLogin) {
        // Another server or user: forget the previous lists entirely.
        set({ lists: {} })
        reloadUsed(() => true)
      }
      lastProfileLogin = key
    })
    let wasOnline: boolean | null = null
    const offSync = on('sync:status', (status) => {
      if (wasOnline === false && status.online) reloadUsed((channel) => get().lists[channel]?.stale === true)
      wasOnline = status.online
    })
    return () => {
      offEntities()
      offSession()
      offSync()
    }
  },
}))

// One shared empty array, so a screen's memoized rows do not change identity on every render.
const NO_ITEMS: never[] = []

/**
 * A cached list for a screen: loads on mount, stays fresh through main's events.
 * `reload(true)` asks the server even when main's cache is young (a "Refresh" button).
 */
export function useEntityList<C extends ListChannel>(
  channel: C,
): ListEntry<C> & { reload: (refresh?: boolean) => Promise<void> } {
  const entry = useEntitiesStore((state) => state.lists[channel]) as ListEntry<C> | undefined
  const load = useEntitiesStore((state) => state.load)
  useEffect(() => {
    useEntitiesStore.setState((state) => ({
      users: { ...state.users, [channel]: (state.users[channel] ?? 0) + 1 },
    }))
    void load(channel)
    return () =>
      useEntitiesStore.setState((state) => ({
        users: { ...state.users, [channel]: Math.max(0, (state.users[channel] ?? 1) - 1) },
      }))
  }, [channel, load])
  const reload = useCallback((refresh = false) => load(channel, { refresh }), [channel, load])
  if (!entry)
    return { status: 'loading', items: NO_ITEMS, fetchedAt: null, stale: false, error: null, reload }
  return { ...entry, reload }
}
