import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { LadderCreate } from '../api/ladders'
import { guestLadderExample } from './example-ladder'
import { applyChoices, keepMine, MERGE_SPECS, mergeThreeWay } from './merge'

const groupSpec = MERGE_SPECS.account_group
const ladderSpec = MERGE_SPECS.ladder

const group = fc.record({
  name: fc.constantFrom('Сотрудники', 'Персонал', 'Гости'),
  description: fc.constantFrom(null, 'Все сотрудники', 'Старое описание'),
  ladder_id: fc.constantFrom(null, 1, 2),
  active: fc.boolean(),
})

describe('three-way merge of flat records', () => {
  it('the issue: I renamed, a colleague changed the description and re-activated → keep mine keeps both', () => {
    const base = { name: 'Постоянные гости', description: 'Старое', ladder_id: 1, active: false }
    const mine = { ...base, name: 'Постоянные гости 2026' }
    const theirs = { ...base, description: 'Гости с картой', active: true, id: 5, version: 4 }
    expect(keepMine('account_group', base, mine, theirs)).toEqual({
      name: 'Постоянные гости 2026',
      description: 'Гости с картой',
      ladder_id: 1,
      active: true,
    })
  })

  it('per field: mine where I changed it, theirs where I did not (both changed → mine)', () => {
    fc.assert(
      fc.property(group, group, group, (base, mine, theirs) => {
        const merged = keepMine('account_group', base, mine, theirs)
        for (const field of groupSpec.fields) {
          const key = field as keyof typeof base
          expect(merged[field]).toEqual(mine[key] !== base[key] ? mine[key] : theirs[key])
        }
      }),
    )
  })

  it('prefer theirs answers theirs only where both changed', () => {
    fc.assert(
      fc.property(group, group, group, (base, mine, theirs) => {
        const merged = mergeThreeWay(groupSpec, base, mine, theirs, 'theirs').merged
        for (const field of groupSpec.fields) {
          const key = field as keyof typeof base
          expect(merged[field]).toEqual(theirs[key] !== base[key] ? theirs[key] : mine[key])
        }
      }),
    )
  })

  it('choices override the picks; all mine gives mine, all theirs gives theirs', () => {
    fc.assert(
      fc.property(group, group, group, (base, mine, theirs) => {
        const merge = mergeThreeWay(groupSpec, base, mine, theirs)
        const all = (side: 'mine' | 'theirs') =>
          Object.fromEntries(merge.fields.map((field) => [field.field, side]))
        expect(applyChoices(groupSpec, merge, all('mine'))).toEqual(mine)
        expect(applyChoices(groupSpec, merge, all('theirs'))).toEqual(theirs)
        expect(applyChoices(groupSpec, merge, {})).toEqual(merge.merged)
      }),
    )
  })

  it('treats absent and null alike, ignores server-only fields, and without a base takes the preferred side', () => {
    const merge = mergeThreeWay(
      groupSpec,
      null,
      { name: 'А', active: true },
      { name: 'Б', active: true, id: 1 },
    )
    expect(merge.merged).toEqual({ name: 'А', description: null, ladder_id: null, active: true })
    expect(merge.fields.find((f) => f.field === 'name')).toMatchObject({ changedBy: 'both', differs: true })
    expect(merge.fields.find((f) => f.field === 'active')).toMatchObject({
      changedBy: 'none',
      differs: false,
    })
  })
})

describe('three-way merge of ladders, per step', () => {
  const base: LadderCreate = structuredClone(guestLadderExample)
  const [guest, silver, gold] = base.steps
  if (!guest || !silver || !gold) throw new Error('fixture')
  const names = (body: Record<string, unknown>) =>
    (body.steps as { name: string; threshold: number }[]).map((s) => [s.name, s.threshold])

  it('keeps their step edits and additions next to mine', () => {
    const mine = { ...base, steps: [guest, { ...silver, bonus_percent: 6 }, gold] }
    const theirs = {
      ...base,
      name: 'Гостевая 2026',
      steps: [
        guest,
        { ...guest, name: 'Бронза', threshold: 10_000 },
        silver,
        { ...gold, threshold: 120_000 },
      ],
    }
    const merged = keepMine('ladder', base, mine, theirs)
    expect(merged.name).toBe('Гостевая 2026')
    expect(names(merged)).toEqual([
      ['Гость', 0],
      ['Бронза', 10_000],
      ['Серебро', 30_000],
      ['Золото', 120_000],
    ])
    expect((merged.steps as { bonus_percent: number }[])[2]?.bonus_percent).toBe(6)
  })

  it('a step both changed takes mine; a step I removed stays removed unless they changed it', () => {
    const mine = { ...base, steps: [guest, { ...silver, threshold: 40_000 }] } // gold removed
    const theirs = { ...base, steps: [guest, { ...silver, threshold: 35_000 }, gold] }
    expect(names(keepMine('ladder', base, mine, theirs))).toEqual([
      ['Гость', 0],
      ['Серебро', 40_000],
    ])
    const theirsGold = { ...base, steps: [guest, silver, { ...gold, bonus_percent: 12 }] }
    // Both changed gold (I removed it, they edited it): mine wins, so it is removed; theirs would keep it.
    expect(names(keepMine('ladder', base, mine, theirsGold))).toEqual([
      ['Гость', 0],
      ['Серебро', 40_000],
    ])
    const merge = mergeThreeWay(ladderSpec, base, mine, theirsGold, 'theirs')
    expect(names(merge.merged)).toEqual([
      ['Гость', 0],
      ['Серебро', 40_000],
      ['Золото', gold.threshold],
    ])
  })

  it('when I changed nothing the merge is theirs, and when they changed nothing it is mine', () => {
    const stepArb = fc.record({
      name: fc.constantFrom('Гость', 'Серебро', 'Золото', 'Платина'),
      threshold: fc.constantFrom(0, 10_000, 30_000, 100_000),
      rk_discount_id: fc.constantFrom(null, 1),
      bonus_percent: fc.constantFrom(null, 3, 5),
      max_payment_percent: fc.constantFrom(null, 50),
    })
    const ladderArb = fc.record({
      name: fc.constantFrom('Гостевая', 'Гостевая 2026'),
      basis: fc.constantFrom('spend', 'visits'),
      period: fc.constant('all_time'),
      period_days: fc.constant(null),
      downgrade: fc.boolean(),
      active: fc.boolean(),
      steps: fc
        .uniqueArray(stepArb, { selector: (s) => s.name, minLength: 1, maxLength: 4 })
        .filter((steps) => new Set(steps.map((s) => s.threshold)).size === steps.length)
        .map((steps) => steps.sort((a, b) => a.threshold - b.threshold)),
    })
    fc.assert(
      fc.property(ladderArb, ladderArb, (base, other) => {
        const sorted = (body: typeof base) => ({
          ...body,
          steps: [...body.steps].sort((a, b) => a.threshold - b.threshold),
        })
        expect(keepMine('ladder', base, base, other)).toEqual(sorted(other))
        expect(keepMine('ladder', base, other, base)).toEqual(sorted(other))
      }),
    )
  })
})
