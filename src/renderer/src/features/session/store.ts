// A projection of main's session and server profiles. Main owns the tokens; this holds only what it tells.
import { create } from 'zustand'
import type { IpcError, IpcResult, LoginInput, Profile, ProfileSaveInput, SessionState } from '@shared/ipc'
import type { Role } from '@shared/api'
import { DRAFT_RESOURCES, mayWrite, rkDiscountImport } from '@shared/resources'
import { invoke, on } from '../../ipc/client'

export interface SessionStore {
  /** False until main answered the first `session:state`. */
  loaded: boolean
  /** Set when main could not be asked at all (the bridge is down). */
  loadError: IpcError | null
  state: SessionState | null
  profiles: Profile[]
  selectedProfileId: string | null

  init: () => () => void
  reload: () => Promise<void>
  refreshProfiles: () => Promise<void>
  login: (input: LoginInput) => Promise<IpcResult<SessionState>>
  logout: () => Promise<IpcResult<SessionState>>
  selectProfile: (id: string) => Promise<IpcResult<SessionState>>
  saveProfile: (input: ProfileSaveInput) => Promise<IpcResult<Profile>>
  removeProfile: (id: string) => Promise<IpcResult<unknown>>
}

export const useSessionStore = create<SessionStore>()((set, get) => {
  const applyState = (state: SessionState) =>
    set((current) => ({
      state,
      loaded: true,
      loadError: null,
      selectedProfileId: state.profile?.id ?? current.selectedProfileId,
    }))

  return {
    loaded: false,
    loadError: null,
    state: null,
    profiles: [],
    selectedProfileId: null,

    init: () => {
      const off = on('session:changed', (state) => {
        applyState(state)
        // A profile may have been added, selected or had its last login updated.
        void get().refreshProfiles()
      })
      void get().reload()
      return off
    },

    reload: async () => {
      const [state] = await Promise.all([invoke('session:state'), get().refreshProfiles()])
      if (state.ok) applyState(state.data)
      else set({ loaded: true, loadError: state.error })
    },

    refreshProfiles: async () => {
      const result = await invoke('profiles:list')
      if (result.ok) set({ profiles: result.data.items, selectedProfileId: result.data.selected_id })
    },

    login: async (input) => {
      const result = await invoke('session:login', input)
      if (result.ok) applyState(result.data)
      return result
    },

    logout: async () => {
      const result = await invoke('session:logout')
      if (result.ok) applyState(result.data)
      return result
    },

    selectProfile: async (id) => {
      const result = await invoke('profiles:select', { id })
      if (result.ok) {
        applyState(result.data)
        set({ selectedProfileId: id })
      }
      return result
    },

    saveProfile: async (input) => {
      const result = await invoke('profiles:save', input)
      if (result.ok) await get().refreshProfiles()
      return result
    },

    removeProfile: async (id) => {
      const result = await invoke('profiles:remove', { id })
      if (result.ok) set({ profiles: result.data.items, selectedProfileId: result.data.selected_id })
      return result
    },
  }
})

/** The logged-in user's role (kept while the session is expired), or null. */
export function useRole(): Role | null {
  return useSessionStore((store) => store.state?.role ?? null)
}

/** What a role may change: each resource's descriptor says who writes it (shared/resources). */
const WRITABLE = { ...DRAFT_RESOURCES, rk_discount_import: rkDiscountImport } as const
export type EditableKind = keyof typeof WRITABLE

export function canEdit(role: Role | null, kind: EditableKind): boolean {
  return mayWrite(role, WRITABLE[kind])
}

/** True when the current role may change entities of this kind. */
export function useCanEdit(kind: EditableKind): boolean {
  return canEdit(useRole(), kind)
}
