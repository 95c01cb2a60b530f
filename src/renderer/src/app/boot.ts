// Starts the stores that project main's state. Each subscribes to its events once; the returned function
// unsubscribes everything (tests, hot reload).
import { useDraftsStore } from '../features/drafts/store'
import { useEntitiesStore } from '../features/entities/store'
import { useSessionStore } from '../features/session/store'
import { useSyncStore } from '../features/sync/store'
import { hostConnection } from './host-connection'

/** Re-reads every projection from main (after a reconnect). */
export function reloadAll(): void {
  void useSessionStore.getState().reload()
  void useSyncStore.getState().reload()
  void useDraftsStore.getState().reload()
  useEntitiesStore.getState().reloadUsed()
}

export function startStores(): () => void {
  const stops = [
    useSessionStore.getState().init(),
    useSyncStore.getState().init(),
    useDraftsStore.getState().init(),
    useEntitiesStore.getState().init(),
  ]
  // Drafts belong to a profile and login: re-read them when either changes.
  let lastKey: string | null = null
  const unsubscribeSession = useSessionStore.subscribe((store) => {
    const state = store.state
    const key = state ? `${state.status}/${state.profile?.id ?? ''}/${state.login ?? ''}` : null
    if (key !== lastKey) {
      lastKey = key
      void useDraftsStore.getState().reload()
      void useSyncStore.getState().reload()
    }
  })
  // Back from a lost host connection: events were missed, read everything again.
  let hostState = hostConnection().getState()
  const unsubscribeHost = hostConnection().subscribe(() => {
    const next = hostConnection().getState()
    if (next === 'open' && hostState !== 'open') reloadAll()
    hostState = next
  })
  return () => {
    unsubscribeHost()
    unsubscribeSession()
    for (const stop of stops) stop()
  }
}
