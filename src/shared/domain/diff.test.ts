import { describe, expect, it } from 'vitest'
import type { LadderCreate } from '../api/ladders'
import { diffFields, diffLadders, sameValue } from './diff'
import { guestLadderExample } from './example-ladder'

const clone = (): LadderCreate => structuredClone(guestLadderExample)
const newStep = {
  name: 'Платина',
  threshold: 300_000,
  rk_discount_id: 2,
  bonus_percent: 10,
  max_payment_percent: 100,
}

describe('diffLadders', () => {
  it('finds nothing between equal ladders, treating null and absent alike', () => {
    const b = clone()
    delete b.steps[0]!.max_payment_percent
    delete b.period_days
    expect(diffLadders(guestLadderExample, b)).toEqual({ fields: [], steps: [] })
  })

  it('reports ladder fields with before and after', () => {
    const b = { ...clone(), name: 'Гостевая 2', period: 'rolling_days' as const, period_days: 90 }
    expect(diffLadders(guestLadderExample, b).fields).toEqual([
      { field: 'name', before: 'Гостевая', after: 'Гостевая 2' },
      { field: 'period', before: 'all_time', after: 'rolling_days' },
      { field: 'period_days', before: null, after: 90 },
    ])
  })

  it('reports a changed step with its field changes', () => {
    const b = clone()
    b.steps[1]!.threshold = 25_000
    b.steps[1]!.bonus_percent = 4.5
    expect(diffLadders(guestLadderExample, b).steps).toEqual([
      {
        kind: 'changed',
        index: 1,
        beforeIndex: 1,
        changes: [
          { field: 'threshold', before: 30_000, after: 25_000 },
          { field: 'bonus_percent', before: 5, after: 4.5 },
        ],
      },
    ])
  })

  it('reports a step inserted in the middle as one addition, not a cascade of changes', () => {
    const b = clone()
    b.steps.splice(2, 0, { ...newStep, name: 'Серебро+', threshold: 60_000 })
    expect(diffLadders(guestLadderExample, b).steps).toEqual([{ kind: 'added', index: 2, after: b.steps[2] }])
  })

  it('reports removed and appended steps with their own indexes', () => {
    const b = clone()
    const [removed] = b.steps.splice(1, 1)
    b.steps.push(newStep)
    expect(diffLadders(guestLadderExample, b).steps).toEqual([
      { kind: 'removed', index: 1, before: removed },
      { kind: 'added', index: 2, after: newStep },
    ])
  })

  it('pairs a renamed step in place as a change', () => {
    const b = clone()
    b.steps[1]!.name = 'Silver'
    expect(diffLadders(guestLadderExample, b).steps).toEqual([
      {
        kind: 'changed',
        index: 1,
        beforeIndex: 1,
        changes: [{ field: 'name', before: 'Серебро', after: 'Silver' }],
      },
    ])
  })

  it('tolerates drafts without steps or fields', () => {
    expect(diffLadders({}, guestLadderExample).steps.map((s) => s.kind)).toEqual(['added', 'added', 'added'])
    expect(diffLadders(guestLadderExample, null).steps.map((s) => s.kind)).toEqual([
      'removed',
      'removed',
      'removed',
    ])
    expect(diffLadders(undefined, { steps: 'x' })).toEqual({ fields: [], steps: [] })
  })
})

describe('diffFields', () => {
  const base = {
    id: 3,
    code: 'card',
    name: 'Карта',
    pattern: null,
    min_length: 6,
    version: 2,
    updated_at: '2024-01-01T00:00:00Z',
  }

  it('lists changed fields and leaves out audit fields by default', () => {
    const theirs = {
      ...base,
      name: 'Карта гостя',
      min_length: 8,
      version: 3,
      updated_at: '2024-02-01T00:00:00Z',
    }
    expect(diffFields(base, theirs)).toEqual([
      { field: 'name', before: 'Карта', after: 'Карта гостя' },
      { field: 'min_length', before: 6, after: 8 },
    ])
    expect(diffFields(base, theirs, ['version', 'code'])).toEqual([{ field: 'version', before: 2, after: 3 }])
  })

  it('compares nested values structurally and reports missing ones as null', () => {
    expect(diffFields({ ids: [{ type_id: 1, value: 'a' }] }, { ids: [{ type_id: 1, value: 'a' }] })).toEqual(
      [],
    )
    expect(diffFields({ a: 1 }, { b: undefined })).toEqual([{ field: 'a', before: 1, after: null }])
    expect(sameValue([1, 2], { 0: 1, 1: 2 })).toBe(false)
    expect(sameValue(Number.NaN, Number.NaN)).toBe(true)
  })
})
