import { useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { z } from 'zod'
import { loginInput, type IpcError, type Profile } from '@shared/ipc'
import { sendsInClear } from '@shared/ipc/server-url'
import { codedResolver } from '../../app/form-resolver'
import { messageFor } from '../../app/messages'
import { Button } from '../../components/Button'
import { TextField } from '../../components/fields'
import { applyFieldErrors } from '../../components/form-errors'
import { Banner } from '../../components/states'
import { useSessionStore } from './store'
import { deadlineIn, useCountdown, type Deadline } from './useCountdown'

type LoginValues = z.input<typeof loginInput>

export interface LoginFormProps {
  profile: Profile | null
  /** Prefilled login (the profile's last one, or the expired session's). */
  defaultLogin?: string | null
  submitLabel?: string
  autoFocus?: boolean
  /** Each press of the button, valid or not (the screen drops its «Вы вышли» then). */
  onAttempt?: () => void
}

/** Logins compare as the server does: trimmed and case-insensitive. */
const sameLogin = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase()

/**
 * Login and password for the selected server, with a clear message for each way it fails: wrong password,
 * unreachable server, too many attempts (a countdown that keeps the button disabled), anything else.
 */
export function LoginForm({
  profile,
  defaultLogin,
  submitLabel,
  autoFocus = true,
  onAttempt,
}: LoginFormProps): React.JSX.Element {
  const t = useT()
  const login = useSessionStore((store) => store.login)
  const [failure, setFailure] = useState<IpcError | null>(null)
  // The server throttles one login at a time: the wait belongs to the login that was refused.
  const [throttle, setThrottle] = useState<(Deadline & { username: string }) | null>(null)
  const secondsLeft = useCountdown(throttle)
  const form = useForm<LoginValues>({
    resolver: codedResolver<LoginValues>(loginInput),
    defaultValues: { username: defaultLogin ?? '', password: '' },
  })
  const { control, handleSubmit, setError, setValue, setFocus, formState } = form
  const username = useWatch({ control, name: 'username' }) ?? ''
  // A plain http:// server elsewhere: the password goes only after the user said so, for that address.
  const [confirmedInClear, setConfirmedInClear] = useState<string | null>(null)
  const [askInClear, setAskInClear] = useState(false)

  const send = async (values: LoginValues): Promise<void> => {
    setFailure(null)
    setAskInClear(false)
    const result = await login(values)
    if (result.ok) return
    const error = result.error
    setFailure(error)
    if (error.code === 'throttled') {
      setThrottle({ ...deadlineIn(error.retryAfterSeconds ?? 60), username: values.username })
    }
    if (error.code === 'unauthorized') {
      setValue('password', '')
      setFocus('password')
    }
    applyFieldErrors(setError, error.fields, (name) => name === 'username' || name === 'password')
  }
  // An empty or invalid form is answered at its fields: the last attempt's message is stale now.
  const onInvalid = (): void => {
    onAttempt?.()
    setFailure(null)
  }

  const onSubmit = handleSubmit(async (values) => {
    onAttempt?.()
    if (profile && sendsInClear(profile.base_url) && confirmedInClear !== profile.base_url) {
      setFailure(null)
      setAskInClear(true)
      return
    }
    await send(values)
  }, onInvalid)
  const onSendInClear = handleSubmit(async (values) => {
    if (profile) setConfirmedInClear(profile.base_url)
    await send(values)
  }, onInvalid)

  // Another login is not throttled: its button works and the countdown is not its message.
  const throttled =
    failure?.code === 'throttled' && throttle !== null && sameLogin(throttle.username, username)
  let message: string | null = null
  if (failure && !(failure.code === 'throttled' && !throttled)) {
    if (failure.code === 'unauthorized') message = t('session.wrongPassword')
    else if (failure.code === 'offline') message = t('session.unreachable', { url: profile?.base_url ?? '' })
    else if (failure.code === 'not_probonus')
      message = t('session.notProbonus', { url: profile?.base_url ?? '' })
    else if (throttled)
      message = secondsLeft > 0 ? t('session.throttled', { count: secondsLeft }) : t('session.throttledDone')
    else if (failure.code === 'bad_request' && !profile) message = t('session.noProfileSelected')
    else if (!(failure.fields && failure.fields.length > 0)) message = messageFor(failure)
  }

  return (
    <form
      className="login-form stack"
      onSubmit={(e) => void onSubmit(e)}
      noValidate
      aria-label={t('session.title')}
    >
      <TextField
        control={control}
        name="username"
        label={t('session.username')}
        autoComplete="username"
        autoFocus={autoFocus && !defaultLogin}
        required
      />
      <TextField
        control={control}
        name="password"
        type="password"
        label={t('session.password')}
        autoComplete="current-password"
        autoFocus={autoFocus && Boolean(defaultLogin)}
        required
      />
      {askInClear && profile && (
        <Banner
          tone="warning"
          icon="alert"
          action={<Button onClick={() => void onSendInClear()}>{t('session.insecureLoginSend')}</Button>}
        >
          <span data-testid="login-insecure">
            {t('session.insecureLoginConfirm', { url: profile.base_url })}
          </span>
        </Banner>
      )}
      {message && (
        <Banner
          tone={throttled && secondsLeft === 0 ? 'info' : 'danger'}
          icon={failure?.code === 'offline' ? 'offline' : 'alert'}
        >
          <span data-testid="login-error">{message}</span>
        </Banner>
      )}
      <Button
        type="submit"
        variant="primary"
        loading={formState.isSubmitting}
        disabled={!profile || (throttled && secondsLeft > 0)}
        className="login-form__submit"
      >
        {formState.isSubmitting ? t('session.submitting') : (submitLabel ?? t('session.submit'))}
      </Button>
    </form>
  )
}
