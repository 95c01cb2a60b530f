import { useEffect, useRef } from 'react'

/** Shortcuts the app knows. `mod` is Ctrl (⌘ on macOS). */
export type ShortcutCombo = 'mod+k' | 'mod+s' | 'escape'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

/** The combo as people read it, for titles and tooltips: "Ctrl+S". */
export function shortcutLabel(combo: ShortcutCombo): string {
  const mod = isMac ? '⌘' : 'Ctrl+'
  switch (combo) {
    case 'mod+k':
      return `${mod}K`
    case 'mod+s':
      return `${mod}S`
    case 'escape':
      return 'Esc'
  }
}

/** The combo in `aria-keyshortcuts` syntax. */
export function ariaShortcut(combo: ShortcutCombo): string {
  const mod = isMac ? 'Meta' : 'Control'
  switch (combo) {
    case 'mod+k':
      return `${mod}+K`
    case 'mod+s':
      return `${mod}+S`
    case 'escape':
      return 'Escape'
  }
}

export function comboOf(event: KeyboardEvent): ShortcutCombo | null {
  const mod = isMac ? event.metaKey : event.ctrlKey
  const key = event.key.toLowerCase()
  if (mod && !event.altKey && (key === 'k' || event.code === 'KeyK')) return 'mod+k'
  if (mod && !event.altKey && (key === 's' || event.code === 'KeyS')) return 'mod+s'
  if (key === 'escape' && !mod) return 'escape'
  return null
}

type Handler = (event: KeyboardEvent) => void
interface Entry {
  combo: ShortcutCombo
  handler: { current: Handler }
}

// The most recently mounted handler of a combo wins: an open editor's Ctrl+S shadows nothing else, and a
// nested one shadows its parent. Dialogs take Escape themselves (they stop its propagation).
const stack: Entry[] = []
let listening = false

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented) return
  const combo = comboOf(event)
  if (!combo) return
  for (let i = stack.length - 1; i >= 0; i--) {
    const entry = stack[i]
    if (entry && entry.combo === combo) {
      event.preventDefault()
      entry.handler.current(event)
      return
    }
  }
}

function register(entry: Entry): () => void {
  stack.push(entry)
  if (!listening && typeof window !== 'undefined') {
    window.addEventListener('keydown', onKeyDown)
    listening = true
  }
  return () => {
    const index = stack.indexOf(entry)
    if (index >= 0) stack.splice(index, 1)
    if (stack.length === 0 && listening) {
      window.removeEventListener('keydown', onKeyDown)
      listening = false
    }
  }
}

/** Binds a global shortcut while the component is mounted and `enabled` is true. */
export function useShortcut(combo: ShortcutCombo, handler: Handler, enabled = true): void {
  const ref = useRef(handler)
  useEffect(() => {
    ref.current = handler
  })
  useEffect(() => {
    if (!enabled) return
    return register({ combo, handler: ref })
  }, [combo, enabled])
}

/** Ctrl+K's target: the search field of the current screen marks itself with this attribute. */
export const SEARCH_TARGET_ATTR = 'data-search-target'

/** How long Ctrl+K, pressed while the screen is still loading, waits for its search field. */
export const SEARCH_WAIT_MS = 3000

function searchTarget(): HTMLElement | undefined {
  const targets = Array.from(document.querySelectorAll<HTMLElement>(`[${SEARCH_TARGET_ATTR}]`))
  // The innermost (last in document order) visible target: a dialog's search beats the screen's.
  const target = [...targets]
    .reverse()
    .find((el) => el.offsetParent !== null || el === document.activeElement)
  return target ?? targets[0]
}

function focusTarget(target: HTMLElement): void {
  target.focus()
  if (target instanceof HTMLInputElement) target.select()
}

let pendingSearch: (() => void) | null = null

/**
 * Focuses the current screen's search field. Pressed while the screen is still loading (its chunk, its first
 * render), it focuses the field once it appears — unless the person has put focus elsewhere meanwhile. Returns
 * whether the field was focused at once.
 */
export function focusSearch(): boolean {
  pendingSearch?.()
  const target = searchTarget()
  if (target) {
    focusTarget(target)
    return true
  }
  const focusedBefore = document.activeElement
  const observer = new MutationObserver(() => {
    const found = searchTarget()
    if (!found) return
    stop()
    if (document.activeElement === focusedBefore) focusTarget(found)
  })
  const timer = setTimeout(() => stop(), SEARCH_WAIT_MS)
  const stop = (): void => {
    observer.disconnect()
    clearTimeout(timer)
    pendingSearch = null
  }
  pendingSearch = stop
  observer.observe(document.body, { childList: true, subtree: true })
  return false
}

/** Tooltip text with the shortcut appended: "Сохранить (Ctrl+S)". */
export function withShortcut(
  title: string | undefined,
  shortcut: ShortcutCombo | undefined,
): string | undefined {
  if (!shortcut) return title
  return title ? `${title} (${shortcutLabel(shortcut)})` : shortcutLabel(shortcut)
}
