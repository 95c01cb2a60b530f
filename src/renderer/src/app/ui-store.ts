// UI state that several parts of the shell share: which panel or dialog is open.
import { create } from 'zustand'

export type DraftsFilter = 'all' | 'drafts' | 'queued' | 'failed' | 'conflicts'

interface UiState {
  /** The drafts panel and the list it shows; null when closed. */
  draftsPanel: DraftsFilter | null
  /** The outbox row whose conflict is open side by side. */
  conflictId: string | null
  sessionDialogOpen: boolean
  /**
   * When the list on the screen now was fetched from the server (its `fetched_at`), null when the screen has none:
   * the status bar and the offline banner then name the same age of the data.
   */
  screenFetchedAt: string | null
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
  screenFetchedAt: null,
  openDrafts: (filter = 'all') => set({ draftsPanel: filter }),
  closeDrafts: () => set({ draftsPanel: null }),
  openConflict: (id) => set({ conflictId: id }),
  closeConflict: () => set({ conflictId: null }),
  setSessionDialogOpen: (open) => set({ sessionDialogOpen: open }),
}))
