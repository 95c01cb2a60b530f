import { describe, expect, it } from 'vitest'
import { stepRange, stepRangeText } from './step-range'

/** Tests compare with plain spaces; the texts use no-break ones so a range never wraps inside a number. */
const plain = (text: string | null) => text?.replace(/[\u00A0\u202F]/g, ' ') ?? null

describe('stepRange', () => {
  it('ends a kopeck (spend) or one visit (visits) below the next threshold; the last step is open', () => {
    expect(stepRange([0, 30000, 100000], 0, 'spend')).toEqual({ from: 0, to: 29999.99 })
    expect(stepRange([0, 30000, 100000], 1, 'spend')).toEqual({ from: 30000, to: 99999.99 })
    expect(stepRange([0, 30000, 100000], 2, 'spend')).toEqual({ from: 100000, to: null })
    expect(stepRange([0, 0.1], 0, 'spend')).toEqual({ from: 0, to: 0.09 })
    expect(stepRange([0, 10, 20], 1, 'visits')).toEqual({ from: 10, to: 19 })
  })

  it('has no range for an unusable threshold, and leaves it open when the next one is unusable', () => {
    expect(stepRange([0, null], 1, 'spend')).toBeNull()
    expect(stepRange([0, Number.NaN], 1, 'spend')).toBeNull()
    expect(stepRange([0, 1.5], 1, 'visits')).toBeNull()
    expect(stepRange([0, 1.005], 1, 'spend')).toBeNull()
    expect(stepRange([0, 1e20], 1, 'spend')).toBeNull()
    expect(stepRange([100, 50], 0, 'spend')).toEqual({ from: 100, to: null })
    expect(stepRange([0, 'x'], 0, 'visits')).toEqual({ from: 0, to: null })
  })
})

describe('stepRangeText', () => {
  it('says a spend step in Russian and English', () => {
    const thresholds = [0, 30000, 100000]
    expect(plain(stepRangeText(thresholds, 1, 'spend', 'ru'))).toBe('от 30 000 ₽ до 99 999,99 ₽')
    expect(plain(stepRangeText(thresholds, 2, 'spend', 'ru'))).toBe('от 100 000 ₽ и выше')
    expect(plain(stepRangeText(thresholds, 0, 'spend', 'ru'))).toBe('от 0 ₽ до 29 999,99 ₽')
    expect(stepRangeText(thresholds, 1, 'spend', 'en')).toBe('from ₽30,000 to ₽99,999.99')
    expect(stepRangeText(thresholds, 2, 'spend', 'en')).toBe('₽100,000 and above')
  })

  it('says a visits step with the right Russian forms', () => {
    expect(stepRangeText([0, 10, 20], 1, 'visits', 'ru')).toBe('от 10 до 19 визитов')
    expect(stepRangeText([0, 10], 1, 'visits', 'ru')).toBe('от 10 визитов и больше')
    expect(stepRangeText([0, 1, 22], 1, 'visits', 'ru')).toBe('от 1 до 21 визита')
    expect(stepRangeText([0, 21], 1, 'visits', 'ru')).toBe('от 21 визита и больше')
    expect(stepRangeText([0, 11], 1, 'visits', 'ru')).toBe('от 11 визитов и больше')
    expect(stepRangeText([0, 1, 2], 1, 'visits', 'ru')).toBe('ровно 1 визит')
    expect(stepRangeText([0, 3, 4], 1, 'visits', 'ru')).toBe('ровно 3 визита')
    expect(stepRangeText([0, 12, 13], 1, 'visits', 'ru')).toBe('ровно 12 визитов')
    expect(plain(stepRangeText([0, 1000], 1, 'visits', 'ru'))).toBe('от 1 000 визитов и больше')
    expect(stepRangeText([0, 10, 20], 1, 'visits', 'en')).toBe('from 10 to 19 visits')
    expect(stepRangeText([0, 1, 2], 1, 'visits', 'en')).toBe('exactly 1 visit')
    expect(stepRangeText([0, 1000], 1, 'visits', 'en')).toBe('1,000 visits and more')
  })

  it('is null while the threshold is being typed', () => {
    expect(stepRangeText([0, null], 1, 'spend', 'ru')).toBeNull()
  })
})
