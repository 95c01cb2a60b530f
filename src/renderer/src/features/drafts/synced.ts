// Which server id each create became, as main reports it (`drafts:synced`, sent before the row leaves the drafts
// list): an editor of a new entity follows its create by its draft or outbox row id, never by a name or a code.
import { create } from 'zustand'
import { on } from '../../ipc/client'

/** Creates remembered (the oldest are forgotten first); an editor asks within moments of its create. */
const KEEP = 200

export interface SyncedStore {
  /** Server id by the create's outbox row id and by the draft it was published from. */
  created: Readonly<Record<string, number>>
  init: () => () => void
}

export const useSyncedStore = create<SyncedStore>()((set) => ({
  created: {},
  init: () =>
    on('drafts:synced', (event) => {
      if (event.action !== 'create') return
      set((state) => {
        const keys = [event.op_id, ...(event.draft_id ? [event.draft_id] : [])]
        const entries = Object.entries(state.created).filter(([key]) => !keys.includes(key))
        const kept = entries.slice(Math.max(0, entries.length + keys.length - KEEP))
        return { created: Object.fromEntries([...kept, ...keys.map((key) => [key, event.entity_id])]) }
      })
    }),
}))

/** The server id the create known by any of `ids` (outbox row or draft ids) became; null while unknown. */
export function useCreatedId(ids: readonly (string | null)[]): number | null {
  return useSyncedStore((store) => {
    for (const id of ids) {
      const entityId = id !== null ? store.created[id] : undefined
      if (entityId !== undefined) return entityId
    }
    return null
  })
}
