// The ladder form's check on every keystroke: `ladderCreateChecked.safeParse`, answered without checking all 50
// steps' shapes again when one threshold changed. zod checks each step's shape field by field (slowly in the
// renderer, where the page's CSP rightly forbids the code zod would otherwise compile), and a keystroke changes one
// step: each distinct step is checked once and remembered. The ladder's own rules still run on the whole ladder.
import type { z } from 'zod'
import { ladderCreate, ladderStepInput, MAX, type LadderCreate, type LadderStepInput } from '@shared/api'
import { ladderCreateChecked, validateLadder } from '@shared/domain'
import { valuesKey } from '../../app/values-key'

type Result = z.ZodSafeParseResult<LadderCreate>

const ladderHead = ladderCreate.omit({ steps: true })
/** Steps remembered at most (a 50-step ladder and the versions of the steps being typed into). */
const STEP_MEMORY = 500

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A parser with the answers of `ladderCreateChecked.safeParse` (a property test holds them equal): a valid ladder's
 * data, or — whenever anything is wrong — the full parse's own issues. The last answer is kept for equal values,
 * so the form's resolver and the chart asking about the same keystroke check it once.
 */
export function createLadderParser(): (values: unknown) => Result {
  const steps = new Map<string, LadderStepInput | null>()
  let last: { key: string; result: Result } | null = null

  const parseStep = (step: unknown): LadderStepInput | null => {
    const key = stepKey(step)
    const known = steps.get(key)
    if (known !== undefined) return known
    const parsed = ladderStepInput.safeParse(step)
    const data = parsed.success ? parsed.data : null
    if (steps.size >= STEP_MEMORY) steps.clear()
    steps.set(key, data)
    return data
  }

  /** The valid ladder's data, or null when anything is wrong (the full parse then says what). */
  const quickly = (values: unknown): LadderCreate | null => {
    if (!isRecord(values) || !Array.isArray(values.steps)) return null
    const { steps: stepValues, ...rest } = values as Record<string, unknown> & { steps: unknown[] }
    if (stepValues.length < 1 || stepValues.length > MAX.ladderSteps) return null
    const head = ladderHead.safeParse(rest)
    if (!head.success) return null
    const parsedSteps: LadderStepInput[] = []
    for (const step of stepValues) {
      const parsed = parseStep(step)
      if (!parsed) return null
      parsedSteps.push(parsed)
    }
    const ladder: LadderCreate = { ...head.data, steps: parsedSteps }
    // The checked schema adds every error of the shared rules; the shape being right, any error fails it.
    return validateLadder(ladder, undefined, 'publish').some((issue) => issue.severity === 'error')
      ? null
      : ladder
  }

  return (values) => {
    const key = valuesKey(values)
    if (last?.key === key) return last.result
    const ladder = quickly(values)
    const result: Result = ladder ? { success: true, data: ladder } : ladderCreateChecked.safeParse(values)
    last = { key, result }
    return result
  }
}

/**
 * A key for a step as the form holds it: equal keys, the same values to the schema. Made by hand for a flat record
 * (a keystroke makes fifty of them); anything else goes through `valuesKey`.
 */
function stepKey(step: unknown): string {
  if (!isRecord(step)) return `v${valuesKey(step)}`
  let key = 's'
  for (const name in step) {
    if (!Object.hasOwn(step, name)) continue
    const value = step[name]
    key += `|${name.length}:${name}=`
    if (value === null) key += 'n'
    else if (value === undefined) key += 'u'
    else if (typeof value === 'number') key += Object.is(value, -0) ? 'd-0' : `d${value}`
    else if (typeof value === 'string') key += `t${value.length}:${value}`
    else if (typeof value === 'boolean') key += value ? 'b1' : 'b0'
    else {
      const json = valuesKey(value)
      key += `j${json.length}:${json}`
    }
  }
  return key
}

/** The ladder editor's parser (one per renderer: the editor shows one ladder at a time). */
export const parseLadderForm = createLadderParser()
