// A projection of main's drafts and outbox rows, refreshed on `drafts:changed`.
import { useMemo } from 'react'
import { create } from 'zustand'
import type {
  ConflictResolution,
  Draft,
  DraftEntity,
  DraftSaveInput,
  DraftState,
  IpcResult,
  SyncCounts,
} from '@shared/ipc'
import { invoke, on } from '../../ipc/client'

const EMPTY_COUNTS: SyncCounts = { drafts: 0, queued: 0, syncing: 0, failed: 0, conflicts: 0 }

export interface DraftsStore {
  loaded: boolean
  items: Draft[]
  counts: SyncCounts
  init: () => () => void
  reload: () => Promise<void>
  save: (input: DraftSaveInput) => Promise<IpcResult<Draft>>
  publish: (id: string) => Promise<IpcResult<Draft>>
  discard: (id: string) => Promise<IpcResult<{ id: string }>>
  resolve: (
    id: string,
    resolution: ConflictResolution,
    merged?: unknown,
  ) => Promise<IpcResult<{ draft: Draft | null }>>
}

/** Upserts a row main just answered, so the UI does not wait for the event round trip. */
function upsert(items: Draft[], row: Draft): Draft[] {
  const index = items.findIndex((item) => item.id === row.id)
  if (index < 0) return row.kind === 'draft' ? [row, ...items] : [...items, row]
  const next = items.slice()
  next[index] = row
  return next
}

let reloadSeq = 0

export const useDraftsStore = create<DraftsStore>()((set, get) => ({
  loaded: false,
  items: [],
  counts: EMPTY_COUNTS,

  init: () => {
    const off = on('drafts:changed', (event) => {
      set({ counts: event.counts })
      void get().reload()
    })
    void get().reload()
    return off
  },

  reload: async () => {
    // Only the newest answer counts: events can arrive faster than main answers.
    const seq = ++reloadSeq
    const result = await invoke('drafts:list')
    if (seq !== reloadSeq) return
    if (result.ok) set({ loaded: true, items: result.data.items, counts: result.data.counts })
    else if (result.error.code === 'unauthorized') set({ loaded: true, items: [], counts: EMPTY_COUNTS })
    else set({ loaded: true })
  },

  save: async (input) => {
    const result = await invoke('drafts:save', input)
    if (result.ok) set((state) => ({ items: upsert(state.items, result.data) }))
    return result
  },

  publish: async (id) => {
    const result = await invoke('drafts:publish', { id })
    if (result.ok) {
      set((state) => ({
        items: upsert(
          state.items.filter((item) => item.id !== id),
          result.data,
        ),
      }))
    }
    return result
  },

  discard: async (id) => {
    const result = await invoke('drafts:discard', { id })
    if (result.ok) set((state) => ({ items: state.items.filter((item) => item.id !== id) }))
    return result
  },

  resolve: async (id, resolution, merged) => {
    const result = await invoke(
      'sync:resolve',
      merged === undefined ? { id, resolution } : { id, resolution, merged },
    )
    if (result.ok) {
      const row = result.data.draft
      set((state) => ({
        items: row ? upsert(state.items, row) : state.items.filter((item) => item.id !== id),
      }))
    }
    return result
  },
}))

/** Which state wins when an entity has several rows: the one that needs the person most. */
const STATE_WEIGHT: Record<DraftState, number> = { conflict: 5, failed: 4, syncing: 3, queued: 2, draft: 1 }

export function worstState(rows: readonly Draft[]): DraftState | null {
  let worst: DraftState | null = null
  for (const row of rows) if (!worst || STATE_WEIGHT[row.state] > STATE_WEIGHT[worst]) worst = row.state
  return worst
}

/** Rows (local draft and outbox rows) of one server entity. */
export function rowsOfEntity(items: readonly Draft[], entity: DraftEntity, entityId: number): Draft[] {
  return items.filter((item) => item.entity === entity && item.entity_id === entityId)
}

/**
 * Per-entity state for list badges: `Map<entity_id, state>`. Rows of creates that have no server id yet are
 * left out (lists show them from `useNewEntityDrafts`).
 */
export function draftStatesByEntity(items: readonly Draft[], entity: DraftEntity): Map<number, DraftState> {
  const grouped = new Map<number, Draft[]>()
  for (const item of items) {
    if (item.entity !== entity || item.entity_id === null) continue
    const list = grouped.get(item.entity_id) ?? []
    list.push(item)
    grouped.set(item.entity_id, list)
  }
  const states = new Map<number, DraftState>()
  for (const [id, rows] of grouped) {
    const state = worstState(rows)
    if (state) states.set(id, state)
  }
  return states
}

/** `Map<entity_id, state>` for the badges of a list; recomputed only when the drafts change. */
export function useDraftStates(entity: DraftEntity): Map<number, DraftState> {
  const items = useDraftsStore((store) => store.items)
  return useMemo(() => draftStatesByEntity(items, entity), [items, entity])
}

/** Drafts and outbox rows that create a new entity (no server id yet), newest first. */
export function useNewEntityDrafts(entity: DraftEntity): Draft[] {
  const items = useDraftsStore((store) => store.items)
  return useMemo(
    () =>
      items.filter((item) => item.entity === entity && item.action === 'create' && item.entity_id === null),
    [items, entity],
  )
}
