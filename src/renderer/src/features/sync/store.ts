// A projection of main's sync status: online, last sync, and the outbox counts for the status bar.
import { create } from 'zustand'
import type { IpcResult, SyncStatus } from '@shared/ipc'
import { invoke, on } from '../../ipc/client'

export interface SyncStore {
  status: SyncStatus | null
  init: () => () => void
  reload: () => Promise<void>
  /** Probes the server now ("check the connection"). */
  check: () => Promise<IpcResult<SyncStatus>>
  /** Re-queues a failed row, or every failed row with no id, and cuts the backoff short. */
  retry: (id?: string) => Promise<IpcResult<SyncStatus>>
}

export const useSyncStore = create<SyncStore>()((set, get) => ({
  status: null,
  init: () => {
    const off = on('sync:status', (status) => set({ status }))
    void get().reload()
    return off
  },
  reload: async () => {
    const result = await invoke('sync:status')
    if (result.ok) set({ status: result.data })
  },
  check: async () => {
    const result = await invoke('sync:check')
    if (result.ok) set({ status: result.data })
    return result
  },
  retry: async (id) => {
    const result = await invoke('sync:retry', id ? { id } : {})
    if (result.ok) set({ status: result.data })
    return result
  },
}))

/** Online unless main said otherwise (before the first status the app assumes it is). */
export function useOnline(): boolean {
  return useSyncStore((store) => store.status?.online ?? true)
}
