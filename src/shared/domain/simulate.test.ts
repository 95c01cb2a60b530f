import { describe, expect, it } from 'vitest'
import { exampleRkDiscounts, guestLadderExample } from './example-ladder'
import { simulateBill, type SimulatedLadder } from './simulate'

const discountOf = (id: number) => exampleRkDiscounts.find((discount) => discount.id === id)

describe('simulateBill', () => {
  it('serves the bill on the step reached before it, RK discount first, then bonus and cap of what is paid', () => {
    // 99 000 ₽ accumulated: «Серебро» (5 % RK discount, 5 % bonus, no cap); a 2 000 ₽ bill.
    const result = simulateBill({
      ladder: guestLadderExample,
      accumulated: 9_900_000,
      billKopecks: 200_000,
      discountOf,
    })
    expect(result.step).toEqual({ index: 1, name: 'Серебро' })
    expect(result.benefits).toEqual({
      discountKopecks: 10_000,
      bonusKopecks: 9_500,
      maxBonusPaymentKopecks: 190_000,
    })
    expect(result.toPayKopecks).toBe(190_000)
    // 99 000 + 1 900 paid → «Золото» after the bill; 1 000 ₽ was missing before it.
    expect(result.after).toEqual({ index: 2, name: 'Золото' })
    expect(result.next).toEqual({ index: 2, name: 'Золото', remaining: 100_000 })
    expect(result.keep).toBeNull()
    expect(result.held).toBe(false)
  })

  it('caps payment with bonus on the top step and has no next step there', () => {
    const result = simulateBill({
      ladder: guestLadderExample,
      accumulated: 10_000_000,
      billKopecks: 100_001,
      discountOf,
    })
    expect(result.step?.name).toBe('Золото')
    // 10 % of 1 000,01 ₽ = 100,00 ₽ (half-up); pays 900,01 ₽; bonus 7 % = 63,00 ₽; cap 50 % = 450,01 ₽ (half-up).
    expect(result.benefits).toEqual({
      discountKopecks: 10_000,
      bonusKopecks: 6_300,
      maxBonusPaymentKopecks: 45_001,
    })
    expect(result.next).toBeNull()
  })

  it('counts a bill as one visit and keeps the highest step reached when the ladder never lowers it', () => {
    const visits: SimulatedLadder = {
      basis: 'visits',
      period: 'all_time',
      downgrade: false,
      steps: [
        { name: 'Новичок', threshold: 0, bonus_percent: 2 },
        { name: 'Знакомый', threshold: 5, bonus_percent: 3 },
        { name: 'Свой', threshold: 15, bonus_percent: 5 },
      ],
    }
    const result = simulateBill({ ladder: visits, accumulated: 4, highestReached: 2, billKopecks: 1_000 })
    expect(result.step).toEqual({ index: 2, name: 'Свой' })
    expect(result.held).toBe(true)
    expect(result.benefits.bonusKopecks).toBe(50)
    const fresh = simulateBill({ ladder: visits, accumulated: 4, billKopecks: 1_000 })
    expect(fresh.step?.name).toBe('Новичок')
    expect(fresh.after?.name).toBe('Знакомый')
    expect(fresh.next).toEqual({ index: 1, name: 'Знакомый', remaining: 1 })
  })

  it('says, for a rolling ladder that lowers steps, what keeps the current step', () => {
    const rolling: SimulatedLadder = { ...guestLadderExample, period: 'rolling_days', period_days: 365 }
    const result = simulateBill({ ladder: rolling, accumulated: 4_500_000, billKopecks: 0, discountOf })
    expect(result.keep).toEqual({ threshold: 3_000_000, margin: 1_500_000, days: 365 })
    expect(simulateBill({ ladder: rolling, accumulated: 100, billKopecks: 0 }).keep).toBeNull()
    expect(
      simulateBill({ ladder: { ...rolling, downgrade: false }, accumulated: 4_500_000, billKopecks: 0 }).keep,
    ).toBeNull()
  })

  it('places a guest as a level set by hand holds them: pin exactly, floor at least, as the server does', () => {
    const base = { ladder: guestLadderExample, billKopecks: 100_000, discountOf }
    const pinned = simulateBill({ ...base, accumulated: 20_000_000, override: { index: 1, mode: 'pin' } })
    expect(pinned.step?.name).toBe('Серебро')
    expect(pinned.after?.name).toBe('Серебро')
    expect(pinned.overridden).toBe(true)
    expect(pinned.benefits.bonusKopecks).toBe(4_750)
    const floor = { index: 1, mode: 'floor' } as const
    expect(simulateBill({ ...base, accumulated: 0, override: floor }).step?.name).toBe('Серебро')
    const above = simulateBill({ ...base, accumulated: 20_000_000, override: floor })
    expect(above.step?.name).toBe('Золото')
    expect(above.overridden).toBe(false)
    // A step the edited ladder no longer has holds nothing.
    expect(simulateBill({ ...base, accumulated: 0, override: { index: 5, mode: 'pin' } }).step?.name).toBe(
      'Гость',
    )
  })
})
