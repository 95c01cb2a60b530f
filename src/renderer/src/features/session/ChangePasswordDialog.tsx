import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useT } from '../../app/useT'
import { z } from 'zod'
import { changePasswordRequest } from '@shared/api'
import type { IpcError } from '@shared/ipc'
import { codedResolver } from '../../app/form-resolver'
import { messageFor } from '../../app/messages'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { TextField } from '../../components/fields'
import { applyFieldErrors } from '../../components/form-errors'
import { Banner } from '../../components/states'
import { toast } from '../../components/toast-store'
import { invoke } from '../../ipc/client'
import { useOnline, useSyncStore } from '../sync/store'
import { repeatMatches } from './passwords'

const schema = changePasswordRequest.extend({ new_password_repeat: z.string() })
type Form = z.input<typeof schema>
const EMPTY: Form = { current_password: '', new_password: '', new_password_repeat: '' }

/**
 * Change my own password (every role). Online only: the passwords live in this form and go straight to the
 * server, never to a draft or a file. Offline the button waits, and the dialog says why.
 */
export function ChangePasswordDialog({ onClose }: { onClose: () => void }): React.JSX.Element {
  const t = useT()
  const online = useOnline()
  const checkConnection = useSyncStore((store) => store.check)
  const [refusal, setRefusal] = useState<IpcError | null>(null)
  const form = useForm<Form>({
    resolver: codedResolver<Form>(schema),
    defaultValues: EMPTY,
    mode: 'onTouched',
  })
  const { control, formState } = form

  const submit = form.handleSubmit(async (values) => {
    setRefusal(null)
    const matches = repeatMatches(
      form.setError,
      'new_password_repeat',
      values.new_password,
      values.new_password_repeat,
    )
    if (!matches) return
    const result = await invoke('session:change-password', {
      current_password: values.current_password,
      new_password: values.new_password,
    })
    if (!result.ok) {
      const rest = applyFieldErrors(form.setError, result.error.fields, (name) => name in EMPTY)
      if (rest.length > 0 || !result.error.fields?.length) setRefusal(result.error)
      return
    }
    form.reset(EMPTY)
    toast.success(t('passwordChange.done'))
    onClose()
  })

  return (
    <Dialog
      open
      title={t('passwordChange.title')}
      description={t('passwordChange.text')}
      onClose={onClose}
      size="sm"
      footer={
        <>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            variant="primary"
            type="submit"
            form="change-password-form"
            disabled={!online}
            aria-describedby={online ? undefined : 'change-password-offline'}
            loading={formState.isSubmitting}
            data-testid="change-password-submit"
          >
            {t('passwordChange.submit')}
          </Button>
        </>
      }
    >
      <form
        id="change-password-form"
        className="stack"
        noValidate
        onSubmit={(event) => void submit(event)}
        data-testid="change-password-form"
      >
        {!online && (
          <Banner
            tone="warning"
            icon="offline"
            action={
              <Button size="sm" variant="ghost" icon="refresh" onClick={() => void checkConnection()}>
                {t('common.retry')}
              </Button>
            }
          >
            <span id="change-password-offline" data-testid="change-password-offline">
              {t('passwordChange.offline')}
            </span>
          </Banner>
        )}
        {refusal && (
          <Banner tone="danger" icon="alert">
            {messageFor(refusal)}
          </Banner>
        )}
        <TextField
          control={control}
          name="current_password"
          type="password"
          label={t('passwordChange.current')}
          autoComplete="current-password"
          required
        />
        <TextField
          control={control}
          name="new_password"
          type="password"
          label={t('passwordChange.next')}
          hint={t('users.passwordHint')}
          autoComplete="new-password"
          required
        />
        <TextField
          control={control}
          name="new_password_repeat"
          type="password"
          label={t('passwordChange.repeat')}
          autoComplete="new-password"
          required
        />
      </form>
    </Dialog>
  )
}
