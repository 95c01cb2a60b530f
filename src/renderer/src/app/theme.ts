// The colour theme: as the system says, or light or dark by choice. The choice is a UI preference (like the
// language) kept in localStorage; the page gets `data-theme="light|dark"` on <html>, which tokens.css reads.

export type ThemeChoice = 'system' | 'light' | 'dark'

const STORAGE_KEY = 'probonus.theme'
const DARK_QUERY = '(prefers-color-scheme: dark)'
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']

const listeners = new Set<(choice: ThemeChoice) => void>()
const appliedListeners = new Set<() => void>()
let stopFollowingSystem: (() => void) | null = null

export function currentThemeChoice(): ThemeChoice {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY)
  return stored === 'light' || stored === 'dark' ? stored : 'system'
}

const systemIsDark = (): boolean => globalThis.matchMedia?.(DARK_QUERY).matches ?? false

/** Puts the theme of `choice` on the page; with `system`, follows the system's changes until another choice. */
export function applyTheme(choice: ThemeChoice = currentThemeChoice()): void {
  stopFollowingSystem?.()
  stopFollowingSystem = null
  const root = globalThis.document?.documentElement
  if (!root) return
  const set = () => {
    const theme = choice === 'system' ? (systemIsDark() ? 'dark' : 'light') : choice
    if (root.dataset.theme === theme) return
    root.dataset.theme = theme
    for (const listener of appliedListeners) listener()
  }
  set()
  if (choice === 'system') {
    const query = globalThis.matchMedia?.(DARK_QUERY)
    if (query) {
      query.addEventListener('change', set)
      stopFollowingSystem = () => query.removeEventListener('change', set)
    }
  }
}

export function setThemeChoice(choice: ThemeChoice): void {
  if (choice === 'system') globalThis.localStorage?.removeItem(STORAGE_KEY)
  else globalThis.localStorage?.setItem(STORAGE_KEY, choice)
  applyTheme(choice)
  for (const listener of listeners) listener(choice)
}

export function onThemeChoice(listener: (choice: ThemeChoice) => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** The theme on the page now (`light` or `dark`): for what draws its own colours (a canvas), with `onThemeApplied`. */
export function appliedTheme(): string {
  return globalThis.document?.documentElement.dataset.theme ?? 'light'
}

/** Calls `listener` when the page's theme changes (a choice, or the system's theme while following it). */
export function onThemeApplied(listener: () => void): () => void {
  appliedListeners.add(listener)
  return () => appliedListeners.delete(listener)
}

/** The choice after `choice` in the switch's cycle: system → light → dark → system. */
export const nextThemeChoice = (choice: ThemeChoice): ThemeChoice =>
  THEME_CHOICES[(THEME_CHOICES.indexOf(choice) + 1) % THEME_CHOICES.length] ?? 'system'
