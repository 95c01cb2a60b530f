// One browser tab's WebSocket: `invoke` messages go to the registry and come back as `result` with the same id;
// registry events are pushed as `event`. A message that cannot be read gets an error envelope, never a crash.
import type { WebSocket } from 'ws'
import type { IpcError } from '@shared/ipc'
import type { IpcRegistry } from '@main/ipc/registry'
import { clientMessage, type ServerMessage } from '@shared/web/protocol'

/** Calls one tab may have in flight; more is a client bug or abuse. */
const MAX_IN_FLIGHT = 256
const HEARTBEAT_MS = 30_000

function badRequest(message: string): { ok: false; error: IpcError } {
  return { ok: false, error: { code: 'bad_request', message } }
}

/** The id of a message that failed validation, when it has a usable one (so the caller's promise settles). */
function idOf(value: unknown): number | null {
  if (typeof value !== 'object' || value === null || !('id' in value)) return null
  const id = (value as { id: unknown }).id
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null
}

export function createConnectionHandler(
  registry: IpcRegistry,
  log: (message: string, error?: unknown) => void,
): (socket: WebSocket) => void {
  let connections = 0

  return (socket) => {
    const senderId = `ws:${++connections}`
    let inFlight = 0
    let alive = true

    const send = (message: ServerMessage): void => {
      if (socket.readyState !== socket.OPEN) return
      let text: string
      try {
        text = JSON.stringify(message)
      } catch (error) {
        log(`Could not serialise a message for ${senderId}`, error)
        return
      }
      socket.send(text, (error) => {
        if (error) log(`Could not send to ${senderId}`, error)
      })
    }

    const unsubscribe = registry.subscribe((event, payload) => send({ type: 'event', event, payload }))

    const heartbeat = setInterval(() => {
      if (!alive) {
        socket.terminate()
        return
      }
      alive = false
      socket.ping()
    }, HEARTBEAT_MS)
    heartbeat.unref()
    socket.on('pong', () => {
      alive = true
    })

    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        send({ type: 'result', id: null, result: badRequest('Binary messages are not part of the protocol') })
        return
      }
      let raw: unknown
      try {
        raw = JSON.parse(data.toString())
      } catch {
        send({ type: 'result', id: null, result: badRequest('The message is not JSON') })
        return
      }
      const parsed = clientMessage.safeParse(raw)
      if (!parsed.success) {
        send({ type: 'result', id: idOf(raw), result: badRequest('The message is not an invoke message') })
        return
      }
      if (parsed.data.type === 'cancel') {
        // The call then answers `cancelled` under its own id; an unknown id is ignored.
        registry.cancel(senderId, parsed.data.id)
        return
      }
      const { id, channel, input } = parsed.data
      if (inFlight >= MAX_IN_FLIGHT) {
        send({
          type: 'result',
          id,
          result: {
            ok: false,
            error: { code: 'throttled', message: 'Too many calls in flight', retryAfterSeconds: 1 },
          },
        })
        return
      }
      inFlight += 1
      void registry
        .invoke(channel, input, { senderId, callId: id })
        .then((result) => send({ type: 'result', id, result }))
        .finally(() => {
          inFlight -= 1
        })
    })

    socket.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
      // Nobody is there to read the answers: stop their requests.
      registry.cancelAll(senderId)
    })
    socket.on('error', (error) => log(`WebSocket ${senderId} failed`, error))
  }
}
