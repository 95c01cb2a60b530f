// The Idempotency-Key of a money operation (API.md: mandatory for operations). An attempt is one thing the person
// asked for — this amount to this account with this comment. Its key is made here, in the renderer, the first time
// the attempt is sent, and kept until the server confirmed it: a retry after a timeout (when the first request may
// have landed and only its answer was lost) carries the same key, and the server answers the first operation again
// instead of doing it twice. Asking for something else on the same account or group starts a new attempt with a
// new key. Kept in memory only: a money operation is never queued or written to disk.
import { useCallback, useState } from 'react'
import type { IpcError, IpcInput, IpcOutput } from '@shared/ipc'
import { invoke } from '../../ipc/client'

interface Attempt {
  body: string
  key: string
}

/** Unconfirmed attempts by scope (`account:12`, `group:3`): the last one asked for on it. */
const unconfirmed = new Map<string, Attempt>()

/** JSON with sorted keys and absent = null, so the same request always reads the same. */
function canonical(body: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(body)
      .sort()
      .map((key) => [key, body[key] ?? null]),
  )
}

/** The key of this request on `scope`: the unconfirmed attempt's when it is the same request, else a fresh one. */
export function attemptKey(scope: string, body: Record<string, unknown>, newKey = () => crypto.randomUUID()) {
  const text = canonical(body)
  const current = unconfirmed.get(scope)
  if (current && current.body === text) return current.key
  const key = newKey()
  unconfirmed.set(scope, { body: text, key })
  return key
}

/** The server confirmed the attempt: the next request on `scope`, even an identical one, is a new operation. */
export function confirmAttempt(scope: string, key: string): void {
  if (unconfirmed.get(scope)?.key === key) unconfirmed.delete(scope)
}

/** An answer that does not say whether the server did it (the request or its answer was lost): retry it. */
export function outcomeUnknown(error: IpcError): boolean {
  return error.code === 'offline' || error.code === 'server' || error.code === 'internal'
}

type MoneyChannel = 'operations:create' | 'operations:create-group'
type BodyOf<C extends MoneyChannel> = IpcInput<C>['operation']

export type MoneyCommandState<C extends MoneyChannel> =
  | { status: 'idle' }
  | { status: 'sending' }
  | { status: 'done'; result: IpcOutput<C> }
  | { status: 'failed'; error: IpcError; unknown: boolean }

/** Sends a money operation under its attempt's key; `reset` forgets the outcome shown (not the attempt). */
export function useMoneyCommand<C extends MoneyChannel>(channel: C, scope: string) {
  const [state, setState] = useState<MoneyCommandState<C>>({ status: 'idle' })
  const send = useCallback(
    async (operation: BodyOf<C>) => {
      const key = attemptKey(scope, operation as Record<string, unknown>)
      setState({ status: 'sending' })
      const input = { idempotency_key: key, operation } as IpcInput<C>
      const result = await invoke(channel, input)
      if (result.ok) {
        confirmAttempt(scope, key)
        const done = { status: 'done', result: result.data as IpcOutput<C> } as const
        setState(done)
        return done
      }
      const failed = { status: 'failed', error: result.error, unknown: outcomeUnknown(result.error) } as const
      setState(failed)
      return failed
    },
    [channel, scope],
  )
  const reset = useCallback(() => setState({ status: 'idle' }), [])
  return { state, send, reset }
}
