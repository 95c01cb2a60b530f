import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { guestLadderExample } from './example-ladder'
import { stepFor } from './steps'

const names = (value: number, highest?: number | null, downgrade = true) =>
  stepFor({ ...guestLadderExample, downgrade }, value, highest)?.step.name ?? null

describe('stepFor on the DOMAIN.md example', () => {
  it('applies inclusive thresholds: the last step with threshold ≤ value', () => {
    expect(names(0)).toBe('Гость')
    expect(names(29_999.99)).toBe('Гость')
    expect(names(30_000)).toBe('Серебро')
    expect(names(30_000.01)).toBe('Серебро')
    expect(names(99_999.99)).toBe('Серебро')
    expect(names(100_000)).toBe('Золото')
    expect(names(1e12)).toBe('Золото')
    expect(names(Number.MAX_SAFE_INTEGER)).toBe('Золото')
    expect(stepFor(guestLadderExample, 100_000)).toEqual({ index: 2, step: guestLadderExample.steps[2] })
  })

  it('returns null for an empty ladder and for negative or non-finite values', () => {
    expect(stepFor({ steps: [] }, 10)).toBeNull()
    expect(stepFor(guestLadderExample, -0.01)).toBeNull()
    expect(stepFor(guestLadderExample, Number.NaN)).toBeNull()
    expect(stepFor(guestLadderExample, Infinity)).toBeNull()
  })

  it('keeps the highest step reached only when downgrade is false', () => {
    expect(names(10, 2, false)).toBe('Золото')
    expect(names(10, 2, true)).toBe('Гость')
    expect(names(50_000, 0, false)).toBe('Серебро')
    expect(names(10, null, false)).toBe('Гость')
    // A ladder that became shorter keeps the guest on its top step.
    expect(names(10, 7, false)).toBe('Золото')
  })
})

/** Strictly increasing thresholds from 0, with at most 2 decimals, as a valid ladder has. */
const validThresholds = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000_000_000 }), { minLength: 0, maxLength: 49 })
  .map((kopecks) => [0, ...kopecks.sort((a, b) => a - b)].map((k) => k / 100))
const accumulated = fc.oneof(
  fc.integer({ min: 0, max: 10_000_000_000 }).map((k) => k / 100),
  fc.double({ min: 0, max: 1e12, noNaN: true }),
)

describe('stepFor properties', () => {
  it('returns the last step whose threshold ≤ value', () => {
    fc.assert(
      fc.property(validThresholds, accumulated, (thresholds, value) => {
        const steps = thresholds.map((threshold) => ({ threshold }))
        const expected = thresholds.findLastIndex((t) => t <= value)
        expect(stepFor({ steps, downgrade: true }, value)?.index).toBe(expected)
        // A value exactly at a threshold lands on that step.
        const at = thresholds[Math.floor(value) % thresholds.length]!
        expect(stepFor({ steps }, at)?.index).toBe(thresholds.indexOf(at))
      }),
    )
  })

  it('with downgrade false never goes below the highest step reached', () => {
    fc.assert(
      fc.property(validThresholds, accumulated, fc.nat(60), (thresholds, value, highest) => {
        const steps = thresholds.map((threshold) => ({ threshold }))
        const placed = stepFor({ steps, downgrade: false }, value, highest)
        const natural = thresholds.findLastIndex((t) => t <= value)
        expect(placed?.index).toBe(Math.max(natural, Math.min(highest, steps.length - 1)))
        expect(placed?.step).toBe(steps[placed?.index ?? -1])
      }),
    )
  })
})
