// Test helpers for component tests (happy-dom): i18n in a chosen language and a render wrapped in its providers
// (a fresh query cache each time unless the test passes its own).
import type { QueryClient } from '@tanstack/react-query'
import { QueryClientProvider } from '@tanstack/react-query'
import { queries, render, type RenderResult } from '@testing-library/react'
import type { ReactElement, ReactNode } from 'react'
import { I18nextProvider } from 'react-i18next'
import { i18n, initI18n, type Language } from '../app/i18n'
import { createQueryClient } from '../app/queries'

export async function renderUi(
  ui: ReactElement,
  language: Language = 'ru',
  queryClient: QueryClient = createQueryClient(),
): Promise<RenderResult> {
  initI18n(language)
  if (i18n.language !== language) await i18n.changeLanguage(language)
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </QueryClientProvider>
  )
  return render(ui, { wrapper, queries })
}
