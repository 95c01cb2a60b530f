// The side-by-side model of a conflict: the rows of the shared three-way merge (`@shared/domain/merge`, the same
// one main sends for "keep mine"), the default choice of each, and the merged body a set of choices gives.
import {
  applyChoices,
  MERGE_SPECS,
  mergeThreeWay,
  stepDifferences,
  type MergeChoices,
  type Side,
  type ThreeWayMerge,
} from '@shared/domain'
import type { DraftConflict, DraftEntity } from '@shared/ipc'

export type { Side }

export function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

/** The merge that keep mine sends (mine where both changed), for one conflict. */
export function conflictMerge(entity: DraftEntity, conflict: DraftConflict): ThreeWayMerge {
  return mergeThreeWay(MERGE_SPECS[entity], conflict.base, conflict.mine, conflict.theirs, 'mine')
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
  return conflictMerge(entity, conflict).fields.map((field) => ({
    field: field.field,
    base: field.base,
    mine: field.mine,
    theirs: field.theirs,
    differs: field.differs,
    suggested: field.pick,
  }))
}

export interface StepRow {
  /** Stable key of the row for choices (the merge's step key). */
  key: string
  /** `added`: only mine has it; `removed`: only theirs has it. */
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

/** Ladder steps side by side, in threshold order, matched against the base the way the merge matches them. */
export function stepRows(conflict: DraftConflict): StepRow[] {
  return conflictMerge('ladder', conflict).steps.map((step) => ({
    key: step.key,
    kind: step.mine && step.theirs ? (step.differs ? 'changed' : 'same') : step.mine ? 'added' : 'removed',
    base: step.base,
    mine: step.mine,
    theirs: step.theirs,
    position: (step.mineIndex ?? step.theirsIndex ?? 0) + 1,
    changedFields: step.mine && step.theirs ? stepDifferences(step) : [],
    suggested: step.pick,
  }))
}

export type Choices = MergeChoices

/** Field choices are keyed by the field name, step choices by `step:<row key>`. */
export function defaultChoices(entity: DraftEntity, conflict: DraftConflict): Choices {
  const merge = conflictMerge(entity, conflict)
  const choices: Choices = {}
  for (const field of merge.fields) if (field.differs) choices[field.field] = field.pick
  for (const step of merge.steps) if (step.differs) choices[`step:${step.key}`] = step.pick
  return choices
}

/** The body a per-field choice gives (the create/update body without version), ready for `sync:resolve`. */
export function buildMerged(
  entity: DraftEntity,
  conflict: DraftConflict,
  choices: Choices,
): Record<string, unknown> {
  return applyChoices(MERGE_SPECS[entity], conflictMerge(entity, conflict), choices)
}
