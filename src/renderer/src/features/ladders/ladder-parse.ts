// The ladder form's check on every keystroke: `ladderCreateChecked.safeParse`, answered without checking all 50
// steps' shapes again when one threshold changed. zod checks each step's shape field by field (slowly in the
// renderer, where the page's CSP rightly forbids the code zod would otherwise compile), and a keystroke changes one
// step: each step is checked again only when one of its fields changed. The ladder's own rules still run on the
// whole ladder.
import type { z } from 'zod'
import { ladderCreate, ladderStepInput, MAX, type LadderCreate, type LadderStepInput } from '@shared/api'
import { ladderCreateChecked, validateLadder } from '@shared/domain'

type Result = z.ZodSafeParseResult<LadderCreate>
type Fields = Record<string, unknown>

const ladderHead = ladderCreate.omit({ steps: true })

const isRecord = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** A record's own fields as they were, and how many (a form holds plain values: see `flatCopy`). */
interface FlatCopy {
  values: Fields
  count: number
}

/**
 * A copy of `record`'s own fields when all of them are plain values (what a form holds); null when one is an
 * object, which is then never taken for unchanged.
 */
function flatCopy(record: Fields): FlatCopy | null {
  const values: Fields = {}
  let count = 0
  for (const name in record) {
    if (!Object.hasOwn(record, name)) continue
    const value = record[name]
    if (typeof value === 'object' && value !== null) return null
    values[name] = value
    count++
  }
  return { values, count }
}

/** Whether `record` has exactly the fields of `copy`, each the same value. */
function sameFields(copy: FlatCopy | null, record: Fields): boolean {
  if (!copy) return false
  let count = 0
  for (const name in record) {
    if (!Object.hasOwn(record, name)) continue
    if (!Object.hasOwn(copy.values, name) || !Object.is(copy.values[name], record[name])) return false
    count++
  }
  return count === copy.count
}

interface Remembered<T> {
  /** The fields as they were when checked (the form changes its values in place: a copy, not the object). */
  fields: FlatCopy | null
  data: T
}

/**
 * A parser with the answers of `ladderCreateChecked.safeParse` (a property test holds them equal): a valid ladder's
 * data, or — whenever anything is wrong — the full parse's own issues. It remembers the last values it checked,
 * field by field: values equal to them get the same answer (the form's resolver and the chart asking about the same
 * keystroke check it once), and a step whose fields are unchanged is not checked again.
 */
export function createLadderParser(): (values: unknown) => Result {
  let head: Remembered<z.ZodSafeParseResult<Omit<LadderCreate, 'steps'>>> | null = null
  let steps: Remembered<LadderStepInput | null>[] = []
  let last: Result | null = null

  return (values) => {
    if (!isRecord(values) || !Array.isArray(values.steps)) return ladderCreateChecked.safeParse(values)
    const { steps: stepValues, ...rest } = values as Fields & { steps: unknown[] }
    let changed = last === null || stepValues.length !== steps.length
    if (!head || !sameFields(head.fields, rest)) {
      head = { fields: flatCopy(rest), data: ladderHead.safeParse(rest) }
      changed = true
    }
    const nextSteps: Remembered<LadderStepInput | null>[] = []
    for (let index = 0; index < stepValues.length; index++) {
      const value = stepValues[index]
      const known = steps[index]
      if (known && isRecord(value) && sameFields(known.fields, value)) {
        nextSteps.push(known)
        continue
      }
      const parsed = ladderStepInput.safeParse(value)
      nextSteps.push({
        fields: isRecord(value) ? flatCopy(value) : null,
        data: parsed.success ? parsed.data : null,
      })
      changed = true
    }
    steps = nextSteps
    if (!changed && last) return last
    last = answer(values, head.data, steps)
    return last
  }
}

/** The checked parse of `values`, from its parts' shapes when all of them are right. */
function answer(
  values: unknown,
  head: z.ZodSafeParseResult<Omit<LadderCreate, 'steps'>>,
  steps: readonly Remembered<LadderStepInput | null>[],
): Result {
  const parsedSteps: LadderStepInput[] = []
  for (const step of steps) if (step.data) parsedSteps.push(step.data)
  const shaped =
    head.success &&
    parsedSteps.length === steps.length &&
    steps.length >= 1 &&
    steps.length <= MAX.ladderSteps
  if (shaped) {
    const ladder: LadderCreate = { ...head.data, steps: parsedSteps }
    // The checked schema adds every error of the shared rules; the shape being right, no error: it passes.
    if (!validateLadder(ladder, undefined, 'publish').some((issue) => issue.severity === 'error'))
      return { success: true, data: ladder }
  }
  return ladderCreateChecked.safeParse(values)
}

/** The ladder editor's parser (one per renderer: the editor shows one ladder at a time). */
export const parseLadderForm = createLadderParser()
