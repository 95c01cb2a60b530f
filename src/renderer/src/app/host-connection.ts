// Whether the app's host answers (the browser host's WebSocket; always open under Electron). While it does
// not, nothing reaches main: the shell says so, and when it is back every store re-reads what it shows,
// since events sent meanwhile were missed.
import { useSyncExternalStore } from 'react'
import type { HostConnection, HostConnectionState } from '@shared/web/websocket-bridge'

const ALWAYS_OPEN: HostConnection = { getState: () => 'open', subscribe: () => () => {} }
let connection: HostConnection = ALWAYS_OPEN

export function configureHostConnection(next: HostConnection): void {
  connection = next
}

export function hostConnection(): HostConnection {
  return connection
}

export function useHostConnectionState(): HostConnectionState {
  return useSyncExternalStore(
    (listener) => connection.subscribe(listener),
    () => connection.getState(),
  )
}
