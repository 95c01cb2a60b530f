import type { Page } from '@playwright/test'
import WebSocket from 'ws'
import { createIpcClient, type IpcClient } from '@shared/ipc'
import { HOST_WS_PATH } from '@shared/web/protocol'
import { HOST_SESSION_STORAGE_KEY, sessionProtocols } from '@shared/web/host-session'
import { createWebSocketBridge, type WebSocketLike } from '@shared/web/websocket-bridge'

/**
 * A second client of the same running app (as a second window would be): the contract over the browser host's
 * WebSocket with the page's own session and origin. Tests use it to put the app in a state (drafts made
 * elsewhere) and to check what main holds — the screen under test must show it through main's events.
 */
export async function connectToHost(page: Page): Promise<IpcClient & { close(): void }> {
  const origin = new URL(page.url()).origin
  // The page trades its launch key as it starts; wait for its session.
  const session = await page
    .waitForFunction((key) => sessionStorage.getItem(key), HOST_SESSION_STORAGE_KEY)
    .then((handle) => handle.jsonValue())
  const bridge = createWebSocketBridge({
    url: `${origin.replace(/^http/, 'ws')}${HOST_WS_PATH}`,
    createSocket: (url) => {
      const socket = new WebSocket(url, sessionProtocols(session), { headers: { origin } })
      socket.on('error', () => {})
      return socket as unknown as WebSocketLike
    },
    connectWaitMs: 5000,
  })
  return { ...createIpcClient(bridge), close: () => bridge.close() }
}
