// The ladder simulator's figures: what one bill of one guest gives under a ladder (possibly a draft being edited),
// computed with the same stepFor / benefitsFor the server uses for `operations/purchase`, so the app answers
// without a round trip and agrees with the server to the kopeck.
//
// Units: a `spend` ladder accumulates kopecks, a `visits` ladder counts bills. The bill the guest is presented
// is `billKopecks`; the till takes the step's RK discount off it, and what the guest pays (`toPayKopecks`) is
// what the till reports to ProBonus as the purchase: the bonus and the pay-with-bonus cap are shares of it, and it
// is what the bill adds to a `spend` accumulation.
import type { LadderBasis, LadderPeriod } from '../api/ladders'
import { benefitsFor, type BenefitDiscount, type BenefitStep, type Benefits } from './benefits'
import { stepFor } from './steps'

export interface SimulatedLadderStep extends BenefitStep {
  name: string
  /** Roubles for `spend`, bills for `visits` (as the API carries it). */
  threshold: number
}

export interface SimulatedLadder {
  basis: LadderBasis
  period: LadderPeriod
  period_days?: number | null
  downgrade: boolean
  steps: readonly SimulatedLadderStep[]
}

export interface SimulationInput {
  ladder: SimulatedLadder
  /** What the guest has accumulated so far (in the period for a rolling ladder): kopecks or bills. */
  accumulated: number
  /** `downgrade: false`: the highest step index the guest reached on this ladder (never dropped below). */
  highestReached?: number | null
  /** The bill before the RK discount, in kopecks. */
  billKopecks: number
  /** The RK discount with this id (the catalog), or undefined when unknown. */
  discountOf?: (id: number) => BenefitDiscount | undefined
}

export interface SimulatedStepRef {
  index: number
  name: string
}

export interface Simulation {
  /** The step this bill is served on (the accumulation before the bill); null: no step applies. */
  step: SimulatedStepRef | null
  /** True when `downgrade: false` keeps the guest above the step the accumulation alone reaches. */
  held: boolean
  benefits: Benefits
  /** The bill after the RK discount: what the guest pays and the till reports as the purchase. */
  toPayKopecks: number
  /** The step after this bill counts (what `operations/purchase` answers as `step`). */
  after: SimulatedStepRef | null
  /** The next step above the applied one and how much is still missing (kopecks or bills); null on the top. */
  next: (SimulatedStepRef & { remaining: number }) | null
  /**
   * A rolling ladder: the least the period must hold to keep the applied step on its own (its threshold, in
   * units) and the margin above it (how much may leave the period before the step is lost); null otherwise,
   * for a ladder that never lowers a step, and for the first step (nothing to keep).
   */
  keep: { threshold: number; margin: number; days: number | null } | null
}

/** A threshold in the units accumulation is counted in: kopecks for `spend`, bills for `visits`. */
export function thresholdUnits(basis: LadderBasis, threshold: number): number {
  return basis === 'spend' ? Math.round(threshold * 100) : threshold
}

const refOf = (placement: { index: number; step: { name: string } } | null): SimulatedStepRef | null =>
  placement ? { index: placement.index, name: placement.step.name } : null

/** The simulator's figures for one bill; see the module comment for units. */
export function simulateBill(input: SimulationInput): Simulation {
  const { ladder } = input
  const units = ladder.steps.map((step) => ({
    ...step,
    threshold: thresholdUnits(ladder.basis, step.threshold),
  }))
  const stepped = { steps: units, downgrade: ladder.downgrade }
  const highest = ladder.downgrade ? null : (input.highestReached ?? null)
  const placement = stepFor(stepped, input.accumulated, highest)
  const free = stepFor({ steps: units }, input.accumulated)
  const discountId = placement?.step.rk_discount_id
  const discount =
    discountId === null || discountId === undefined ? undefined : input.discountOf?.(discountId)
  const benefits = benefitsFor(placement?.step ?? null, input.billKopecks, discount ?? null)
  const toPayKopecks = input.billKopecks - benefits.discountKopecks

  const added = ladder.basis === 'spend' ? toPayKopecks : 1
  const reachedAfter = Math.max(highest ?? -1, placement?.index ?? -1)
  const after = stepFor(stepped, input.accumulated + added, reachedAfter >= 0 ? reachedAfter : null)

  const nextIndex = (placement?.index ?? -1) + 1
  const nextStep = units[nextIndex]
  const next = nextStep
    ? {
        index: nextIndex,
        name: nextStep.name,
        remaining: Math.max(0, nextStep.threshold - input.accumulated),
      }
    : null

  // Only a ladder that rolls and lets a guest drop can take the step away.
  const rolling = ladder.period === 'rolling_days' && ladder.downgrade
  const keep =
    rolling && placement && placement.index > 0
      ? {
          threshold: placement.step.threshold,
          margin: input.accumulated - placement.step.threshold,
          days: ladder.period_days ?? null,
        }
      : null

  return {
    step: refOf(placement),
    held: placement !== null && free !== null && placement.index > free.index,
    benefits,
    toPayKopecks,
    after: refOf(after),
    next,
    keep,
  }
}
