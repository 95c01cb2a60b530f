// A new password is typed twice: the second must match (checked in the form, never sent).
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form'
import { codedFieldError } from '../../app/messages'

/** True when `repeat` equals `password`; otherwise says so at the repeat field and focuses it. */
export function repeatMatches<T extends FieldValues>(
  setError: UseFormSetError<T>,
  repeatName: FieldPath<T>,
  password: string,
  repeat: string,
): boolean {
  if (password === repeat) return true
  setError(repeatName, codedFieldError({ path: [repeatName], code: 'passwords_differ' }), {
    shouldFocus: true,
  })
  return false
}
