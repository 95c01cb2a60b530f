import { describe, expect, it } from 'vitest'
import { limitsLeftOf, paymentAllowance } from './bonus-payment'
import { exampleRkDiscounts, guestLadderExample } from './example-ladder'
import { simulateBill, simulatedPayment } from './simulate'

const noLimits = { per_day: null, per_week: null, per_month: null }

describe('paymentAllowance', () => {
  it('takes the smallest of the balance, the step cap and what each limit leaves, and names it', () => {
    const base = { availableKopecks: 50_000, stepCapKopecks: 40_000, limitsLeft: noLimits }
    expect(paymentAllowance(base)).toEqual({ allowed: 40_000, rule: 'step_cap' })
    expect(paymentAllowance({ ...base, stepCapKopecks: null })).toEqual({ allowed: 50_000, rule: 'balance' })
    expect(
      paymentAllowance({ ...base, limitsLeft: { per_day: 30_000, per_week: 20_000, per_month: 25_000 } }),
    ).toEqual({ allowed: 20_000, rule: 'per_week' })
    expect(paymentAllowance({ ...base, limitsLeft: { ...noLimits, per_month: 0 } })).toEqual({
      allowed: 0,
      rule: 'per_month',
    })
  })

  it('never goes below zero, and a tie goes to the first rule (balance, step cap, day, week, month)', () => {
    expect(paymentAllowance({ availableKopecks: -500, stepCapKopecks: 100, limitsLeft: null })).toEqual({
      allowed: 0,
      rule: 'balance',
    })
    expect(
      paymentAllowance({
        availableKopecks: 900,
        stepCapKopecks: 700,
        limitsLeft: { per_day: 700, per_week: 700, per_month: null },
      }),
    ).toEqual({ allowed: 700, rule: 'step_cap' })
  })

  it('with a bill, the bill bounds it first; without a balance (no account), only the bill and the step do', () => {
    expect(
      paymentAllowance({
        billKopecks: 10_000,
        availableKopecks: 10_000,
        stepCapKopecks: null,
        limitsLeft: null,
      }),
    ).toEqual({ allowed: 10_000, rule: 'bill' })
    expect(
      paymentAllowance({
        billKopecks: 10_000,
        availableKopecks: null,
        stepCapKopecks: 5_000,
        limitsLeft: null,
      }),
    ).toEqual({ allowed: 5_000, rule: 'step_cap' })
  })

  it('reads the limits of GET accounts/{id}/limits in kopecks', () => {
    expect(
      limitsLeftOf({
        per_day: { limit: 300, used: 100.5, left: 199.5 },
        per_week: { limit: null, used: 100.5, left: null },
        per_month: { limit: 1_000, used: 100.5, left: 899.5 },
      }),
    ).toEqual({ per_day: 19_950, per_week: null, per_month: 89_950 })
  })
})

describe('simulatedPayment', () => {
  const discountOf = (id: number) => exampleRkDiscounts.find((discount) => discount.id === id)
  // «Золото»: 10 % RK discount, pay up to 50 % with bonus; a 1 000 ₽ bill → 900 ₽ to pay, 450 ₽ cap.
  const gold = simulateBill({
    ladder: guestLadderExample,
    accumulated: 10_000_000,
    billKopecks: 100_000,
    discountOf,
  })

  it('a typed value: the step cap of what is paid, no balance and no limits', () => {
    expect(simulatedPayment(gold, guestLadderExample, null)).toEqual({
      allowed: 45_000,
      rule: 'step_cap',
      balanceApplied: false,
      limitsApplied: false,
    })
  })

  it('a real guest: the spendable balance and what the limits leave', () => {
    const limits = {
      per_day: { limit: 500, used: 380, left: 120 },
      per_week: { limit: null, used: 380, left: null },
      per_month: { limit: null, used: 380, left: null },
    }
    expect(
      simulatedPayment(gold, guestLadderExample, { balance: 1_000, pending_balance: 0, limits }),
    ).toEqual({
      allowed: 12_000,
      rule: 'per_day',
      balanceApplied: true,
      limitsApplied: true,
    })
    // 300 ₽ of a 400 ₽ balance still pending: 100 ₽ spendable; limits not known.
    expect(
      simulatedPayment(gold, guestLadderExample, { balance: 400, pending_balance: 300, limits: null }),
    ).toMatchObject({ allowed: 10_000, rule: 'balance', limitsApplied: false })
  })

  it('a step without a cap: the whole bill after the RK discount', () => {
    const silver = simulateBill({
      ladder: guestLadderExample,
      accumulated: 3_000_000,
      billKopecks: 100_000,
      discountOf,
    })
    expect(simulatedPayment(silver, guestLadderExample, null)).toMatchObject({
      allowed: 95_000,
      rule: 'bill',
    })
  })
})
