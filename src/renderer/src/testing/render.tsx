// Test helpers for component tests (happy-dom): i18n in a chosen language and a render wrapped in its provider.
import { render, type RenderResult } from '@testing-library/react'
import type { ReactElement } from 'react'
import { I18nextProvider } from 'react-i18next'
import { i18n, initI18n, type Language } from '../app/i18n'

export async function renderUi(ui: ReactElement, language: Language = 'ru'): Promise<RenderResult> {
  initI18n(language)
  if (i18n.language !== language) await i18n.changeLanguage(language)
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>)
}
