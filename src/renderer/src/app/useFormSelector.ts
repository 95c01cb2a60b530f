// A value derived from a form's values, for a component that must not render on every keystroke: it renders again
// only when what it derives changes. (react-hook-form's `useWatch` renders the watcher on every change; its
// `compute` does not see a change of what the computation closes over, such as a catalog arriving.)
import { useCallback, useState, useSyncExternalStore } from 'react'
import type { FieldValues, UseFormReturn } from 'react-hook-form'
import { valuesKey } from './values-key'

type Select<T, R> = (values: T) => R

/**
 * `select(values)`, computed once per change of the values or of `select` (keep it stable: `useCallback` over what
 * it reads), and the same object for as long as its JSON stays the same.
 */
export function useFormSelector<T extends FieldValues, R>(
  form: Pick<UseFormReturn<T>, 'subscribe' | 'getValues'>,
  select: Select<T, R>,
): R {
  const [memo] = useState(selectionMemo<T, R>)
  const subscribe = useCallback(
    (onChange: () => void) => {
      // What changed before this subscription (a reset in an effect that ran first) is looked at on the next read.
      memo.changed()
      return form.subscribe({
        formState: { values: true },
        callback: () => {
          memo.changed()
          onChange()
        },
      })
    },
    [form, memo],
  )
  return useSyncExternalStore(subscribe, () => memo.read(form.getValues(), select))
}

interface SelectionMemo<T, R> {
  /** The form said its values may have changed: the next read looks at them again. */
  changed: () => void
  read: (values: T, select: Select<T, R>) => R
}

/**
 * One remembered selection: looked at again when the form said its values changed or the selector changed;
 * recomputed when the values' key differs, and kept (the same object) when its result's JSON does not.
 */
function selectionMemo<T, R>(): SelectionMemo<T, R> {
  let last: { valuesKey: string; select: Select<T, R>; result: R; resultJson: string } | null = null
  // React reads the snapshot several times per change (on the notice, while rendering, after committing).
  let stale = true
  return {
    changed: () => {
      stale = true
    },
    read: (values, select) => {
      if (last && !stale && last.select === select) return last.result
      stale = false
      // react-hook-form hands out its live values object (changed in place): the key says whether it changed.
      const key = valuesKey(values)
      if (last && last.valuesKey === key && last.select === select) return last.result
      const result = select(values)
      const resultJson = JSON.stringify(result) ?? ''
      if (last && last.resultJson === resultJson) {
        last = { ...last, valuesKey: key, select }
        return last.result
      }
      last = { valuesKey: key, select, result, resultJson }
      return result
    },
  }
}
