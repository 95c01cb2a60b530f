import { create } from 'zustand'
import type { IpcError } from '@shared/ipc'
import { ipcErrorText } from '../app/i18n'

export type ToastTone = 'success' | 'error' | 'info' | 'warning'

export interface ToastItem {
  id: number
  tone: ToastTone
  message: string
  /** Optional second line (the server's explanation). */
  detail?: string
}

interface ToastState {
  toasts: ToastItem[]
  push: (tone: ToastTone, message: string, detail?: string) => number
  dismiss: (id: number) => void
}

let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()
const LIFETIME_MS: Record<ToastTone, number> = { success: 4000, info: 5000, warning: 8000, error: 10000 }
const MAX_VISIBLE = 4

export const useToastStore = create<ToastState>()((set, get) => ({
  toasts: [],
  push: (tone, message, detail) => {
    const id = nextId++
    set((state) => ({ toasts: [...state.toasts, { id, tone, message, detail }].slice(-MAX_VISIBLE) }))
    timers.set(
      id,
      setTimeout(() => get().dismiss(id), LIFETIME_MS[tone]),
    )
    return id
  },
  dismiss: (id) => {
    const timer = timers.get(id)
    if (timer) clearTimeout(timer)
    timers.delete(id)
    set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }))
  },
}))

/** Toasts for results: `toast.success(t('…'))`, `toast.error(error.message)`. Usable outside React. */
export const toast = {
  success: (message: string, detail?: string) => useToastStore.getState().push('success', message, detail),
  error: (message: string, detail?: string) => useToastStore.getState().push('error', message, detail),
  info: (message: string, detail?: string) => useToastStore.getState().push('info', message, detail),
  warning: (message: string, detail?: string) => useToastStore.getState().push('warning', message, detail),
  /** A failed call: the code's sentence in the UI language, with main's message as the detail. */
  ipcError: (error: IpcError) => useToastStore.getState().push('error', ipcErrorText(error), error.message),
}
