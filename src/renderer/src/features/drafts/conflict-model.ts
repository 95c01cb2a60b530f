// The side-by-side model of a conflict: which fields and ladder steps differ between mine and theirs, the
// default choice for each (a three-way merge against the base), and the merged body a choice gives.
import { accountGroupCreate, identifierTypeCreate, ladderCreate, ladderStepInput } from '@shared/api'
import { diffLadders, sameValue } from '@shared/domain'
import type { DraftConflict, DraftEntity } from '@shared/ipc'

export type Side = 'mine' | 'theirs'

/** The fields a person edits, straight from the create schemas (no second list to keep in sync). */
export const EDITABLE_FIELDS: Record<DraftEntity, readonly string[]> = {
  ladder: Object.keys(ladderCreate.shape),
  account_group: Object.keys(accountGroupCreate.shape),
  identifier_type: Object.keys(identifierTypeCreate.shape),
}
const STEP_FIELDS: readonly string[] = Object.keys(ladderStepInput.shape)

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function stepsOf(value: unknown): unknown[] {
  const steps = asRecord(value).steps
  return Array.isArray(steps) ? steps : []
}

function stepName(step: unknown): string | null {
  const name = asRecord(step).name
  return typeof name === 'string' && name.trim() !== '' ? name.trim().toLocaleLowerCase() : null
}

function pick(value: unknown, fields: readonly string[]): Record<string, unknown> {
  const record = asRecord(value)
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? null]))
}

export interface FieldRow {
  field: string
  base: unknown
  mine: unknown
  theirs: unknown
  /** Mine and theirs differ: a choice is needed. */
  differs: boolean
  /** The three-way default: the side that changed it (mine when both did). */
  suggested: Side
}

export function fieldRows(entity: DraftEntity, conflict: DraftConflict): FieldRow[] {
  const base = asRecord(conflict.base)
  const mine = asRecord(conflict.mine)
  const theirs = asRecord(conflict.theirs)
  return EDITABLE_FIELDS[entity]
    .filter((field) => field !== 'steps')
    .map((field) => {
      const differs = !sameValue(mine[field], theirs[field])
      const mineChanged = !sameValue(mine[field], base[field])
      return {
        field,
        base: base[field] ?? null,
        mine: mine[field] ?? null,
        theirs: theirs[field] ?? null,
        differs,
        suggested: differs && !mineChanged && conflict.base !== null ? 'theirs' : 'mine',
      }
    })
}

export interface StepRow {
  /** Stable key of the row for choices: `c:3` changed (mine index), `a:4` only mine, `r:2` only theirs. */
  key: string
  kind: 'changed' | 'added' | 'removed' | 'same'
  base: unknown
  mine: unknown
  theirs: unknown
  /** 1-based position to show (in mine, or in theirs for a step only theirs has). */
  position: number
  /** Which step fields differ between mine and theirs. */
  changedFields: string[]
  suggested: Side
}

/** Ladder steps side by side, matched the way `diffLadders` matches them (by name, then by position). */
export function stepRows(conflict: DraftConflict): StepRow[] {
  const mineSteps = stepsOf(conflict.mine)
  const theirSteps = stepsOf(conflict.theirs)
  const baseSteps = stepsOf(conflict.base)
  const baseByName = new Map(baseSteps.map((step) => [stepName(step), step]))
  const findBase = (step: unknown) => baseByName.get(stepName(step)) ?? null
  const diff = diffLadders(conflict.theirs, conflict.mine)
  const byMineIndex = new Map<number, StepRow>()
  const removed: StepRow[] = []
  for (const change of diff.steps) {
    if (change.kind === 'changed') {
      const mine = mineSteps[change.index]
      const theirs = theirSteps[change.beforeIndex]
      const base = findBase(mine) ?? findBase(theirs)
      byMineIndex.set(change.index, {
        key: `c:${change.index}`,
        kind: 'changed',
        base,
        mine,
        theirs,
        position: change.index + 1,
        changedFields: change.changes.map((c) => c.field),
        suggested:
          base !== null && sameValue(pick(base, STEP_FIELDS), pick(mine, STEP_FIELDS)) ? 'theirs' : 'mine',
      })
    } else if (change.kind === 'added') {
      const mine = mineSteps[change.index]
      const base = findBase(mine)
      // In mine only: I added it (keep, mine) — or they removed one that was in the base (drop, theirs).
      byMineIndex.set(change.index, {
        key: `a:${change.index}`,
        kind: 'added',
        base,
        mine,
        theirs: null,
        position: change.index + 1,
        changedFields: [],
        suggested: base !== null ? 'theirs' : 'mine',
      })
    } else {
      const theirs = theirSteps[change.index]
      const base = findBase(theirs)
      // In theirs only: they added it (keep, theirs) — or I removed one that was in the base (drop, mine).
      removed.push({
        key: `r:${change.index}`,
        kind: 'removed',
        base,
        mine: null,
        theirs,
        position: change.index + 1,
        changedFields: [],
        suggested: base !== null ? 'mine' : 'theirs',
      })
    }
  }
  const rows: StepRow[] = mineSteps.map(
    (step, index) =>
      byMineIndex.get(index) ?? {
        key: `s:${index}`,
        kind: 'same',
        base: findBase(step),
        mine: step,
        theirs: step,
        position: index + 1,
        changedFields: [],
        suggested: 'mine',
      },
  )
  return [...rows, ...removed]
}

export type Choices = Record<string, Side>

/** Field choices are keyed by the field name, step choices by `step:<row key>`. */
export function defaultChoices(entity: DraftEntity, conflict: DraftConflict): Choices {
  const choices: Choices = {}
  for (const row of fieldRows(entity, conflict)) if (row.differs) choices[row.field] = row.suggested
  if (entity === 'ladder') {
    for (const row of stepRows(conflict)) if (row.kind !== 'same') choices[`step:${row.key}`] = row.suggested
  }
  return choices
}

/** The body a per-field choice gives (the create/update body without version), ready for `sync:resolve`. */
export function buildMerged(
  entity: DraftEntity,
  conflict: DraftConflict,
  choices: Choices,
): Record<string, unknown> {
  const mine = asRecord(conflict.mine)
  const theirs = asRecord(conflict.theirs)
  const merged: Record<string, unknown> = {}
  for (const field of EDITABLE_FIELDS[entity]) {
    if (field === 'steps') continue
    const side = choices[field] ?? 'mine'
    merged[field] = (side === 'mine' ? mine[field] : theirs[field]) ?? null
  }
  if (entity === 'ladder') {
    const steps: unknown[] = []
    for (const row of stepRows(conflict)) {
      const side = choices[`step:${row.key}`] ?? row.suggested
      if (row.kind === 'same') steps.push(row.mine)
      else if (row.kind === 'changed') steps.push(side === 'mine' ? row.mine : row.theirs)
      else if (row.kind === 'added' && side === 'mine') steps.push(row.mine)
      else if (row.kind === 'removed' && side === 'theirs') steps.push(row.theirs)
    }
    // Thresholds ascend in every valid ladder: steps kept from both sides take their places by threshold.
    const threshold = (step: unknown) => {
      const value = asRecord(step).threshold
      return typeof value === 'number' ? value : Number.POSITIVE_INFINITY
    }
    merged.steps = steps
      .map((step, order) => ({ step: pick(step, STEP_FIELDS), order }))
      .sort((a, b) => threshold(a.step) - threshold(b.step) || a.order - b.order)
      .map((entry) => entry.step)
  }
  return merged
}
