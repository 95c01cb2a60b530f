import { describe, expect, it } from 'vitest'
import type { LadderCreate } from '../api/ladders'
import { exampleRkDiscounts, guestLadderExample } from './example-ladder'
import { ladderIssueMessage, ladderIssueTexts } from './ladder-messages'
import { LADDER_ISSUE_CODES, validateLadder, type LadderIssue } from './ladder-rules'

const catalog = { rkDiscounts: exampleRkDiscounts }
const clone = (): LadderCreate => structuredClone(guestLadderExample)
const step = (threshold: number, bonus: number | null = 3, name = `Step ${threshold}`) => ({
  name,
  threshold,
  rk_discount_id: null,
  bonus_percent: bonus,
  max_payment_percent: null,
})
const brief = (issues: LadderIssue[]) => issues.map(({ path, severity, code }) => ({ path, severity, code }))
const errorsOf = (issues: LadderIssue[]) => brief(issues.filter((i) => i.severity === 'error'))

describe('validateLadder', () => {
  it('accepts the DOMAIN.md example ladder with and without the catalog', () => {
    expect(validateLadder(guestLadderExample)).toEqual([])
    expect(validateLadder(guestLadderExample, catalog)).toEqual([])
    expect(validateLadder(guestLadderExample, catalog, 'draft')).toEqual([])
  })

  it('accepts 50 steps and refuses 51 and 0', () => {
    const ladder = clone()
    ladder.steps = Array.from({ length: 50 }, (_, i) => step(i * 1000, 1 + i / 10))
    expect(validateLadder(ladder)).toEqual([])
    ladder.steps.push(step(50_000, 10))
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['steps'], severity: 'error', code: 'steps_count' },
    ])
    expect(validateLadder(ladder)[0]!.params).toEqual({ count: 51, min: 1, max: 50 })
    ladder.steps = []
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['steps'], severity: 'error', code: 'steps_count' },
    ])
  })

  it('requires the first threshold to be 0', () => {
    const ladder = clone()
    ladder.steps[0]!.threshold = 100
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['steps', 0, 'threshold'], severity: 'error', code: 'first_threshold_not_zero' },
    ])
  })

  it('refuses equal and decreasing thresholds at the offending step', () => {
    const equal = clone()
    equal.steps[2]!.threshold = 30_000
    expect(errorsOf(validateLadder(equal))).toEqual([
      { path: ['steps', 2, 'threshold'], severity: 'error', code: 'threshold_not_increasing' },
    ])
    expect(validateLadder(equal)[0]!.params).toMatchObject({ step: 3, previous: 30_000, previousStep: 2 })

    const swapped = clone()
    swapped.steps[1]!.threshold = 200_000
    expect(errorsOf(validateLadder(swapped))).toEqual([
      { path: ['steps', 2, 'threshold'], severity: 'error', code: 'threshold_not_increasing' },
    ])
  })

  it('compares with the highest valid threshold so that one bad step does not cascade', () => {
    const ladder = clone()
    ladder.steps = [step(0), step(50), step(10), step(60), step(70)]
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['steps', 2, 'threshold'], severity: 'error', code: 'threshold_not_increasing' },
    ])
  })

  it('refuses a decimal threshold on a visits ladder and more than 2 decimals on a spend ladder', () => {
    const visits = clone()
    visits.basis = 'visits'
    visits.steps = [step(0), step(5), step(10.5)]
    expect(errorsOf(validateLadder(visits))).toEqual([
      { path: ['steps', 2, 'threshold'], severity: 'error', code: 'visits_threshold_not_integer' },
    ])
    visits.steps[2]!.threshold = 10
    expect(validateLadder(visits)).toEqual([])

    const spend = clone()
    spend.steps[1]!.threshold = 30_000.5
    expect(validateLadder(spend)).toEqual([])
    spend.steps[1]!.threshold = 30_000.505
    expect(errorsOf(validateLadder(spend))).toEqual([
      { path: ['steps', 1, 'threshold'], severity: 'error', code: 'threshold_decimals' },
    ])
  })

  it('refuses a step without any benefit at the step path', () => {
    const ladder = clone()
    ladder.steps[1] = {
      ...ladder.steps[1]!,
      rk_discount_id: null,
      bonus_percent: null,
      max_payment_percent: undefined,
    }
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['steps', 1], severity: 'error', code: 'step_without_benefit' },
    ])
    // Any single benefit is enough, including only a payment cap or a 0 % bonus.
    ladder.steps[1]!.max_payment_percent = 30
    expect(validateLadder(ladder)).toEqual([])
  })

  it('requires period_days for rolling_days, and warns when it is set on all_time', () => {
    const ladder = clone()
    ladder.period = 'rolling_days'
    ladder.period_days = null
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['period_days'], severity: 'error', code: 'period_days_required' },
    ])
    delete ladder.period_days
    expect(errorsOf(validateLadder(ladder))[0]!.code).toBe('period_days_required')
    ladder.period_days = 0
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['period_days'], severity: 'error', code: 'period_days_range' },
    ])
    ladder.period_days = 90
    expect(validateLadder(ladder)).toEqual([])

    ladder.period = 'all_time'
    expect(brief(validateLadder(ladder))).toEqual([
      { path: ['period_days'], severity: 'warning', code: 'period_days_ignored' },
    ])
  })

  it('refuses percentages outside 0–100 and with more than 2 decimals', () => {
    for (const [field, value] of [
      ['bonus_percent', 101],
      ['bonus_percent', -1],
      ['max_payment_percent', 100.01],
      ['max_payment_percent', Number.NaN],
    ] as const) {
      const ladder = clone()
      ladder.steps[2] = { ...ladder.steps[2]!, [field]: value }
      expect(errorsOf(validateLadder(ladder))).toEqual([
        { path: ['steps', 2, field], severity: 'error', code: 'percent_range' },
      ])
    }
    const ladder = clone()
    ladder.steps[2]!.bonus_percent = 7.125
    expect(errorsOf(validateLadder(ladder))).toEqual([
      { path: ['steps', 2, 'bonus_percent'], severity: 'error', code: 'percent_decimals' },
    ])
    ladder.steps[2]!.bonus_percent = 100
    ladder.steps[2]!.max_payment_percent = 0
    expect(validateLadder(ladder)).toEqual([])
  })

  it('checks RK discounts against the catalog: missing is an error, inactive depends on the mode', () => {
    const ladder = clone()
    ladder.steps[1]!.rk_discount_id = 99
    expect(errorsOf(validateLadder(ladder, catalog))).toEqual([
      { path: ['steps', 1, 'rk_discount_id'], severity: 'error', code: 'rk_discount_missing' },
    ])
    expect(validateLadder(ladder)).toEqual([])

    const inactive = {
      rkDiscounts: exampleRkDiscounts.map((d) => (d.id === 2 ? { ...d, active: false } : d)),
    }
    const issue = { path: ['steps', 2, 'rk_discount_id'], code: 'rk_discount_inactive' }
    expect(brief(validateLadder(guestLadderExample, inactive, 'publish'))).toEqual([
      { ...issue, severity: 'error' },
    ])
    expect(brief(validateLadder(guestLadderExample, inactive))).toEqual([{ ...issue, severity: 'error' }])
    expect(brief(validateLadder(guestLadderExample, inactive, 'draft'))).toEqual([
      { ...issue, severity: 'warning' },
    ])
    expect(validateLadder(guestLadderExample, inactive, 'draft')[0]!.params).toMatchObject({
      name: 'Скидка 10%',
    })
  })

  it('warns when a higher step gives a smaller bonus or a smaller RK discount than a lower one', () => {
    const ladder = clone()
    ladder.steps[2]!.bonus_percent = 4
    ladder.steps[2]!.rk_discount_id = 1
    ladder.steps[1]!.rk_discount_id = 2
    const issues = validateLadder(ladder, catalog)
    expect(brief(issues)).toEqual([
      { path: ['steps', 2, 'rk_discount_id'], severity: 'warning', code: 'benefit_decreases' },
      { path: ['steps', 2, 'bonus_percent'], severity: 'warning', code: 'benefit_decreases' },
    ])
    expect(issues[1]!.params).toMatchObject({ value: 4, lowerValue: 5, lowerStep: 2 })
    // Without the catalog discount values are unknown: only the bonus is compared.
    expect(brief(validateLadder(ladder)).map((i) => i.path)).toEqual([['steps', 2, 'bonus_percent']])
    // Dropping the bonus in favour of an RK discount is a legal trade, not a decrease.
    const trade = clone()
    trade.steps[2]!.bonus_percent = null
    expect(validateLadder(trade, catalog)).toEqual([])
  })

  it('requires names and warns about duplicate step names', () => {
    const ladder = clone()
    ladder.name = '   '
    ladder.steps[1]!.name = ''
    ladder.steps[2]!.name = ' гость '
    expect(brief(validateLadder(ladder))).toEqual([
      { path: ['name'], severity: 'error', code: 'name_required' },
      { path: ['steps', 1, 'name'], severity: 'error', code: 'step_name_required' },
      { path: ['steps', 2, 'name'], severity: 'warning', code: 'step_name_duplicate' },
    ])
  })

  it('never throws on half-edited drafts and garbage', () => {
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      'ladder',
      [],
      {},
      { steps: 'x' },
      { steps: [null, 5, 'a', []] },
      {
        name: 'x',
        basis: 'spend',
        steps: [{ threshold: Number.NaN }, { threshold: '10', bonus_percent: '5' }],
      },
      { steps: [{ rk_discount_id: -1 }, { rk_discount_id: 1.5, threshold: Infinity }] },
      { period: 'rolling_days', period_days: '30', downgrade: 'yes' },
    ]
    for (const input of inputs) {
      const issues = validateLadder(input, catalog, 'draft')
      expect(issues.some((i) => i.severity === 'error')).toBe(true)
      for (const issue of issues) {
        expect(LADDER_ISSUE_CODES).toContain(issue.code)
        expect(issue.message).not.toMatch(/\{\{/)
      }
    }
    expect(errorsOf(validateLadder({ steps: [{ threshold: Number.NaN, bonus_percent: 1 }] }))).toContainEqual(
      {
        path: ['steps', 0, 'threshold'],
        severity: 'error',
        code: 'threshold_invalid',
      },
    )
  })
})

describe('ladder issue messages', () => {
  it('has a Russian and an English text for every code, with the same placeholders', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const code of LADDER_ISSUE_CODES) {
      expect(ladderIssueTexts.en[code]).toBeTruthy()
      expect(ladderIssueTexts.ru[code]).toBeTruthy()
      expect(placeholders(ladderIssueTexts.ru[code])).toEqual(placeholders(ladderIssueTexts.en[code]))
    }
  })

  it('interpolates params and localizes field names', () => {
    const ladder = clone()
    ladder.steps[2]!.threshold = 20_000
    const issue = validateLadder(ladder)[0]!
    expect(issue.message).toBe('Step 3: the threshold 20000 must be greater than 30000 of step 2')
    expect(ladderIssueMessage(issue, 'ru')).toBe(
      'Ступень 3: порог 20000 должен быть больше 30000 у ступени 2',
    )

    ladder.steps[2]!.threshold = 100_000
    ladder.steps[2]!.bonus_percent = 101
    const percent = validateLadder(ladder)[0]!
    expect(percent.message).toBe('Step 3: bonus % must be from 0 to 100 %')
    expect(ladderIssueMessage(percent, 'ru')).toBe('Ступень 3: бонус, % — от 0 до 100 %')
  })
})
