// The one way the renderer reaches main: `window.probonus` under Electron (the preload), else the browser host's
// WebSocket on the page's own origin. Both are the same ProbonusBridge.
import type { ProbonusBridge } from '@shared/ipc'
import { HOST_STATUS_PATH, HOST_WS_PATH, hostStatus } from '@shared/web/protocol'
import { createHostSession, HOST_SESSION_HEADER, sessionProtocols } from '@shared/web/host-session'
import {
  createWebSocketBridge,
  type HostConnection,
  type HostConnectionState,
} from '@shared/web/websocket-bridge'

import { browserHost, desktopHost, type HostCapabilities } from './host'

export type { HostConnection, HostConnectionState } from '@shared/web/websocket-bridge'
export type { HostCapabilities } from './host'
export { createWebSocketBridge } from '@shared/web/websocket-bridge'

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    readonly probonus?: ProbonusBridge
  }
}

/** Under Electron the bridge is in-process IPC: always open. */
const ALWAYS_OPEN: HostConnection = { getState: () => 'open', subscribe: () => () => {} }

interface Resolved {
  bridge: ProbonusBridge
  connection: HostConnection
  host: HostCapabilities
}

let current: Resolved | null = null

/** The launch key of the printed link (`/?key=…`), taken out of the address bar before anything else reads it. */
function takeLaunchKey(): string | null {
  const url = new URL(window.location.href)
  const key = url.searchParams.get('key')
  if (key === null) return null
  url.searchParams.delete('key')
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`)
  return key
}

function resolveBridge(): Resolved {
  if (window.probonus) {
    return { bridge: window.probonus, connection: ALWAYS_OPEN, host: desktopHost(window.probonus) }
  }
  const wsUrl = new URL(HOST_WS_PATH, window.location.href)
  wsUrl.protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:'
  const session = createHostSession({
    launchKey: takeLaunchKey(),
    storage: window.sessionStorage,
    post: (path, body) =>
      fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        cache: 'no-store',
        credentials: 'omit',
      }),
  })
  const bridge = createWebSocketBridge({
    url: wsUrl.href,
    protocols: async () => sessionProtocols(await session()),
    fetchStatus: async () => {
      const headers: Record<string, string> = {}
      const current = await session()
      if (current) headers[HOST_SESSION_HEADER] = current
      const response = await fetch(HOST_STATUS_PATH, { cache: 'no-store', credentials: 'omit', headers })
      return hostStatus.parse(await response.json())
    },
  })
  return { bridge, connection: bridge.connection, host: browserHost() }
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

/** What the host does for the page (save a file): Electron's dialogs, or the browser's downloads. */
export function getHostCapabilities(): HostCapabilities {
  current ??= resolveBridge()
  return current.host
}

export function hostConnectionState(): HostConnectionState {
  return getHostConnection().getState()
}
