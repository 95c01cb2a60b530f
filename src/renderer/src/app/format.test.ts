import { describe, expect, it } from 'vitest'
import { formatDataTime, formatNumber, userText } from './format'

describe('userText', () => {
  it('names the user and the role once each', () => {
    expect(userText('Администратор', 'Администратор')).toBe('Администратор')
    expect(userText('Иванова Мария', 'Маркетолог')).toBe('Иванова Мария · Маркетолог')
    expect(userText('admin', 'Admin')).toBe('admin')
  })
})

describe('formatDataTime', () => {
  const now = new Date('2026-11-30T15:00:00')
  it('reads as before with reused formatters: time today, day and time this year, with the year before', () => {
    const today = new Date('2026-11-30T09:05:00')
    const thisYear = new Date('2026-03-12T14:32:00')
    const lastYear = new Date('2025-03-12T14:32:00')
    for (const language of ['ru', 'en'] as const) {
      const locale = language === 'ru' ? 'ru-RU' : 'en-GB'
      const time = (d: Date) => d.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' })
      const month = language === 'ru' ? '2-digit' : 'short'
      expect(formatDataTime(today.toISOString(), language, now)).toBe(time(today))
      expect(formatDataTime(thisYear.toISOString(), language, now)).toBe(
        `${thisYear.toLocaleDateString(locale, { day: 'numeric', month })} ${time(thisYear)}`,
      )
      expect(formatDataTime(lastYear.toISOString(), language, now)).toBe(
        `${lastYear.toLocaleDateString(locale, { day: 'numeric', month, year: 'numeric' })} ${time(lastYear)}`,
      )
    }
    expect(formatDataTime(null, 'ru', now)).toBe('')
    expect(formatNumber(10000.555, 'ru')).toBe(
      (10000.555).toLocaleString('ru-RU', { maximumFractionDigits: 2 }),
    )
  })
})
