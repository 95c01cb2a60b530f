import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { z } from 'zod'
// Only the two locales the app speaks (z.locales would bundle all of zod's languages).
import zodEn from 'zod/v4/locales/en.js'
import zodRu from 'zod/v4/locales/ru.js'
import { ladderIssueTexts } from '@shared/domain'
import type { IpcErrorCode } from '@shared/ipc'
import { enTexts, ruTexts, type Texts } from './locales'

export type Language = 'ru' | 'en'
export const LANGUAGES: readonly Language[] = ['ru', 'en']

// The language is a UI preference, not a secret, and the IPC contract has no settings channel: localStorage.
const STORAGE_KEY = 'probonus.language'

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: Texts; ladderIssues: (typeof ladderIssueTexts)['ru'] }
  }
}

function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return value === 'en' || value === 'ru' ? value : 'ru'
  } catch {
    return 'ru'
  }
}

function applyLanguage(language: Language): void {
  // zod's own messages (too short, not a number, …) in the UI language; our schemas' custom ones are mapped below.
  z.config(language === 'ru' ? zodRu() : zodEn())
  if (typeof document !== 'undefined') document.documentElement.lang = language
}

export const i18n: I18n = i18next.createInstance()

export function initI18n(language: Language = storedLanguage()): I18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: {
        ru: { translation: ruTexts, ladderIssues: ladderIssueTexts.ru },
        en: { translation: enTexts, ladderIssues: ladderIssueTexts.en },
      },
      lng: language,
      fallbackLng: 'ru',
      supportedLngs: LANGUAGES,
      defaultNS: 'translation',
      ns: ['translation', 'ladderIssues'],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
      react: { useSuspense: false },
    })
    i18n.on('languageChanged', (lng) => applyLanguage(lng === 'en' ? 'en' : 'ru'))
    applyLanguage(language)
  }
  return i18n
}

export function currentLanguage(): Language {
  return i18n.language === 'en' ? 'en' : 'ru'
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // Storage may be unavailable (private mode): the switch still works for this session.
  }
  await i18n.changeLanguage(language)
}

/** The generic sentence for an IPC error code in the UI language ("Сервер недоступен…"). */
export function ipcErrorText(error: { code: IpcErrorCode; retryAfterSeconds?: number }): string {
  return i18n.t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })
}
