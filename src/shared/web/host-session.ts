// How a browser tab proves to the browser host that it was opened from the printed link, without a cookie
// (cookies are not separated by port: every other server on 127.0.0.1 would receive one). The page trades the
// launch key once for a session secret of its own, keeps it in sessionStorage (this tab, this origin only) and
// offers it as a WebSocket subprotocol, which the browser sends to the WebSocket's own address and nowhere else.
// The launch key itself never opens the WebSocket.
import { z } from 'zod'

/** `POST {key}` → `{session}`: the trade. */
export const HOST_SESSION_PATH = '/__host/session'
/** The subprotocol the host answers with; a browser fails the connection when none of those offered is chosen. */
export const HOST_WS_PROTOCOL = 'probonus.v1'
/** `probonus-session.<secret>`: base64url is within the characters a subprotocol token allows. */
const SESSION_PROTOCOL_PREFIX = 'probonus-session.'
/** The header that carries the session to the status endpoint. */
export const HOST_SESSION_HEADER = 'x-probonus-session'
export const HOST_SESSION_STORAGE_KEY = 'probonus.hostSession'

export const hostSessionRequest = z.strictObject({ key: z.string().max(200) })
export const hostSessionResponse = z.strictObject({ session: z.string().regex(/^[\w-]{20,200}$/) })

/** The subprotocols a tab offers: ours, and its session when it has one. */
export function sessionProtocols(session: string | null): string[] {
  return session ? [HOST_WS_PROTOCOL, `${SESSION_PROTOCOL_PREFIX}${session}`] : [HOST_WS_PROTOCOL]
}

/** The session offered in a `Sec-WebSocket-Protocol` header, if any. */
export function sessionFromProtocols(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(',')) {
    const value = part.trim()
    if (value.startsWith(SESSION_PROTOCOL_PREFIX)) return value.slice(SESSION_PROTOCOL_PREFIX.length)
  }
  return undefined
}

/** The parts of sessionStorage used here. */
export interface SessionStorageLike {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
}

/**
 * The tab's session: trades `launchKey` (taken from the printed link) on the first call, then answers the stored
 * session. A refused key is dropped (the page then says to open the printed link); while the host does not answer
 * the key is kept for the next attempt.
 */
export function createHostSession(options: {
  launchKey: string | null
  storage: SessionStorageLike
  /** POSTs to the host's HOST_SESSION_PATH (the page's own origin). */
  post: (path: string, body: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>
}): () => Promise<string | null> {
  let launchKey = options.launchKey
  return async () => {
    if (launchKey !== null) {
      let response: { ok: boolean; json(): Promise<unknown> } | null = null
      try {
        response = await options.post(HOST_SESSION_PATH, JSON.stringify({ key: launchKey }))
      } catch {
        // Not reachable: keep the key.
      }
      if (response) {
        launchKey = null
        const parsed = response.ok
          ? hostSessionResponse.safeParse(await response.json().catch(() => null))
          : null
        if (parsed?.success) options.storage.setItem(HOST_SESSION_STORAGE_KEY, parsed.data.session)
      }
    }
    return options.storage.getItem(HOST_SESSION_STORAGE_KEY)
  }
}
