import { describe, expect, it } from 'vitest'
import { guestLadderExample } from './example-ladder'
import { ladderCreateChecked, ladderPreviewChecked, ladderUpdateChecked } from './ladder-schemas'

const issuesOf = (result: {
  success: boolean
  error?: { issues: { path: PropertyKey[]; params?: unknown }[] }
}) =>
  (result.error?.issues ?? []).map((issue) => ({
    path: issue.path,
    code: (issue.params as { code?: string } | undefined)?.code,
  }))

describe('checked ladder schemas', () => {
  it('accept the DOMAIN.md example as create, update and preview bodies', () => {
    expect(ladderCreateChecked.parse(guestLadderExample)).toEqual(guestLadderExample)
    expect(ladderUpdateChecked.safeParse({ ...guestLadderExample, version: 3 }).success).toBe(true)
    expect(ladderPreviewChecked.safeParse({ ...guestLadderExample, id: 4 }).success).toBe(true)
  })

  it('report the domain rules at their paths with the issue code', () => {
    const body = structuredClone(guestLadderExample)
    body.steps[2]!.threshold = 30_000
    body.steps[1] = { ...body.steps[1]!, rk_discount_id: null, bonus_percent: null }
    body.period = 'rolling_days'
    expect(issuesOf(ladderCreateChecked.safeParse(body))).toEqual([
      { path: ['period_days'], code: 'period_days_required' },
      { path: ['steps', 1], code: 'step_without_benefit' },
      { path: ['steps', 2, 'threshold'], code: 'threshold_not_increasing' },
    ])
    expect(issuesOf(ladderUpdateChecked.safeParse({ ...body, version: 1 }))).toHaveLength(3)
    expect(issuesOf(ladderPreviewChecked.safeParse(body))).toHaveLength(3)
  })

  it('report domain rules alongside zod errors, never twice at one path', () => {
    const body = {
      ...structuredClone(guestLadderExample),
      extra: 1,
      basis: 'visits',
      steps: [
        { name: 'A', threshold: 0, bonus_percent: 101 },
        { name: 'B', threshold: 5.5, bonus_percent: 1 },
        { name: '', threshold: 3, bonus_percent: 2 },
      ],
    }
    const result = ladderCreateChecked.safeParse(body)
    const issues = issuesOf(result)
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: [], code: undefined },
        { path: ['steps', 0, 'bonus_percent'], code: undefined },
        { path: ['steps', 1, 'threshold'], code: 'visits_threshold_not_integer' },
        { path: ['steps', 2, 'name'], code: undefined },
        { path: ['steps', 2, 'threshold'], code: 'threshold_not_increasing' },
      ]),
    )
    expect(issues).toHaveLength(5)
  })

  it('refuse 51 steps once, with zod and the domain agreeing on the path', () => {
    const steps = Array.from({ length: 51 }, (_, i) => ({ name: `S${i}`, threshold: i, bonus_percent: 1 }))
    const issues = issuesOf(ladderCreateChecked.safeParse({ ...guestLadderExample, steps }))
    expect(issues).toEqual([{ path: ['steps'], code: undefined }])
  })

  it('do not crash on bodies that are not objects', () => {
    for (const body of [null, 'x', 5, []]) expect(ladderCreateChecked.safeParse(body).success).toBe(false)
  })
})
