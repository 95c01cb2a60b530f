// A value derived from a form's values, for a component that must not render on every keystroke: it renders again
// only when what it derives changes. (react-hook-form's `useWatch` renders the watcher on every change; its
// `compute` does not see a change of what the computation closes over, such as a catalog arriving.)
import { useCallback, useState, useSyncExternalStore } from 'react'
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form'

type Select<T, R> = (values: T) => R

export interface FormSelectorOptions<R> {
  /**
   * Whether a new result is the same as the last (the caller then keeps the last one and does not render): equal
   * JSON unless said otherwise. A selector that keeps its result's identity while it does not change passes
   * `Object.is`, sparing the JSON of a large result on every keystroke.
   */
  same?: (last: R, next: R) => boolean
  /**
   * Look at a change after the next frame is drawn, in a task of its own: for what may show a moment later (a
   * warning), so that the keystroke's frame is not kept waiting for it.
   */
  afterChange?: boolean
  /**
   * Only these fields' changes are looked at (and what holds them: a move of `steps` changes `steps.3.threshold`):
   * a component that derives from two fields of fifty is not woken by the other forty-eight.
   */
  names?: readonly string[]
}

/**
 * `select(values)`, computed once per change of the values or of `select` (keep it stable: `useCallback` over what
 * it reads), and the same object for as long as its JSON stays the same.
 */
export function useFormSelector<T extends FieldValues, R>(
  form: Pick<UseFormReturn<T>, 'subscribe' | 'getValues'>,
  select: Select<T, R>,
  { afterChange = false, same, names }: FormSelectorOptions<R> = {},
): R {
  // By value: a caller may pass a new array of the same names on every render.
  const namesKey = names?.join('\n') ?? null
  const [memo] = useState(() => selectionMemo<T, R>(same))
  const subscribe = useCallback(
    (onChange: () => void) => {
      // What changed before this subscription (a reset in an effect that ran first) is looked at on the next read.
      memo.changed()
      let cancelLater: (() => void) | null = null
      const unsubscribe = form.subscribe({
        formState: { values: true },
        ...(namesKey !== null && { name: namesKey.split('\n') as Path<T>[], exact: true }),
        callback: () => {
          memo.changed()
          if (!afterChange) return onChange()
          cancelLater ??= afterNextFrame(() => {
            cancelLater = null
            onChange()
          })
        },
      })
      return () => {
        cancelLater?.()
        unsubscribe()
      }
    },
    [form, memo, afterChange, namesKey],
  )
  return useSyncExternalStore(subscribe, () => memo.read(form.getValues(), select))
}

/** Runs `run` in a task after the next frame (right away in a task of its own where nothing draws frames); a cancel. */
function afterNextFrame(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null
  if (typeof requestAnimationFrame !== 'function') {
    timer = setTimeout(run, 0)
    return () => clearTimeout(timer ?? undefined)
  }
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0)
  })
  return () => {
    cancelAnimationFrame(frame)
    if (timer !== null) clearTimeout(timer)
  }
}

interface SelectionMemo<T, R> {
  /** The form said its values may have changed: the next read looks at them again. */
  changed: () => void
  read: (values: T, select: Select<T, R>) => R
}

/**
 * One remembered selection: computed again when the form said its values changed or the selector changed, and
 * kept (the same object) when `same` says the new result is the same (by default: its JSON is). (A selector that
 * is dear to run on equal values remembers them itself, as the ladder's parser does.)
 */
function selectionMemo<T, R>(same: ((last: R, next: R) => boolean) | undefined): SelectionMemo<T, R> {
  let last: { select: Select<T, R>; result: R; json: string | null } | null = null
  // React reads the snapshot several times per change (on the notice, while rendering, after committing).
  let stale = true
  return {
    changed: () => {
      stale = true
    },
    read: (values, select) => {
      if (last && !stale && last.select === select) return last.result
      stale = false
      const result = select(values)
      const json = same ? null : (JSON.stringify(result) ?? '')
      if (last && (same ? same(last.result, result) : last.json === json)) {
        last = { ...last, select }
        return last.result
      }
      last = { select, result, json }
      return result
    },
  }
}
