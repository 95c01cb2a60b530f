import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ladderCreateChecked } from '@shared/domain'
import { createLadderParser } from './ladder-parse'

// Values as a form holds them while typed: mostly right, often one thing wrong (a threshold out of order, a
// percent with three decimals, a blank name, a typed text that is not a number, an unknown key, no steps).
const numberish = fc.oneof(
  fc.integer({ min: -5, max: 200_000 }),
  fc.double({ min: -1, max: 150, noNaN: true }),
  fc.constantFrom(0, 1.005, 12.5, 100, 100.01, null, undefined, 'invalid', Number.NaN),
)
const step = fc.record(
  {
    name: fc.oneof(fc.constantFrom('Гость', 'Серебро', '', '   '), fc.string({ maxLength: 3 })),
    threshold: numberish,
    rk_discount_id: fc.oneof(fc.constantFrom(null, 1, 2, 0, -1, 1.5), fc.constant(undefined)),
    bonus_percent: numberish,
    max_payment_percent: numberish,
    extra: fc.constant(1),
  },
  { requiredKeys: ['name', 'threshold'] },
)
// A valid ladder to start from: ascending thresholds from 0, a benefit on every step.
const validLadder = fc
  .record({
    name: fc.constantFrom('Гостевая', 'VIP'),
    basis: fc.constantFrom('spend', 'visits'),
    period: fc.constantFrom('all_time', 'rolling_days'),
    downgrade: fc.boolean(),
    active: fc.boolean(),
    gaps: fc.array(fc.integer({ min: 1, max: 5_000 }), { minLength: 0, maxLength: 49 }),
    bonus: fc.integer({ min: 1, max: 30 }),
  })
  .map(({ gaps, bonus, ...head }) => {
    let threshold = 0
    return {
      ...head,
      period_days: head.period === 'rolling_days' ? 180 : null,
      steps: [0, ...gaps].map((gap, index) => {
        threshold += gap
        return {
          name: `Ступень ${index + 1}`,
          threshold: index === 0 ? 0 : threshold,
          rk_discount_id: null,
          bonus_percent: bonus + index,
          max_payment_percent: null,
        }
      }),
    }
  })
type Edit = { step: number; key: string; value: unknown } | { key: string; value: unknown }
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    step: fc.nat({ max: 52 }),
    key: fc.constantFrom('name', 'threshold', 'rk_discount_id', 'bonus_percent', 'max_payment_percent', 'x'),
    value: fc.oneof(numberish, fc.constantFrom('', 'Золото')),
  }),
  fc.record({
    key: fc.constantFrom('name', 'basis', 'period', 'period_days', 'downgrade', 'active', 'steps', 'x'),
    value: fc.oneof(numberish, fc.constantFrom('', 'visits', 'weekly', true, [], 30)),
  }),
)

/** `ladder` with `change` made, on a copy or (as react-hook-form does) on the same objects. */
function applied(ladder: Record<string, unknown>, change: Edit, inPlace = false): Record<string, unknown> {
  const next = inPlace ? ladder : structuredClone(ladder)
  if ('step' in change) {
    const steps = Array.isArray(next.steps) ? (next.steps as unknown[]) : []
    const target = steps[change.step % Math.max(1, steps.length)]
    if (typeof target === 'object' && target !== null)
      (target as Record<string, unknown>)[change.key] = change.value
  } else next[change.key] = change.value
  return next
}

function same(actual: unknown, values: unknown): void {
  expect(actual).toStrictEqual(ladderCreateChecked.safeParse(values))
}

describe('the ladder form parser', () => {
  it('answers like ladderCreateChecked for any values', () => {
    const parse = createLadderParser()
    fc.assert(
      fc.property(
        fc.oneof(
          validLadder,
          fc.record({
            name: fc.string({ maxLength: 3 }),
            basis: fc.constantFrom('spend', 'visits', 'x'),
            period: fc.constantFrom('all_time', 'rolling_days'),
            period_days: fc.constantFrom(null, 30, 0, undefined),
            downgrade: fc.boolean(),
            active: fc.boolean(),
            steps: fc.array(step, { maxLength: 52 }),
          }),
          fc.jsonValue(),
          fc.constantFrom(undefined, null, [undefined], [null], Number.NaN, -0),
        ),
        (values) => {
          same(parse(values), values)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('answers like ladderCreateChecked along a run of edits, one field at a time (what it remembers never leaks)', () => {
    fc.assert(
      fc.property(validLadder, fc.array(edit, { maxLength: 25 }), (start, edits) => {
        const parse = createLadderParser()
        let values: Record<string, unknown> = start
        same(parse(values), values)
        for (const change of edits) {
          values = applied(values, change)
          same(parse(values), values)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('answers like ladderCreateChecked when the same objects are changed in place, as the form does', () => {
    fc.assert(
      fc.property(validLadder, fc.array(edit, { maxLength: 25 }), (start, edits) => {
        const parse = createLadderParser()
        const values: Record<string, unknown> = start
        same(parse(values), values)
        for (const change of edits) {
          applied(values, change, true)
          same(parse(values), values)
        }
      }),
      { numRuns: 150 },
    )
  })

  it('checks a 50-step ladder valid, then a step typed out of order invalid at that step', () => {
    const parse = createLadderParser()
    const ladder = {
      name: 'Лестница',
      basis: 'spend',
      period: 'all_time',
      period_days: null,
      downgrade: true,
      active: true,
      steps: Array.from({ length: 50 }, (_, index) => ({
        name: `Ступень ${index + 1}`,
        threshold: index * 1000,
        rk_discount_id: null,
        bonus_percent: 1 + (index % 20),
        max_payment_percent: null,
      })),
    }
    expect(parse(ladder).success).toBe(true)
    const typed = applied(ladder, { step: 49, key: 'threshold', value: 100 })
    const result = parse(typed)
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['steps', 49, 'threshold']])
  })
})
