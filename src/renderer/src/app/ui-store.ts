// UI state that several parts of the shell share: which panel or dialog is open.
import { create } from 'zustand'

export type DraftsFilter = 'all' | 'drafts' | 'queued' | 'failed' | 'conflicts'

interface UiState {
  /** The drafts panel and the list it shows; null when closed. */
  draftsPanel: DraftsFilter | null
  /** The outbox row whose conflict is open side by side. */
  conflictId: string | null
  sessionDialogOpen: boolean
  openDrafts: (filter?: DraftsFilter) => void
  closeDrafts: () => void
  openConflict: (id: string) => void
  closeConflict: () => void
  setSessionDialogOpen: (open: boolean) => void
}

export const useUiStore = create<UiState>()((set) => ({
  draftsPanel: null,
  conflictId: null,
  sessionDialogOpen: false,
  openDrafts: (filter = 'all') => set({ draftsPanel: filter }),
  closeDrafts: () => set({ draftsPanel: null }),
  openConflict: (id) => set({ conflictId: id }),
  closeConflict: () => set({ conflictId: null }),
  setSessionDialogOpen: (open) => set({ sessionDialogOpen: open }),
}))
