// Roubles on the wire → money for people in the UI language («1 250,50 ₽»).
import { useCallback } from 'react'
import { useLanguageCode } from '../../app/useT'
import { formatMoney, toKopecks } from '@shared/domain'

export function formatRoubles(roubles: number, language: string): string {
  return formatMoney(toKopecks(roubles), language.startsWith('en') ? 'en' : 'ru')
}

/** `money(1250.5)` → «1 250,50 ₽» in the current language. */
export function useMoney(): (roubles: number) => string {
  const language = useLanguageCode()
  return useCallback((roubles: number) => formatRoubles(roubles, language), [language])
}
