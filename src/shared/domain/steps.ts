// Which step of a ladder an accumulated value reaches. The server runs this for every account of a group (100,000
// and more), so it is a binary search over the thresholds with no allocation beyond the result.

/** The least a ladder must have to place a value on a step. */
export interface SteppedLadder<S extends { threshold: number }> {
  steps: readonly S[]
  /** `false`: a guest never drops below the highest step reached. Absent means `true` (recomputed). */
  downgrade?: boolean | null
}

export interface StepPlacement<S> {
  index: number
  step: S
}

/**
 * The step for `accumulated`: thresholds are inclusive, the applied step is the LAST one with threshold ≤ value.
 * With `downgrade: false` and `highestReached` (an index reached before), the result is never below that index
 * (capped to the ladder's last step if the ladder has since become shorter).
 *
 * Assumes a valid ladder (thresholds strictly ascending from 0, see validateLadder). Returns null for an empty
 * ladder, a negative or non-finite value, and — only possible on an invalid ladder whose first threshold is above
 * 0 — a value below every threshold when no highest step was reached.
 */
export function stepFor<S extends { threshold: number }>(
  ladder: SteppedLadder<S>,
  accumulated: number,
  highestReached?: number | null,
): StepPlacement<S> | null {
  const steps = ladder.steps
  if (steps.length === 0 || !Number.isFinite(accumulated) || accumulated < 0) return null

  // Last index whose threshold ≤ accumulated, or -1.
  let low = 0
  let high = steps.length - 1
  let found = -1
  while (low <= high) {
    const middle = (low + high) >>> 1
    if ((steps[middle]?.threshold ?? Infinity) <= accumulated) {
      found = middle
      low = middle + 1
    } else high = middle - 1
  }

  if (ladder.downgrade === false && typeof highestReached === 'number' && Number.isInteger(highestReached)) {
    const kept = Math.min(highestReached, steps.length - 1)
    if (kept > found) found = kept
  }
  const step = steps[found]
  return step === undefined ? null : { index: found, step }
}
