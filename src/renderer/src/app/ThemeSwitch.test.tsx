// @vitest-environment happy-dom
// The theme switch beside the language: system → light → dark, remembered, and «system» follows the system.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { initI18n } from './i18n'
import { applyTheme, setThemeChoice } from './theme'
import { ThemeSwitch } from './ThemeSwitch'

/** A system colour scheme the test can flip, as matchMedia reports it. */
function fakeSystem(dark: boolean) {
  const listeners = new Set<() => void>()
  const query = {
    get matches() {
      return dark
    },
    addEventListener: (_: string, listener: () => void) => listeners.add(listener),
    removeEventListener: (_: string, listener: () => void) => listeners.delete(listener),
  }
  globalThis.matchMedia = (() => query) as unknown as typeof globalThis.matchMedia
  return {
    set(next: boolean) {
      dark = next
      for (const listener of listeners) listener()
    },
  }
}

const theme = () => document.documentElement.dataset.theme

describe('theme switch', () => {
  beforeEach(() => {
    localStorage.clear()
    initI18n()
  })
  afterEach(() => {
    cleanup()
    setThemeChoice('system')
  })

  it('cycles system → light → dark → system, says what it does, and remembers the choice', () => {
    fakeSystem(false)
    applyTheme()
    render(<ThemeSwitch />)
    const button = screen.getByTestId('theme-switch')
    expect(theme()).toBe('light')
    expect(button.getAttribute('title')).toBe('Оформление: как в системе. Нажмите, чтобы выбрать «светлое»')
    fireEvent.click(button)
    expect(localStorage.getItem('probonus.theme')).toBe('light')
    fireEvent.click(button)
    expect(theme()).toBe('dark')
    expect(localStorage.getItem('probonus.theme')).toBe('dark')
    expect(button.getAttribute('title')).toContain('тёмное')
    fireEvent.click(button)
    expect(localStorage.getItem('probonus.theme')).toBeNull()
    expect(button.dataset.themeChoice).toBe('system')
  })

  it('«as the system» follows a change of the system; a chosen theme does not', () => {
    const system = fakeSystem(false)
    applyTheme()
    expect(theme()).toBe('light')
    act(() => system.set(true))
    expect(theme()).toBe('dark')
    setThemeChoice('light')
    act(() => system.set(true))
    expect(theme()).toBe('light')
    // After a restart the choice is read back.
    applyTheme()
    expect(theme()).toBe('light')
  })
})
