// The screen in the address bar at start (a reload, the link opened again): its code and the lists it shows are
// asked for at once, alongside the session, instead of one after the other (session → shell → the screen's code →
// its first render → its reads).
import type { SessionState } from '@shared/ipc'
import { useSessionStore } from '../features/session/store'
import { identityOf, prefetchCachedList, queryClient } from './queries'
import { parseHash } from './router'
import { SCREENS } from './screens'

/** Starts the loads of the screen `hash` names; returns the stop of the wait for the session. */
export function preloadStartScreen(hash: string): () => void {
  const screen = SCREENS.find((candidate) => candidate.id === parseHash(hash).screen)
  if (!screen) return () => {}
  // A failed load fails again, and shows, when the screen renders.
  screen.component.preload().catch(() => undefined)
  const reads = screen.reads ?? []
  const prefetch = (state: SessionState | null): boolean => {
    const identity = identityOf(state)
    if (identity === null) return false
    for (const channel of reads) prefetchCachedList(queryClient, identity, channel)
    return true
  }
  if (reads.length === 0 || prefetch(useSessionStore.getState().state)) return () => {}
  const unsubscribe = useSessionStore.subscribe((store) => {
    if (prefetch(store.state)) unsubscribe()
  })
  return unsubscribe
}
