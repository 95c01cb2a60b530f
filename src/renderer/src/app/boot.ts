// Starts the stores that project main's state. Each subscribes to its events once; the returned function
// unsubscribes everything (tests, hot reload).
import { useDraftsStore } from '../features/drafts/store'
import { useEntitiesStore } from '../features/entities/store'
import { useSessionStore } from '../features/session/store'
import { useSyncStore } from '../features/sync/store'

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
  return () => {
    unsubscribeSession()
    for (const stop of stops) stop()
  }
}
