// Field-by-field differences between two versions of an entity, for conflict views (base / mine / theirs) and the
// ladder history. null and undefined are the same "not set", as on the wire.

export interface FieldChange {
  field: string
  before: unknown
  after: unknown
}

/** Fields every entity carries that change on every save and say nothing about the content. */
export const AUDIT_FIELDS: readonly string[] = ['version', 'created_at', 'updated_at', 'updated_by']

/** Structural equality of JSON-like values; null and undefined are equal. */
export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true
  if (Object.is(a, b)) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => sameValue(item, b[i]))
  }
  const left = a as Record<string, unknown>
  const right = b as Record<string, unknown>
  const keys = new Set([...Object.keys(left), ...Object.keys(right)])
  for (const key of keys) if (!sameValue(left[key], right[key])) return false
  return true
}

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

/**
 * The changed fields of two flat entities (identifier types, account groups …), in the order of `fields`, or of
 * the keys of `a` then the new keys of `b` without AUDIT_FIELDS when `fields` is not given. Missing values are
 * reported as null.
 */
export function diffFields(a: unknown, b: unknown, fields?: readonly string[]): FieldChange[] {
  const before = asRecord(a)
  const after = asRecord(b)
  const names =
    fields ??
    [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !AUDIT_FIELDS.includes(f))
  const changes: FieldChange[] = []
  for (const field of names) {
    if (!sameValue(before[field], after[field])) {
      changes.push({ field, before: before[field] ?? null, after: after[field] ?? null })
    }
  }
  return changes
}

/** The ladder fields compared by diffLadders, in display order (steps are compared separately). */
export const LADDER_DIFF_FIELDS: readonly string[] = [
  'name',
  'basis',
  'period',
  'period_days',
  'downgrade',
  'active',
]
/** The step fields compared by diffLadders, in display order. */
export const STEP_DIFF_FIELDS: readonly string[] = [
  'name',
  'threshold',
  'rk_discount_id',
  'bonus_percent',
  'max_payment_percent',
]

export type StepChange =
  | { kind: 'added'; index: number; after: unknown }
  | { kind: 'removed'; index: number; before: unknown }
  /** `index` is the step's place in `b`, `beforeIndex` its place in `a`. */
  | { kind: 'changed'; index: number; beforeIndex: number; changes: FieldChange[] }

export interface LadderDiff {
  fields: FieldChange[]
  steps: StepChange[]
}

const stepKey = (step: unknown): string | null => {
  const name = asRecord(step).name
  return typeof name === 'string' && name.trim() !== '' ? name.trim().toLocaleLowerCase() : null
}

/**
 * Pairs of [index in a, index in b] of the steps that are "the same step": first the longest common subsequence
 * of step names (so a step inserted in the middle is one `added`, and a step whose threshold moved is `changed`),
 * then, between two such anchors, the remaining steps by position (so a renamed step is `changed`, not
 * removed + added). What is left over is added or removed.
 */
export function alignSteps(a: readonly unknown[], b: readonly unknown[]): [number, number][] {
  const keysA = a.map(stepKey)
  const keysB = b.map(stepKey)
  // lcs[i][j]: LCS length of a[i..] and b[j..] (at most 50 × 50 steps per ladder through the API).
  // Kept flat (row-major, width b.length + 1) so every cell read is a plain number.
  const width = b.length + 1
  const lcs = new Array<number>((a.length + 1) * width).fill(0)
  const at = (row: number, column: number): number => lcs[row * width + column] ?? 0
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] =
        keysA[i] !== null && keysA[i] === keysB[j]
          ? at(i + 1, j + 1) + 1
          : Math.max(at(i + 1, j), at(i, j + 1))
    }
  }
  const pairs: [number, number][] = []
  let i = 0
  let j = 0
  let gapA = 0
  let gapB = 0
  const closeGap = () => {
    for (let k = 0; k < Math.min(i - gapA, j - gapB); k++) pairs.push([gapA + k, gapB + k])
  }
  while (i < a.length && j < b.length) {
    if (keysA[i] !== null && keysA[i] === keysB[j] && at(i, j) === at(i + 1, j + 1) + 1) {
      closeGap()
      pairs.push([i, j])
      i++
      j++
      gapA = i
      gapB = j
    } else if (at(i + 1, j) >= at(i, j + 1)) i++
    else j++
  }
  i = a.length
  j = b.length
  closeGap()
  return pairs.sort((x, y) => x[1] - y[1] || x[0] - y[0])
}

/**
 * What changed from ladder `a` to ladder `b`: the ladder's own fields (LADDER_DIFF_FIELDS) and, per step,
 * added (index in b), removed (index in a) or changed (index in b, with before/after per field); steps that are
 * equal are not listed; removed steps come first, then the steps of b in order. Steps are matched as alignSteps
 * explains. Inputs may be drafts with missing fields.
 */
export function diffLadders(a: unknown, b: unknown): LadderDiff {
  const stepsA = Array.isArray(asRecord(a).steps) ? (asRecord(a).steps as unknown[]) : []
  const stepsB = Array.isArray(asRecord(b).steps) ? (asRecord(b).steps as unknown[]) : []
  const pairs = alignSteps(stepsA, stepsB)
  const matchedA = new Set(pairs.map(([x]) => x))
  const matchedB = new Map(pairs.map(([x, y]) => [y, x]))

  const steps: StepChange[] = []
  stepsA.forEach((before, index) => {
    if (!matchedA.has(index)) steps.push({ kind: 'removed', index, before })
  })
  stepsB.forEach((after, index) => {
    const beforeIndex = matchedB.get(index)
    if (beforeIndex === undefined) steps.push({ kind: 'added', index, after })
    else {
      const changes = diffFields(stepsA[beforeIndex], after, STEP_DIFF_FIELDS)
      if (changes.length > 0) steps.push({ kind: 'changed', index, beforeIndex, changes })
    }
  })
  return { fields: diffFields(a, b, LADDER_DIFF_FIELDS), steps }
}
