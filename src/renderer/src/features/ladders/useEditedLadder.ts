// The ladder as edited, for whatever shows it next to the form (the chart, the insight panels): the form's values
// when they are a valid ladder, else the last valid ones.
import { useState } from 'react'
import type { UseFormReturn } from 'react-hook-form'
import type { LadderCreate } from '@shared/api'
import { useFormSelector } from '../../app/useFormSelector'
import type { LadderForm } from './form'
import { parseLadderForm } from './ladder-parse'

/**
 * The form's values as the shared `LadderCreate` when they pass `ladderCreateChecked` (`parseLadderForm`), else the last that
 * did (null until one did). The caller renders again only when the valid ladder changes; the result keeps its
 * identity while it does not.
 */
export function useEditedLadder(
  form: Pick<UseFormReturn<LadderForm>, 'subscribe' | 'getValues'>,
): LadderCreate | null {
  const [select] = useState(lastValidLadder)
  // The result keeps its identity while the ladder is the same (the parser answers equal values with the same
  // result, an invalid form with the last valid one): compared by identity, not by the JSON of 50 steps.
  return useFormSelector(form, select, { same: Object.is })
}

function lastValidLadder(): (values: LadderForm) => LadderCreate | null {
  let last: LadderCreate | null = null
  return (values) => {
    const parsed = parseLadderForm(values)
    if (parsed.success) last = parsed.data
    return last
  }
}
