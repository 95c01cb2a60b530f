import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'
import type { IpcFieldError } from '@shared/ipc'
import { codedFieldError } from '../app/messages'

/** `['steps', 2, 'threshold']` → `'steps.2.threshold'` (react-hook-form's field names). */
export function fieldName(path: readonly (string | number)[]): string {
  return path.map(String).join('.')
}

/**
 * Puts the server's (or main's) field errors at their fields. Errors whose path is not a field of the form
 * (`known` says which are) are returned, for a summary above the form.
 */
export function applyFieldErrors<T extends FieldValues>(
  setError: UseFormSetError<T>,
  fields: readonly IpcFieldError[] | undefined,
  known: (name: string) => boolean,
): IpcFieldError[] {
  const rest: IpcFieldError[] = []
  let focused = false
  for (const error of fields ?? []) {
    const name = fieldName(error.path)
    if (error.path.length > 0 && known(name)) {
      // By its code: the field says it in the UI language of the moment (FieldShell), not of the answer's.
      setError(name as FieldPath<T>, codedFieldError(error), { shouldFocus: !focused })
      focused = true
    } else rest.push(error)
  }
  return rest
}
