// The ladder form: the create body's input shape (the shared checked schema is the form's resolver), with every
// optional step field present as null so that field arrays, drafts and the conflict view see the same keys.
import type { UseFormReturn } from 'react-hook-form'
import type { z } from 'zod'
import type { AccountGroup, Ladder, ladderCreate } from '@shared/api'

export type LadderForm = z.input<typeof ladderCreate>
export type LadderStepForm = LadderForm['steps'][number]

/** What the steps need of the ladder's form: its fields, and its values outside render (a step's range in words). */
export type LadderFormApi = Pick<UseFormReturn<LadderForm>, 'control' | 'subscribe' | 'getValues'>

/** A step with nothing typed yet; `threshold` null until typed (the form holds what is typed, the schema says why). */
export function blankStep(threshold: number | null = 0): LadderStepForm {
  return {
    name: '',
    threshold: threshold as number,
    rk_discount_id: null,
    bonus_percent: null,
    max_payment_percent: null,
  }
}

export function blankLadder(): LadderForm {
  return {
    name: '',
    basis: 'spend',
    period: 'all_time',
    period_days: null,
    downgrade: true,
    active: true,
    steps: [blankStep(0)],
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A step as the form holds it, from whatever a server entity or a stored draft has. */
function stepToForm(step: unknown): LadderStepForm {
  const source = isRecord(step) ? step : {}
  const pick = (key: keyof LadderStepForm, fallback: unknown) =>
    key in source && source[key] !== undefined ? source[key] : fallback
  return {
    name: pick('name', '') as string,
    threshold: pick('threshold', null) as number,
    rk_discount_id: pick('rk_discount_id', null) as number | null,
    bonus_percent: pick('bonus_percent', null) as number | null,
    max_payment_percent: pick('max_payment_percent', null) as number | null,
  }
}

export function ladderToForm(ladder: Ladder | null): LadderForm {
  if (!ladder) return blankLadder()
  return {
    name: ladder.name,
    basis: ladder.basis,
    period: ladder.period,
    period_days: ladder.period_days,
    downgrade: ladder.downgrade,
    active: ladder.active,
    steps: ladder.steps.map(stepToForm),
  }
}

/** Form values from a stored draft (it may be partial or older): the fallback overlaid, steps completed. */
export function ladderFromPayload(payload: unknown, fallback: LadderForm): LadderForm {
  if (!isRecord(payload)) return fallback
  const result: Record<string, unknown> = { ...fallback }
  for (const [key, value] of Object.entries(payload)) if (key in fallback) result[key] = value
  result.steps = Array.isArray(result.steps) ? result.steps.map(stepToForm) : fallback.steps
  return result as LadderForm
}

/** A copy of a ladder as a new one's form: the same rules under «<name> (копия)». */
export function duplicateOf(values: LadderForm, copyName: string): LadderForm {
  return { ...values, name: copyName, steps: values.steps.map((step) => ({ ...stepToForm(step) })) }
}

/** «VIP», «Гости» — the names of the groups that use a ladder. */
export function groupNames(groups: readonly AccountGroup[]): string {
  return groups.map((group) => `«${group.name}»`).join(', ')
}
