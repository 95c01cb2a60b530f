import { describe, expect, it } from 'vitest'
import { explainStep, type ExplainedLadder } from './step-explanation'

const DAY = 24 * 60 * 60 * 1000
const NOW = Date.parse('2026-06-30T12:00:00.000Z')
const at = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString()

const steps = [
  { name: 'Старт', threshold: 0 },
  { name: 'Серебро', threshold: 1000 },
  { name: 'Золото', threshold: 5000 },
]
const allTime: ExplainedLadder = {
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: true,
  steps,
}
const rolling: ExplainedLadder = { ...allTime, period: 'rolling_days', period_days: 30 }

describe('explainStep', () => {
  it('all time: the account totals against inclusive thresholds, and what is missing to the next step', () => {
    const explained = explainStep(allTime, { spend_total: 1000, visits: 3, step: { index: 1 } }, [], NOW)
    expect(explained.accumulated).toBe(1000)
    expect(explained.reason).toBe('value')
    expect(explained.thresholds.map((row) => row.reached)).toEqual([true, true, false])
    expect(explained.next).toEqual({ index: 2, name: 'Золото', threshold: 5000, missing: 4000 })
    expect(explained.window).toBeNull()
  })

  it('money is exact to the kopeck', () => {
    const explained = explainStep(allTime, { spend_total: 999.99, visits: 1, step: { index: 0 } }, [], NOW)
    expect(explained.next?.missing).toBe(0.01)
  })

  it('a rolling period counts only the window, says when each purchase stops counting and what happens then', () => {
    const purchases = [
      { id: 1, amount: 4000, created_at: at(40) },
      { id: 2, amount: 700.1, created_at: at(20) },
      { id: 3, amount: 300.2, created_at: at(5) },
    ]
    const explained = explainStep(
      rolling,
      { spend_total: 5000.3, visits: 3, step: { index: 1 } },
      purchases,
      NOW,
    )
    expect(explained.accumulated).toBe(1000.3)
    expect(explained.reason).toBe('value')
    expect(explained.window?.from).toBe(at(30))
    expect(explained.window?.purchases.map((bill) => [bill.id, bill.counts_until])).toEqual([
      [3, new Date(NOW + 25 * DAY).toISOString()],
      [2, new Date(NOW + 10 * DAY).toISOString()],
    ])
    expect(explained.window?.next_expiry).toEqual({
      at: new Date(NOW + 10 * DAY).toISOString(),
      accumulated: 300.2,
      step: 0,
    })
    expect(explained.next?.missing).toBe(3999.7)
  })

  it('a purchase exactly one period old no longer counts (the window starts after now − N days)', () => {
    const explained = explainStep(
      rolling,
      { spend_total: 1000, visits: 1, step: { index: 0 } },
      [{ id: 1, amount: 1000, created_at: at(30) }],
      NOW,
    )
    expect(explained.accumulated).toBe(0)
  })

  it('without downgrade: the held step and since when, from the first purchase that reached it', () => {
    const ladder = { ...rolling, downgrade: false }
    const purchases = [
      { id: 1, amount: 600, created_at: at(80) },
      { id: 2, amount: 600, created_at: at(70) },
      { id: 3, amount: 100, created_at: at(2) },
    ]
    const explained = explainStep(
      ladder,
      { spend_total: 1300, visits: 3, step: { index: 1 } },
      purchases,
      NOW,
    )
    expect(explained.accumulated).toBe(100)
    expect(explained.by_value).toBe(0)
    expect(explained.reason).toBe('held')
    expect(explained.held).toEqual({ index: 1, name: 'Серебро', since: at(70) })
  })

  it('a step the ladder does not explain is said to be set otherwise, and visits count bills', () => {
    const visits: ExplainedLadder = {
      ...allTime,
      basis: 'visits',
      steps: [steps[0]!, { name: 'Постоянный', threshold: 10 }],
    }
    const explained = explainStep(visits, { spend_total: 0, visits: 4, step: { index: 1 } }, [], NOW)
    expect(explained.reason).toBe('other')
    expect(explained.held).toBeNull()
    expect(explained.next).toBeNull()
  })

  it('partial purchases that do not reach back to the window start say so', () => {
    const explained = explainStep(
      rolling,
      { spend_total: 2000, visits: 2, step: { index: 1 } },
      [{ id: 2, amount: 1000, created_at: at(3) }],
      NOW,
      false,
    )
    expect(explained.window?.partial).toBe(true)
  })
})
