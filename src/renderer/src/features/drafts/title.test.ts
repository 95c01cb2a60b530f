import { describe, expect, it } from 'vitest'
import { i18n, initI18n } from '../../app/i18n'
import { draftTitle } from './title'

describe('draftTitle', () => {
  it('names the settings document by the resource, in the UI language; other rows by their title', async () => {
    initI18n('ru')
    await i18n.changeLanguage('ru')
    expect(draftTitle({ entity: 'settings', title: 'settings' }, i18n.t)).toBe('Настройки программы')
    expect(draftTitle({ entity: 'ladder', title: 'Гостевая' }, i18n.t)).toBe('Гостевая')
    expect(draftTitle({ entity: 'ladder', title: '' }, i18n.t)).toBe('Без названия')
    await i18n.changeLanguage('en')
    expect(draftTitle({ entity: 'settings', title: 'settings' }, i18n.t)).toBe('Program settings')
  })
})
