// The bridge in a plain browser: the IPC contract over the browser host's WebSocket, reconnecting when the
// connection drops, with an observable connection state so the UI can say that the app's host stopped.
import { CANCELLED, type IpcChannel, type IpcEventName, type IpcResult, type ProbonusBridge } from '../ipc'
import { serverMessage, type ClientMessage, type HostStatus, type InvokeMessage } from './protocol'

export type HostConnectionState =
  /** The first attempt is under way. */
  | 'connecting'
  | 'open'
  /** The host answers but does not know this browser: open the link printed by `npm start` again. */
  | 'unauthorized'
  /** The host does not answer (it stopped, or the computer sleeps): retrying. */
  | 'unreachable'

export interface HostConnection {
  getState(): HostConnectionState
  /** Called on every state change; returns the unsubscribe. Fits React's useSyncExternalStore. */
  subscribe(listener: () => void): () => void
}

/** The parts of the WebSocket API used here: the browser's, or the `ws` package's in Node tests. */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(): void
  onopen: ((event: unknown) => void) | null
  onclose: ((event: unknown) => void) | null
  onerror: ((event: unknown) => void) | null
  onmessage: ((event: { data: unknown }) => void) | null
}

export interface WebSocketBridgeOptions {
  /** ws://host:port/probonus-ws */
  url: string
  createSocket?: (url: string, protocols: readonly string[]) => WebSocketLike
  /** The subprotocols to offer, asked before each attempt (the browser host's session: host-session.ts). */
  protocols?: () => Promise<readonly string[]>
  /** Asks the host whether this browser holds its key (only called after a connection failed). */
  fetchStatus?: () => Promise<HostStatus>
  /** How long a call waits for a connection before it fails. */
  connectWaitMs?: number
  reconnectDelaysMs?: readonly number[]
}

export interface WebSocketBridge extends ProbonusBridge {
  readonly connection: HostConnection
  close(): void
}

const OPEN = 1
const DEFAULT_DELAYS = [250, 500, 1000, 2000, 4000] as const

function hostError(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'internal', message } }
}

export function createWebSocketBridge(options: WebSocketBridgeOptions): WebSocketBridge {
  const createSocket =
    options.createSocket ??
    ((url: string, protocols: readonly string[]) =>
      new WebSocket(url, [...protocols]) as unknown as WebSocketLike)
  const connectWaitMs = options.connectWaitMs ?? 10_000
  const delays = options.reconnectDelaysMs ?? DEFAULT_DELAYS

  let state: HostConnectionState = 'connecting'
  const stateListeners = new Set<() => void>()
  const eventListeners = new Map<string, Set<(payload: unknown) => void>>()
  /** Calls sent on the current socket, by id. */
  const inFlight = new Map<number, (result: IpcResult<unknown>) => void>()
  /** Calls waiting for a connection. */
  const waiting = new Set<{
    message: InvokeMessage
    resolve: (result: IpcResult<unknown>) => void
    timer: ReturnType<typeof setTimeout>
  }>()
  let nextId = 1
  /** The caller's call id → the message id it went out with (only for calls that may be cancelled). */
  const byCallId = new Map<number, number>()
  let socket: WebSocketLike | null = null
  let failures = 0
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null
  let closed = false

  function setState(next: HostConnectionState): void {
    if (next === state) return
    state = next
    for (const listener of [...stateListeners]) listener()
  }

  function dispatch(raw: unknown): void {
    if (typeof raw !== 'string') return
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      return
    }
    const parsed = serverMessage.safeParse(json)
    if (!parsed.success) return
    const message = parsed.data
    if (message.type === 'event') {
      for (const listener of [...(eventListeners.get(message.event) ?? [])]) listener(message.payload)
      return
    }
    if (message.id === null) return
    const resolve = inFlight.get(message.id)
    inFlight.delete(message.id)
    resolve?.(message.result as IpcResult<unknown>)
  }

  function send(message: InvokeMessage, resolve: (result: IpcResult<unknown>) => void): void {
    let text: string
    try {
      text = JSON.stringify(message)
    } catch (error) {
      resolve({
        ok: false,
        error: { code: 'bad_request', message: `Input is not serializable: ${String(error)}` },
      })
      return
    }
    inFlight.set(message.id, resolve)
    try {
      socket?.send(text)
    } catch (error) {
      inFlight.delete(message.id)
      resolve(hostError(`Could not send to the app's host: ${String(error)}`))
    }
  }

  function flushWaiting(): void {
    for (const call of [...waiting]) {
      waiting.delete(call)
      clearTimeout(call.timer)
      send(call.message, call.resolve)
    }
  }

  async function diagnose(): Promise<void> {
    if (!options.fetchStatus) return setState('unreachable')
    try {
      const status = await options.fetchStatus()
      if (!closed && state !== 'open') setState(status.authorized ? 'unreachable' : 'unauthorized')
    } catch {
      if (!closed && state !== 'open') setState('unreachable')
    }
  }

  function connect(): void {
    reconnectTimer = null
    if (closed) return
    if (!options.protocols) return open([])
    options.protocols().then(open, () => open([]))
  }

  function open(protocols: readonly string[]): void {
    if (closed) return
    let opened = false
    const current = createSocket(options.url, protocols)
    socket = current
    current.onopen = () => {
      opened = true
      failures = 0
      setState('open')
      flushWaiting()
    }
    current.onmessage = (event) => dispatch(event.data)
    current.onerror = () => {
      // onclose follows and does the work.
    }
    current.onclose = () => {
      if (socket !== current) return
      socket = null
      // The host may or may not have run these; they are not resent (a publish must not happen twice).
      for (const resolve of inFlight.values()) {
        resolve(hostError("The connection to the app's host was lost before it answered"))
      }
      inFlight.clear()
      if (closed) return
      if (opened || state === 'open') setState('unreachable')
      void diagnose()
      const delay = delays[Math.min(failures, delays.length - 1)] ?? 4000
      failures += 1
      reconnectTimer = setTimeout(connect, delay)
    }
  }

  connect()

  return {
    connection: {
      getState: () => state,
      subscribe(listener) {
        stateListeners.add(listener)
        return () => {
          stateListeners.delete(listener)
        }
      },
    },

    invoke(channel: IpcChannel, input?: unknown, callId?: number): Promise<IpcResult<unknown>> {
      return new Promise((settle) => {
        if (closed) return settle(hostError('The bridge is closed'))
        const message: InvokeMessage = { type: 'invoke', id: nextId++, channel, input }
        let resolve = settle
        if (callId !== undefined) {
          byCallId.set(callId, message.id)
          resolve = (result) => {
            byCallId.delete(callId)
            settle(result)
          }
        }
        if (socket && socket.readyState === OPEN) return send(message, resolve)
        const call = {
          message,
          resolve,
          timer: setTimeout(() => {
            waiting.delete(call)
            resolve(hostError("The app's host is not reachable: is `npm start` still running?"))
          }, connectWaitMs),
        }
        waiting.add(call)
      })
    },

    cancel(callId: number): void {
      const id = byCallId.get(callId)
      if (id === undefined) return
      byCallId.delete(callId)
      const pending = [...waiting].find((call) => call.message.id === id)
      if (pending) {
        // Not sent yet: nothing reaches the host.
        waiting.delete(pending)
        clearTimeout(pending.timer)
        pending.resolve(CANCELLED)
        return
      }
      if (!inFlight.has(id) || !socket || socket.readyState !== OPEN) return
      const message: ClientMessage = { type: 'cancel', id }
      try {
        socket.send(JSON.stringify(message))
      } catch {
        // The connection is going away; its close fails the call.
      }
    },

    on(event: IpcEventName, cb: (payload: unknown) => void): () => void {
      let listeners = eventListeners.get(event)
      if (!listeners) {
        listeners = new Set()
        eventListeners.set(event, listeners)
      }
      const listener = (payload: unknown): void => cb(payload)
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },

    close() {
      closed = true
      if (reconnectTimer) clearTimeout(reconnectTimer)
      for (const call of waiting) {
        clearTimeout(call.timer)
        call.resolve(hostError('The bridge is closed'))
      }
      waiting.clear()
      socket?.close()
    },
  }
}
