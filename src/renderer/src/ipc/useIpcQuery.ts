import { useCallback, useEffect, useState } from 'react'
import type { EntityKind, IpcChannel, IpcError, IpcInput, IpcOutput, IpcResult } from '@shared/ipc'
import { invoke, on } from './client'

export interface IpcQuery<T> {
  status: 'idle' | 'loading' | 'ready' | 'error'
  data: T | null
  error: IpcError | null
  reload: () => void
}

interface Answer<T> {
  key: string
  result: IpcResult<T>
}

/**
 * Reads one channel for a component (a ladder by id, which ladders use each RK discount, …) and re-reads it
 * when main reports a change of the given entity kinds. `input === null` skips the call (nothing selected).
 * The input is compared by its JSON, so an inline object literal does not cause a loop.
 */
export function useIpcQuery<C extends IpcChannel>(
  channel: C,
  input: IpcInput<C> | null,
  options: { reloadOn?: readonly EntityKind[] } = {},
): IpcQuery<IpcOutput<C>> {
  const key = input === null ? null : `${channel} ${JSON.stringify(input ?? null)}`
  const [answer, setAnswer] = useState<Answer<IpcOutput<C>> | null>(null)
  const [lastData, setLastData] = useState<{ key: string; data: IpcOutput<C> } | null>(null)
  const [generation, setGeneration] = useState(0)
  const reload = useCallback(() => setGeneration((g) => g + 1), [])
  const reloadOn = (options.reloadOn ?? []).join(',')

  useEffect(() => {
    if (key === null) return
    let cancelled = false
    const parsed: unknown = JSON.parse(key.slice(channel.length + 1))
    const call = invoke as (channel: C, input?: unknown) => Promise<IpcResult<IpcOutput<C>>>
    void call(channel, parsed ?? undefined).then((result) => {
      if (cancelled) return
      setAnswer({ key, result })
      if (result.ok) setLastData({ key, data: result.data })
    })
    return () => {
      cancelled = true
    }
  }, [channel, key, generation])

  useEffect(() => {
    if (!reloadOn) return
    const kinds = new Set(reloadOn.split(','))
    return on('entities:changed', (event) => {
      if (kinds.has(event.entity)) reload()
    })
  }, [reloadOn, reload])

  if (key === null) return { status: 'idle', data: null, error: null, reload }
  // While re-reading the same input, keep showing the previous data.
  const data = lastData?.key === key ? lastData.data : null
  if (answer?.key !== key) return { status: 'loading', data, error: null, reload }
  if (answer.result.ok) return { status: 'ready', data: answer.result.data, error: null, reload }
  return { status: 'error', data, error: answer.result.error, reload }
}
