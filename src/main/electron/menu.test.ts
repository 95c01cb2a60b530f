import { describe, expect, it, vi } from 'vitest'
import type { MenuItemConstructorOptions } from 'electron'
import { buildMenuTemplate, menuLanguageOf, type MenuOptions } from './menu'

function options(overrides: Partial<MenuOptions> = {}): MenuOptions {
  return {
    language: 'ru',
    platform: 'linux',
    appName: 'ProBonus Admin',
    development: false,
    showAbout: vi.fn(),
    openLogs: vi.fn(),
    ...overrides,
  }
}

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...items(Array.isArray(item.submenu) ? item.submenu : [])])
}

describe('the application menu', () => {
  it('has File, Edit, View, Window and Help in Russian and in English', () => {
    expect(buildMenuTemplate(options()).map((item) => item.label)).toEqual([
      'Файл',
      'Правка',
      'Вид',
      'Окно',
      'Справка',
    ])
    expect(buildMenuTemplate(options({ language: 'en' })).map((item) => item.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ])
  })

  it('labels every item in the chosen language and uses standard roles', () => {
    const ru = items(buildMenuTemplate(options()))
    const en = items(buildMenuTemplate(options({ language: 'en' })))
    const roles = ru.map((item) => item.role).filter(Boolean)
    expect(roles).toEqual(
      expect.arrayContaining(['quit', 'undo', 'redo', 'cut', 'copy', 'paste', 'selectAll']),
    )
    for (const item of ru)
      if (item.type !== 'separator') expect(item.label, String(item.role)).toMatch(/[а-яё]/i)
    expect(en.find((item) => item.role === 'copy')?.label).toBe('Copy')
  })

  it('offers developer tools only while developing', () => {
    const production = items(buildMenuTemplate(options())).map((item) => item.role)
    expect(production).not.toContain('toggleDevTools')
    const development = items(buildMenuTemplate(options({ development: true }))).map((item) => item.role)
    expect(development).toContain('toggleDevTools')
  })

  it('runs the About and logs actions', () => {
    const opts = options({ language: 'en' })
    const all = items(buildMenuTemplate(opts))
    const click = (label: string): void => {
      const item = all.find((candidate) => candidate.label === label)
      ;(item?.click as (() => void) | undefined)?.()
    }
    click('About ProBonus Admin')
    click('Open Logs Folder')
    expect(opts.showAbout).toHaveBeenCalledOnce()
    expect(opts.openLogs).toHaveBeenCalledOnce()
  })

  it('puts an application menu first on macOS', () => {
    const mac = buildMenuTemplate(options({ platform: 'darwin' }))
    expect(mac[0]?.label).toBe('ProBonus Admin')
    expect(items(mac).some((item) => item.role === 'about')).toBe(true)
  })

  it('picks Russian for Russian locales and English otherwise', () => {
    expect(menuLanguageOf(['ru-RU', 'en-US'])).toBe('ru')
    expect(menuLanguageOf(['en-GB'])).toBe('en')
    expect(menuLanguageOf(['de'])).toBe('en')
    expect(menuLanguageOf([])).toBe('ru')
  })
})
