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
  const subscribe = useCallback(
    (onChange: () => void) => form.subscribe({ formState: { values: true }, callback: onChange }),
    [form],
  )
  const [read] = useState(selectionMemo<T, R>)
  return useSyncExternalStore(subscribe, () => read(form.getValues(), select))
}

/** One remembered selection: recomputed when the values' JSON or the selector changes, kept when its result's JSON does not. */
function selectionMemo<T, R>(): (values: T, select: Select<T, R>) => R {
  let last: { valuesJson: string; select: Select<T, R>; result: R; resultJson: string } | null = null
  return (values, select) => {
    // react-hook-form hands out its live values object (changed in place): the key says whether it changed.
    const valuesJson = valuesKey(values)
    if (last && last.valuesJson === valuesJson && last.select === select) return last.result
    const result = select(values)
    const resultJson = JSON.stringify(result) ?? ''
    if (last && last.resultJson === resultJson) {
      last = { ...last, valuesJson, select }
      return last.result
    }
    last = { valuesJson, select, result, resultJson }
    return result
  }
}
