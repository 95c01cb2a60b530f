import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { benefitsFor } from './benefits'
import { exampleRkDiscounts, guestLadderExample } from './example-ladder'
import { toKopecks } from './money'
import { stepFor } from './steps'

const [guest, silver, gold] = guestLadderExample.steps
const [discount5, discount10] = exampleRkDiscounts

describe('benefitsFor on the DOMAIN.md example', () => {
  it('gives 3 % bonus on the first step, no discount, no payment cap', () => {
    expect(benefitsFor(guest, toKopecks(1000))).toEqual({
      discountKopecks: 0,
      bonusKopecks: 3000,
      maxBonusPaymentKopecks: 100_000,
    })
  })

  it('takes the RK discount first, then credits the bonus on what is paid', () => {
    // 1000 ₽ − 5 % = 950 ₽; 5 % of 950 ₽ = 47.50 ₽
    expect(benefitsFor(silver, toKopecks(1000), discount5)).toEqual({
      discountKopecks: 5000,
      bonusKopecks: 4750,
      maxBonusPaymentKopecks: 95_000,
    })
    // 1000 ₽ − 10 % = 900 ₽; 7 % = 63 ₽; pay up to 50 % = 450 ₽
    expect(benefitsFor(gold, toKopecks(1000), discount10)).toEqual({
      discountKopecks: 10_000,
      bonusKopecks: 6300,
      maxBonusPaymentKopecks: 45_000,
    })
  })

  it('places an accumulated spend and computes its benefits end to end', () => {
    const placed = stepFor(guestLadderExample, 100_000)
    const discount = exampleRkDiscounts.find((d) => d.id === placed?.step.rk_discount_id)
    expect(benefitsFor(placed?.step ?? null, toKopecks(2500.5), discount)).toEqual({
      discountKopecks: 25_005, // 10 % of 2500.50 ₽ = 250.05 ₽
      bonusKopecks: 15_753, // 7 % of 2250.45 ₽ = 157.5315 ₽ → 157.53 ₽
      maxBonusPaymentKopecks: 112_523, // 50 % of 2250.45 ₽ = 1125.225 ₽ → 1125.23 ₽ (half-up)
    })
  })
})

describe('benefitsFor edges', () => {
  it('rounds half-up to the kopeck', () => {
    expect(benefitsFor({ bonus_percent: 5 }, 10).bonusKopecks).toBe(1) // 0.5 → 1
    expect(benefitsFor({ bonus_percent: 5 }, 9).bonusKopecks).toBe(0) // 0.45 → 0
    expect(benefitsFor({ bonus_percent: 0.01 }, 5000).bonusKopecks).toBe(1) // 0.5 → 1
    expect(benefitsFor({ bonus_percent: 33.33 }, 100).bonusKopecks).toBe(33)
  })

  it('caps an amount discount at the bill and skips a discount that does not apply', () => {
    const amount = { id: 7, kind: 'amount' as const, value: 500, active: true }
    expect(benefitsFor({ rk_discount_id: 7, bonus_percent: 10 }, 30_000, amount)).toEqual({
      discountKopecks: 30_000,
      bonusKopecks: 0,
      maxBonusPaymentKopecks: 0,
    })
    expect(benefitsFor({ rk_discount_id: 7 }, 100_000, amount).discountKopecks).toBe(50_000)
    expect(benefitsFor({ rk_discount_id: 8 }, 100_000, amount).discountKopecks).toBe(0)
    expect(benefitsFor({ rk_discount_id: null }, 100_000, amount).discountKopecks).toBe(0)
    expect(benefitsFor({ rk_discount_id: 7 }, 100_000, { ...amount, active: false }).discountKopecks).toBe(0)
  })

  it('handles a zero bill, no step, and very large bills exactly', () => {
    expect(benefitsFor(gold, 0, discount10)).toEqual({
      discountKopecks: 0,
      bonusKopecks: 0,
      maxBonusPaymentKopecks: 0,
    })
    expect(benefitsFor(null, 12_345)).toEqual({
      discountKopecks: 0,
      bonusKopecks: 0,
      maxBonusPaymentKopecks: 12_345,
    })
    // 9 007 199 254 740 991 × 7 % = 630 503 947 831 869.37 kopecks: doubles lose the last digits, BigInt does not.
    expect(benefitsFor({ bonus_percent: 7 }, Number.MAX_SAFE_INTEGER).bonusKopecks).toBe(630_503_947_831_869)
    expect(benefitsFor({ bonus_percent: 7.77 }, 1e14).bonusKopecks).toBe(7_770_000_000_000)
  })

  it('refuses a bill that is not non-negative integer kopecks', () => {
    for (const bill of [-1, 1.5, Number.NaN, Infinity, 2 ** 60]) {
      expect(() => benefitsFor(gold, bill)).toThrow(RangeError)
    }
  })

  it('always gives integer kopecks within the bill', () => {
    const percent = fc.integer({ min: 0, max: 10_000 }).map((h) => h / 100)
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e14 }),
        fc.option(percent),
        fc.option(percent),
        fc.record({ kind: fc.constantFrom('percent' as const, 'amount' as const), value: percent }),
        (bill, bonus, cap, rk) => {
          const result = benefitsFor(
            { rk_discount_id: 1, bonus_percent: bonus, max_payment_percent: cap },
            bill,
            rk,
          )
          for (const value of Object.values(result))
            expect(Number.isSafeInteger(value) && value >= 0).toBe(true)
          expect(result.discountKopecks).toBeLessThanOrEqual(bill)
          expect(result.bonusKopecks).toBeLessThanOrEqual(bill - result.discountKopecks)
          expect(result.maxBonusPaymentKopecks).toBeLessThanOrEqual(bill - result.discountKopecks)
        },
      ),
    )
  })
})
