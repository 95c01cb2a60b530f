// The ladder simulator's figures: what one bill of one guest gives under a ladder (possibly a draft being edited),
// computed with the same stepFor / benefitsFor the server uses for `operations/purchase`, so the app answers
// without a round trip and agrees with the server to the kopeck.
//
// Units: a `spend` ladder accumulates kopecks, a `visits` ladder counts bills. The bill the guest is presented
// is `billKopecks`; the till takes the step's RK discount off it, and what the guest pays (`toPayKopecks`) is
// what the till reports to ProBonus as the purchase: the bonus and the pay-with-bonus cap are shares of it, and it
// is what the bill adds to a `spend` accumulation.
import type { Account, AccountLimits } from '../api/accounts'
import type { LadderBasis, LadderPeriod } from '../api/ladders'
import { benefitsFor, type BenefitDiscount, type BenefitStep, type Benefits } from './benefits'
import { limitsLeftOf, paymentAllowance, type PaymentAllowance } from './bonus-payment'
import { toKopecks } from './money'
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
  /**
   * A discount level set by hand on this ladder (accounts' `step_override`): `pin` holds the guest exactly at
   * `index`, `floor` at least at it; ignored when the ladder has no such step.
   */
  override?: { index: number; mode: 'pin' | 'floor' } | null
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
  /** True when a level set by hand decides the step (it differs from the accumulated one). */
  overridden: boolean
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
   * for a ladder that never lowers a step, a step held by hand, and the first step (nothing to keep).
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
  const override = input.override && input.override.index < units.length ? input.override : null
  // As the server: the step accumulation gives (held by `downgrade: false`), then the level set by hand.
  const effective = <P extends { index: number } | null>(computed: P) => {
    if (!override) return computed
    const index = override.mode === 'pin' ? override.index : Math.max(override.index, computed?.index ?? -1)
    const step = units[index]
    return step ? { index, step } : computed
  }
  const reached = stepFor(stepped, input.accumulated, highest)
  const placement = effective(reached)
  const free = stepFor({ steps: units }, input.accumulated)
  const discountId = placement?.step.rk_discount_id
  const discount =
    discountId === null || discountId === undefined ? undefined : input.discountOf?.(discountId)
  const benefits = benefitsFor(placement?.step ?? null, input.billKopecks, discount ?? null)
  const toPayKopecks = input.billKopecks - benefits.discountKopecks

  const added = ladder.basis === 'spend' ? toPayKopecks : 1
  const reachedAfter = Math.max(highest ?? -1, reached?.index ?? -1)
  const after = effective(
    stepFor(stepped, input.accumulated + added, reachedAfter >= 0 ? reachedAfter : null),
  )

  const nextIndex = (placement?.index ?? -1) + 1
  const nextStep = units[nextIndex]
  const next = nextStep
    ? {
        index: nextIndex,
        name: nextStep.name,
        remaining: Math.max(0, nextStep.threshold - input.accumulated),
      }
    : null

  const overridden = placement !== null && placement.index !== (reached?.index ?? -1)
  // Only a ladder that rolls and lets a guest drop can take the step away (a level set by hand holds it).
  const rolling = ladder.period === 'rolling_days' && ladder.downgrade && !overridden
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
    held: reached !== null && free !== null && reached.index > free.index,
    overridden,
    benefits,
    toPayKopecks,
    after: refOf(after),
    next,
    keep,
  }
}

/**
 * Where the server says a guest stands on the ladder `ladderId` (their group's): the step their accumulation
 * reached (held by `downgrade: false`) and a level set by hand, as simulateBill takes them. Nothing for another
 * ladder (or a ladder not stored yet): the simulator then applies the ladder to the guest's totals alone.
 */
export function guestPlacement(
  guest: Pick<Account, 'step' | 'step_override'> | null,
  ladderId: number | null,
): { ownLadder: boolean; highestReached: number | null; override: SimulationInput['override'] } {
  const ownLadder = guest !== null && ladderId !== null && guest.step?.ladder_id === ladderId
  const manual = ownLadder ? guest.step_override : null
  const reached = manual ? manual.computed_step : ownLadder ? guest.step : null
  return {
    ownLadder,
    highestReached: reached?.index ?? null,
    override: manual ? { index: manual.index, mode: manual.mode } : null,
  }
}

/** A picked guest's bonus as the server reports it now (IPC `accounts:bonus`), in roubles. */
export interface GuestBonus {
  balance: number
  pending_balance: number
  /** `GET accounts/{id}/limits` for the current business periods; null: not known (then not applied). */
  limits: AccountLimits | null
}

export interface SimulatedPayment extends PaymentAllowance {
  /** The guest's balance bounds it (a real guest was picked). */
  balanceApplied: boolean
  /** The per-account limits of the business day, week and month bound it (known only for a real guest). */
  limitsApplied: boolean
}

/**
 * The most of the simulated bill that may be paid with bonus, by the rule `operations/purchase` applies
 * (shared paymentAllowance): what is paid after the RK discount, the step's `max_payment_percent` of it, and
 * for a real guest the spendable balance and what is left of the limits. A typed value has no account: only the
 * bill and the step bound it.
 */
export function simulatedPayment(
  simulation: Simulation,
  ladder: SimulatedLadder,
  guest: GuestBonus | null,
): SimulatedPayment {
  const step = simulation.step ? ladder.steps[simulation.step.index] : undefined
  const percent = step?.max_payment_percent
  const capped = percent !== null && percent !== undefined && Number.isFinite(percent)
  const allowance = paymentAllowance({
    billKopecks: simulation.toPayKopecks,
    stepCapKopecks: capped ? simulation.benefits.maxBonusPaymentKopecks : null,
    availableKopecks: guest ? toKopecks(guest.balance) - toKopecks(guest.pending_balance) : null,
    limitsLeft: guest?.limits ? limitsLeftOf(guest.limits) : null,
  })
  return { ...allowance, balanceApplied: guest !== null, limitsApplied: Boolean(guest?.limits) }
}
