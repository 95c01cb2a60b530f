// A new password is typed twice: the second must match (checked in the form, never sent).
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'

/** True when `repeat` equals `password`; otherwise puts `message` at the repeat field and focuses it. */
export function repeatMatches<T extends FieldValues>(
  setError: UseFormSetError<T>,
  repeatName: FieldPath<T>,
  password: string,
  repeat: string,
  message: string,
): boolean {
  if (password === repeat) return true
  setError(repeatName, { type: 'passwords_differ', message }, { shouldFocus: true })
  return false
}
