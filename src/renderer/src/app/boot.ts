// Starts the stores that project main's state. Each subscribes to its events once; the returned function
// unsubscribes everything (tests, hot reload).
import { stopFollowingAll } from '../features/drafts/outcome'
import { useDraftsStore } from '../features/drafts/store'
import { useSyncedStore } from '../features/drafts/synced'
import { useSessionStore } from '../features/session/store'
import { useSyncStore } from '../features/sync/store'
import { useToastStore } from '../components/toast-store'
import { hostConnection } from './host-connection'
import { followMainEvents, queryClient, reloadQueries } from './queries'

/** Re-reads every projection from main (after a reconnect). */
export function reloadAll(): void {
  void useSessionStore.getState().reload()
  void useSyncStore.getState().reload()
  void useDraftsStore.getState().reload()
  reloadQueries(queryClient)
}

/** Drops the toasts and stops following the edits of a session that ended. */
export function endSessionNotices(): void {
  stopFollowingAll()
  useToastStore.getState().clear()
}

export function startStores(): () => void {
  const stops = [
    useSessionStore.getState().init(),
    useSyncStore.getState().init(),
    useDraftsStore.getState().init(),
    useSyncedStore.getState().init(),
    followMainEvents(queryClient),
  ]
  // Drafts belong to a profile and login: re-read them when either changes. (The first session state is the one
  // main had when the reads above were answered: nothing to re-read then, unless reading the session failed.)
  let lastKey: string | null = null
  let lastUser: string | null = null
  let firstState = true
  const unsubscribeSession = useSessionStore.subscribe((store) => {
    const state = store.state
    if (store.loadError) firstState = false
    const key = state ? `${state.status}/${state.profile?.id ?? ''}/${state.login ?? ''}` : null
    if (key !== lastKey) {
      const skip = firstState && lastKey === null
      firstState = false
      lastKey = key
      if (!skip) {
        void useDraftsStore.getState().reload()
        void useSyncStore.getState().reload()
      }
    }
    // A logout (or another login): nothing said about the last session stays on screen.
    const user =
      state && state.status !== 'signed_out' ? `${state.profile?.id ?? ''}/${state.login ?? ''}` : null
    if (user !== lastUser) {
      if (lastUser !== null) endSessionNotices()
      lastUser = user
    }
  })
  // Back from a lost host connection: events were missed, read everything again. (The first connection is no
  // return: the reads above wait for it.)
  let hostState = hostConnection().getState()
  const unsubscribeHost = hostConnection().subscribe(() => {
    const next = hostConnection().getState()
    if (next === 'open' && hostState !== 'open' && hostState !== 'connecting') reloadAll()
    hostState = next
  })
  return () => {
    unsubscribeHost()
    unsubscribeSession()
    for (const stop of stops) stop()
  }
}
