import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useT } from '../../app/useT'
import { z } from 'zod'
import { userPassword, type User } from '@shared/api'
import type { IpcError } from '@shared/ipc'
import { codedResolver } from '../../app/form-resolver'
import { messageFor } from '../../app/messages'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { applyFieldErrors } from '../../components/form-errors'
import { Banner } from '../../components/states'
import { toast } from '../../components/toast-store'
import { invoke } from '../../ipc/client'
import { useOnline } from '../sync/store'
import { repeatMatches } from '../session/passwords'
import { NewPasswordFields } from './NewPasswordFields'

const schema = z.strictObject({ password: userPassword, password_repeat: z.string() })
type Form = z.input<typeof schema>
const EMPTY: Form = { password: '', password_repeat: '' }

/** An admin sets someone's new password: sent at once with the user's other fields, their sessions end. */
export function SetPasswordDialog({ user, onClose }: { user: User; onClose: () => void }): React.JSX.Element {
  const t = useT()
  const online = useOnline()
  const [refusal, setRefusal] = useState<IpcError | null>(null)
  const form = useForm<Form>({
    resolver: codedResolver<Form>(schema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  })

  const submit = form.handleSubmit(async ({ password, password_repeat: repeat }) => {
    setRefusal(null)
    if (!repeatMatches(form.setError, 'password_repeat', password, repeat)) return
    const { login, role, surname, first_name, patronymic, email, comment, active, version } = user
    const result = await invoke('users:update', {
      id: user.id,
      user: { login, role, surname, first_name, patronymic, email, comment, active, password, version },
    })
    if (!result.ok) {
      const rest = applyFieldErrors(form.setError, result.error.fields, (name) => name === 'password')
      if (rest.length > 0 || !result.error.fields?.length) setRefusal(result.error)
      return
    }
    form.reset(EMPTY)
    toast.success(t('users.setPasswordDone', { login: user.login }))
    onClose()
  })

  return (
    <Dialog
      open
      title={t('users.setPasswordTitle', { login: user.login })}
      description={t('users.setPasswordText')}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="set-password-form"
            disabled={!online}
            loading={form.formState.isSubmitting}
            data-testid="set-password-submit"
          >
            {t('users.setPassword')}
          </Button>
        </>
      }
    >
      <form id="set-password-form" className="stack" noValidate onSubmit={(event) => void submit(event)}>
        {!online && (
          <Banner tone="warning" icon="offline">
            {t('users.offline')}
          </Banner>
        )}
        {refusal && (
          <Banner tone="danger" icon="alert">
            {messageFor(refusal)}
          </Banner>
        )}
        <NewPasswordFields control={form.control} />
      </form>
    </Dialog>
  )
}
