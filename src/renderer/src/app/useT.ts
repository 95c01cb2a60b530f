// The translation function for a component, following the UI language. react-i18next's `useTranslation` rebuilds
// its options and checks every namespace on each render (about 0.1 ms: a keystroke in the ladder editor renders a
// dozen components); this answers from the current language, and renders the component again when it changes.
import { useSyncExternalStore } from 'react'
import type { TFunction } from 'i18next'
import { i18n } from './i18n'

let fixed: { language: string; t: TFunction<'translation'> } | null = null

function currentT(): TFunction<'translation'> {
  const language = i18n.language
  if (fixed?.language !== language) fixed = { language, t: i18n.getFixedT(language, 'translation') }
  return fixed.t
}

function onLanguageChanged(onChange: () => void): () => void {
  i18n.on('languageChanged', onChange)
  return () => i18n.off('languageChanged', onChange)
}

/** `t` in the UI language (a new function when the language changes, so memos over it follow). */
export function useT(): TFunction<'translation'> {
  return useSyncExternalStore(onLanguageChanged, currentT)
}

/** The UI language's code as i18next has it ('ru', 'en'), following a switch. */
export function useLanguageCode(): string {
  return useSyncExternalStore(onLanguageChanged, () => i18n.language)
}
