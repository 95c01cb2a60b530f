// The three-way merge of a conflict (DOMAIN.md "Conflicts: what keep mine means"): base (what my edit started
// from), mine, theirs (the server's now). Per field, and per ladder step: changed only by me → mine, changed only
// by them → theirs, changed by both → `prefer` ("keep mine" answers mine for these fields only). Pure: main sends
// what it computes, and the renderer's conflict view shows the same rows and defaults.

import type { DraftEntity } from '../ipc/drafts'
import { DRAFT_KINDS, DRAFT_RESOURCES, type DraftDescriptor } from '../resources'
import { alignSteps, diffFields, sameValue } from './diff'

export type Side = 'mine' | 'theirs'
export type ChangedBy = 'none' | 'mine' | 'theirs' | 'both'

/** Which fields a body has, and which of them is the list of ladder steps (merged per step). */
export interface MergeSpec {
  fields: readonly string[]
  steps?: { field: string; fields: readonly string[] }
}

/** The editable fields of each kind, from its resource descriptor (no second list to keep in sync). */
export const MERGE_SPECS = Object.fromEntries(
  DRAFT_KINDS.map((kind) => {
    const resource: DraftDescriptor = DRAFT_RESOURCES[kind]
    return [kind, { fields: resource.fields, ...(resource.steps && { steps: resource.steps }) }]
  }),
) as Record<DraftEntity, MergeSpec>

export interface FieldMerge {
  field: string
  /** Values as given, missing ones as null. */
  base: unknown
  mine: unknown
  theirs: unknown
  changedBy: ChangedBy
  /** Mine and theirs differ: the person may choose. */
  differs: boolean
  /** The side the merge takes. */
  pick: Side
}

export interface StepMerge {
  /** Stable within one merge: `b3` (a step of the base), `m2` (added in mine), `t4` (added only in theirs). */
  key: string
  base: Record<string, unknown> | null
  mine: Record<string, unknown> | null
  theirs: Record<string, unknown> | null
  /** Places in mine and in theirs (0-based), null where the step is absent. */
  mineIndex: number | null
  theirsIndex: number | null
  changedBy: ChangedBy
  differs: boolean
  pick: Side
}

export interface ThreeWayMerge {
  fields: FieldMerge[]
  /** Steps that are in mine or theirs (a step both removed is gone), in threshold order. */
  steps: StepMerge[]
  /** The body the picks give (what "keep mine" sends when `prefer` is mine). */
  merged: Record<string, unknown>
}

/** Field choices by field name, step choices by `step:<key>`; absent keys take the merge's pick. */
export type MergeChoices = Record<string, Side>

const asRecord = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])

function pickFields(value: unknown, fields: readonly string[]): Record<string, unknown> {
  const record = asRecord(value)
  return Object.fromEntries(fields.map((field) => [field, record[field] ?? null]))
}

function decide(
  baseValue: unknown,
  mine: unknown,
  theirs: unknown,
  hasBase: boolean,
  same: (a: unknown, b: unknown) => boolean,
  prefer: Side,
): { changedBy: ChangedBy; differs: boolean; pick: Side } {
  const differs = !same(mine, theirs)
  // Without a base nothing says who changed what: a difference counts as changed by both.
  const mineChanged = hasBase ? !same(mine, baseValue) : differs
  const theirsChanged = hasBase ? !same(theirs, baseValue) : differs
  const changedBy: ChangedBy =
    mineChanged && theirsChanged ? 'both' : mineChanged ? 'mine' : theirsChanged ? 'theirs' : 'none'
  const pick: Side = changedBy === 'theirs' ? 'theirs' : changedBy === 'both' ? prefer : 'mine'
  return { changedBy, differs, pick }
}

function mergeSteps(
  baseSteps: unknown[],
  mineSteps: unknown[],
  theirSteps: unknown[],
  fields: readonly string[],
  hasBase: boolean,
  prefer: Side,
): StepMerge[] {
  const norm = (step: unknown) => (step === undefined || step === null ? null : pickFields(step, fields))
  const toMine = new Map(alignSteps(baseSteps, mineSteps))
  const toTheirs = new Map(alignSteps(baseSteps, theirSteps))
  const slots: Omit<StepMerge, 'changedBy' | 'differs' | 'pick'>[] = baseSteps.map((step, b) => {
    const m = toMine.get(b) ?? null
    const t = toTheirs.get(b) ?? null
    return {
      key: `b${b}`,
      base: norm(step),
      mine: m === null ? null : norm(mineSteps[m]),
      theirs: t === null ? null : norm(theirSteps[t]),
      mineIndex: m,
      theirsIndex: t,
    }
  })
  // Steps added on either side; one added on both sides under the same name is one step.
  const usedMine = new Set(toMine.values())
  const usedTheirs = new Set(toTheirs.values())
  const nameOf = (step: unknown) => {
    const name = asRecord(step).name
    return typeof name === 'string' ? name.trim().toLocaleLowerCase() : ''
  }
  const theirsAdded = theirSteps.map((_, t) => t).filter((t) => !usedTheirs.has(t))
  mineSteps.forEach((step, m) => {
    if (usedMine.has(m)) return
    const twin = theirsAdded.findIndex((t) => nameOf(theirSteps[t]) === nameOf(step) && nameOf(step) !== '')
    const t = twin >= 0 ? theirsAdded.splice(twin, 1)[0]! : null
    const theirs = t === null ? null : norm(theirSteps[t])
    slots.push({ key: `m${m}`, base: null, mine: norm(step), theirs, mineIndex: m, theirsIndex: t })
  })
  for (const t of theirsAdded) {
    slots.push({
      key: `t${t}`,
      base: null,
      mine: null,
      theirs: norm(theirSteps[t]),
      mineIndex: null,
      theirsIndex: t,
    })
  }
  const threshold = (slot: (typeof slots)[number]) => {
    const value = (slot.mine ?? slot.theirs ?? slot.base)?.threshold
    return typeof value === 'number' ? value : Number.POSITIVE_INFINITY
  }
  return slots
    .filter((slot) => slot.mine !== null || slot.theirs !== null)
    .map((slot, order) => ({
      ...slot,
      ...decide(slot.base, slot.mine, slot.theirs, hasBase || slot.base !== null, sameValue, prefer),
      order,
    }))
    .sort((a, b) => threshold(a) - threshold(b) || a.order - b.order)
    .map(({ order: _order, ...step }) => step)
}

/**
 * The three-way merge of `mine` and `theirs` against `base` (null when there is none: every difference is then
 * a choice, and `prefer` takes it). Fields outside `spec` are ignored; missing values count as null.
 */
export function mergeThreeWay(
  spec: MergeSpec,
  base: unknown,
  mine: unknown,
  theirs: unknown,
  prefer: Side = 'mine',
): ThreeWayMerge {
  const hasBase = base !== null && base !== undefined
  const b = asRecord(base)
  const m = asRecord(mine)
  const t = asRecord(theirs)
  const fields: FieldMerge[] = spec.fields
    .filter((field) => field !== spec.steps?.field)
    .map((field) => ({
      field,
      base: b[field] ?? null,
      mine: m[field] ?? null,
      theirs: t[field] ?? null,
      ...decide(b[field], m[field], t[field], hasBase, sameValue, prefer),
    }))
  const steps = spec.steps
    ? mergeSteps(
        listOf(b[spec.steps.field]),
        listOf(m[spec.steps.field]),
        listOf(t[spec.steps.field]),
        spec.steps.fields,
        hasBase,
        prefer,
      )
    : []
  const result: ThreeWayMerge = { fields, steps, merged: {} }
  result.merged = applyChoices(spec, result, {})
  return result
}

/** The body a set of choices gives: each field and step from the chosen side, steps in threshold order. */
export function applyChoices(
  spec: MergeSpec,
  merge: Pick<ThreeWayMerge, 'fields' | 'steps'>,
  choices: MergeChoices,
): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of merge.fields) body[field.field] = field[choices[field.field] ?? field.pick]
  if (spec.steps) {
    const threshold = (step: Record<string, unknown>) =>
      typeof step.threshold === 'number' ? step.threshold : Number.POSITIVE_INFINITY
    body[spec.steps.field] = merge.steps
      .map((step, order) => ({ step: step[choices[`step:${step.key}`] ?? step.pick], order }))
      .filter((entry): entry is { step: Record<string, unknown>; order: number } => entry.step !== null)
      .sort((a, b) => threshold(a.step) - threshold(b.step) || a.order - b.order)
      .map((entry) => entry.step)
  }
  return body
}

/** The step fields that differ between mine and theirs (for highlighting a step row). */
export function stepDifferences(
  step: StepMerge,
  fields: readonly string[] = DRAFT_RESOURCES.ladder.steps.fields,
): string[] {
  return diffFields(step.theirs, step.mine, fields).map((change) => change.field)
}

/** "Keep mine" of a conflict on an entity of `kind`: the body to send on top of theirs. */
export function keepMine(
  kind: DraftEntity,
  base: unknown,
  mine: unknown,
  theirs: unknown,
): Record<string, unknown> {
  return mergeThreeWay(MERGE_SPECS[kind], base, mine, theirs, 'mine').merged
}
