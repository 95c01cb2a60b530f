// A new password and its repeat: the two fields a new user's form and an admin's password change share. The forms
// check that the two match on submit (session/passwords.ts `repeatMatches`).
import type { Control, FieldPath, FieldValues } from 'react-hook-form'
import { useT } from '../../app/useT'
import { TextField } from '../../components/fields'

/** A form with the fields `password` and `password_repeat`. */
export interface NewPasswordForm extends FieldValues {
  password: string
  password_repeat: string
}

export function NewPasswordFields<T extends NewPasswordForm>({
  control,
}: {
  control: Control<T>
}): React.JSX.Element {
  const t = useT()
  return (
    <>
      <TextField
        control={control}
        name={'password' as FieldPath<T>}
        type="password"
        label={t('users.password')}
        hint={t('users.passwordHint')}
        autoComplete="new-password"
        required
      />
      <TextField
        control={control}
        name={'password_repeat' as FieldPath<T>}
        type="password"
        label={t('users.passwordRepeat')}
        autoComplete="new-password"
        required
      />
    </>
  )
}
