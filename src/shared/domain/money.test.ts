import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  formatMoney,
  fromKopecks,
  hasAtMostDecimals,
  kopecksToDecimal,
  MAX_MONEY_ROUBLES,
  parseMoney,
  toKopecks,
} from './money'

/** Tests compare with plain spaces; formatMoney's own spaces are pinned in one test. */
const plain = (text: string) => text.replace(/[\s\u00A0\u202F]/g, ' ')

describe('formatMoney', () => {
  it('formats roubles in Russian and English, kopecks only when not zero', () => {
    expect(plain(formatMoney(3_000_000, 'ru'))).toBe('30 000 ₽')
    expect(plain(formatMoney(3_000_050, 'ru'))).toBe('30 000,50 ₽')
    expect(plain(formatMoney(0, 'ru'))).toBe('0 ₽')
    expect(plain(formatMoney(5, 'ru'))).toBe('0,05 ₽')
    expect(plain(formatMoney(-123_456_705, 'ru'))).toBe('-1 234 567,05 ₽')
    expect(formatMoney(3_000_000, 'en')).toBe('₽30,000')
    expect(formatMoney(3_000_050, 'en')).toBe('₽30,000.50')
    expect(formatMoney(100_000_000_000_000, 'en')).toBe('₽1,000,000,000,000')
  })

  it('is deterministic: no-break spaces only, exact for the largest safe kopecks', () => {
    expect(formatMoney(3_000_050, 'ru')).toBe('30\u00A0000,50\u00A0₽')
    expect(plain(formatMoney(Number.MAX_SAFE_INTEGER, 'ru'))).toBe('90 071 992 547 409,91 ₽')
  })

  it('does not crash on values that are not kopecks', () => {
    expect(formatMoney(Number.NaN, 'ru')).toBe('—')
    expect(formatMoney(1.5, 'en')).toBe('—')
  })
})

describe('parseMoney', () => {
  it('accepts what people type', () => {
    expect(parseMoney('30 000,50', 'ru')).toBe(3_000_050)
    expect(parseMoney('30\u00A0000,5', 'ru')).toBe(3_000_050)
    expect(parseMoney('30\u202F000', 'ru')).toBe(3_000_000)
    expect(parseMoney('30000.5', 'ru')).toBe(3_000_050)
    expect(parseMoney(' 30000 ', 'ru')).toBe(3_000_000)
    expect(parseMoney('30 000 ₽', 'ru')).toBe(3_000_000)
    expect(parseMoney('0,01', 'ru')).toBe(1)
    expect(parseMoney('30,000.50', 'en')).toBe(3_000_050)
    expect(parseMoney('₽30,000', 'en')).toBe(3_000_000)
    expect(parseMoney('30000.5', 'en')).toBe(3_000_050)
    expect(parseMoney('1000000000000', 'en')).toBe(100_000_000_000_000)
  })

  it('rejects junk, negatives, 3 decimals, bad grouping and amounts above the maximum', () => {
    for (const [text, lang] of [
      ['', 'ru'],
      ['abc', 'ru'],
      ['12a', 'ru'],
      ['-5', 'ru'],
      ['1,005', 'ru'],
      ['1.005', 'en'],
      ['30,5', 'en'],
      ['3 00', 'ru'],
      ['30,00,000', 'en'],
      ['1.', 'ru'],
      ['.5', 'ru'],
      ['1e5', 'en'],
      ['Infinity', 'en'],
      ['1000000000000.01', 'en'],
      ['99999999999999999999', 'ru'],
      ['₽ 5 ₽', 'ru'],
    ] as const) {
      expect(parseMoney(text, lang), `${lang} ${JSON.stringify(text)}`).toBeNull()
    }
  })

  it('reads back what formatMoney writes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_MONEY_ROUBLES * 100 }),
        fc.constantFrom('ru', 'en'),
        (k, lang) => {
          expect(parseMoney(formatMoney(k, lang), lang)).toBe(k)
        },
      ),
    )
  })
})

describe('kopecks', () => {
  it('round-trips any integer kopecks up to 10^14 exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (kopecks) => {
        const roubles = fromKopecks(kopecks)
        expect(hasAtMostDecimals(roubles, 2)).toBe(true)
        expect(toKopecks(roubles)).toBe(kopecks)
        expect(BigInt(kopecksToDecimal(kopecks).replace('.', ''))).toBe(BigInt(kopecks))
      }),
    )
  })

  it('sums random amounts without drift (checked against BigInt on the decimal strings)', () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 0, max: 99 }))
      .map(([roubles, kopecks]) => `${roubles}.${String(kopecks).padStart(2, '0')}`)
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 200 }), (amounts) => {
        const sum = amounts.reduce((total, text) => total + toKopecks(Number(text)), 0)
        const exact = amounts.reduce((total, text) => total + BigInt(text.replace('.', '')), 0n)
        expect(BigInt(sum)).toBe(exact)
        const exactText = `${exact / 100n}.${String(exact % 100n).padStart(2, '0')}`
        expect(kopecksToDecimal(sum)).toBe(exactText)
        expect(fromKopecks(sum)).toBe(Number(exactText))
      }),
    )
  })

  it('refuses more than 2 decimals and float noise', () => {
    expect(toKopecks(0.3)).toBe(30)
    expect(() => toKopecks(0.1 + 0.2)).toThrow(RangeError)
    expect(() => toKopecks(1.005)).toThrow(RangeError)
    expect(() => toKopecks(Number.NaN)).toThrow(RangeError)
    expect(() => fromKopecks(0.5)).toThrow(RangeError)
    expect(toKopecks(-0)).toBe(0)
    expect(Object.is(fromKopecks(-0), 0)).toBe(true)
  })
})
