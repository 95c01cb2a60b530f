// The one way the renderer reaches main: `window.probonus` under Electron (the preload), else the browser host's
// WebSocket on the page's own origin. Both are the same ProbonusBridge.
import type { ProbonusBridge } from '@shared/ipc'
import { HOST_STATUS_PATH, HOST_WS_PATH, hostStatus } from '@shared/web/protocol'
import {
  createWebSocketBridge,
  type HostConnection,
  type HostConnectionState,
} from '@shared/web/websocket-bridge'

export type { HostConnection, HostConnectionState } from '@shared/web/websocket-bridge'
export { createWebSocketBridge } from '@shared/web/websocket-bridge'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    readonly probonus?: ProbonusBridge
  }
}

/** Under Electron the bridge is in-process IPC: always open. */
const ALWAYS_OPEN: HostConnection = { getState: () => 'open', subscribe: () => () => {} }

let current: { bridge: ProbonusBridge; connection: HostConnection } | null = null

function resolveBridge(): { bridge: ProbonusBridge; connection: HostConnection } {
  if (window.probonus) return { bridge: window.probonus, connection: ALWAYS_OPEN }
  const wsUrl = new URL(HOST_WS_PATH, window.location.href)
  wsUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  const bridge = createWebSocketBridge({
    url: wsUrl.href,
    fetchStatus: async () => {
      const response = await fetch(HOST_STATUS_PATH, { cache: 'no-store', credentials: 'same-origin' })
      return hostStatus.parse(await response.json())
    },
  })
  return { bridge, connection: bridge.connection }
}

export function getBridge(): Promise<ProbonusBridge> {
  current ??= resolveBridge()
  return Promise.resolve(current.bridge)
}

/**
 * Whether the app's host answers (always `open` under Electron). On a change back to `open`, re-read what is on
 * screen: events sent while the connection was down were missed.
 */
export function getHostConnection(): HostConnection {
  current ??= resolveBridge()
  return current.connection
}

export function hostConnectionState(): HostConnectionState {
  return getHostConnection().getState()
}
