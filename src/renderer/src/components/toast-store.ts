import { create } from 'zustand'
import type { IpcError } from '@shared/ipc'
import { messageFor } from '../app/messages'

export type ToastTone = 'success' | 'error' | 'info' | 'warning'

export interface ToastAction {
  label: string
  run: () => void
}

export interface ToastItem {
  id: number
  tone: ToastTone
  message: string
  /** Optional second line (the server's explanation). */
  detail?: string
  /** One button next to the text ("Resolve"); clicking it also dismisses the toast. */
  action?: ToastAction
}

export type ToastContent = Omit<ToastItem, 'id'>

interface ToastState {
  toasts: ToastItem[]
  push: (tone: ToastTone, message: string, detail?: string) => number
  /** Shows `content` as a new toast. */
  show: (content: ToastContent) => number
  /** Replaces toast `id` in place (its timer starts again); shows a new one when it is already gone. */
  update: (id: number, content: ToastContent) => number
  dismiss: (id: number) => void
  /** Drops every toast (a logout: nothing of the last session stays on screen). */
  clear: () => void
}

let nextId = 1
const timers = new Map<number, ReturnType<typeof setTimeout>>()
const LIFETIME_MS: Record<ToastTone, number> = { success: 4000, info: 5000, warning: 8000, error: 10000 }
const MAX_VISIBLE = 4

export const useToastStore = create<ToastState>()((set, get) => {
  const arm = (id: number, tone: ToastTone) => {
    const previous = timers.get(id)
    if (previous) clearTimeout(previous)
    timers.set(
      id,
      setTimeout(() => get().dismiss(id), LIFETIME_MS[tone]),
    )
  }
  return {
    toasts: [],
    push: (tone, message, detail) => get().show({ tone, message, detail }),
    show: (content) => {
      const id = nextId++
      set((state) => ({ toasts: [...state.toasts, { id, ...content }].slice(-MAX_VISIBLE) }))
      arm(id, content.tone)
      return id
    },
    update: (id, content) => {
      if (!get().toasts.some((item) => item.id === id)) return get().show(content)
      set((state) => ({ toasts: state.toasts.map((item) => (item.id === id ? { id, ...content } : item)) }))
      arm(id, content.tone)
      return id
    },
    dismiss: (id) => {
      const timer = timers.get(id)
      if (timer) clearTimeout(timer)
      timers.delete(id)
      set((state) => ({ toasts: state.toasts.filter((toast) => toast.id !== id) }))
    },
    clear: () => {
      for (const timer of timers.values()) clearTimeout(timer)
      timers.clear()
      set({ toasts: [] })
    },
  }
})

/** Toasts for results: `toast.success(t('…'))`, `toast.error(error.message)`. Usable outside React. */
export const toast = {
  success: (message: string, detail?: string) => useToastStore.getState().push('success', message, detail),
  error: (message: string, detail?: string) => useToastStore.getState().push('error', message, detail),
  info: (message: string, detail?: string) => useToastStore.getState().push('info', message, detail),
  warning: (message: string, detail?: string) => useToastStore.getState().push('warning', message, detail),
  /** A failed call, said in the UI language by its code (main's English message is for logs, not for people). */
  ipcError: (error: IpcError) => useToastStore.getState().push('error', messageFor(error)),
}
