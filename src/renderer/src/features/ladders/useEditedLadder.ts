// The ladder as edited, for whatever shows it next to the form (the insight panels): the form's values when they
// are a valid ladder, else the last valid ones.
import { useMemo, useState } from 'react'
import { useWatch, type Control } from 'react-hook-form'
import type { LadderCreate } from '@shared/api'
import { ladderCreateChecked } from '@shared/domain'
import type { LadderForm } from './form'

/**
 * The form's values as the shared `LadderCreate` when they parse with `ladderCreateChecked`, else the last that
 * did (null until one did). Re-renders with the form's values; the result keeps its identity while nothing valid
 * changed.
 */
export function useEditedLadder(control: Control<LadderForm>): LadderCreate | null {
  const values = useWatch({ control })
  // Once per change of the values (the editor renders for other reasons too).
  const { parsed, json } = useMemo(() => {
    const result = ladderCreateChecked.safeParse(values)
    return { parsed: result, json: result.success ? JSON.stringify(result.data) : null }
  }, [values])
  const [last, setLast] = useState<{ json: string; ladder: LadderCreate } | null>(null)
  if (parsed.success && json !== null && last?.json !== json) {
    const next = { json, ladder: parsed.data }
    setLast(next)
    return next.ladder
  }
  return last?.ladder ?? null
}
