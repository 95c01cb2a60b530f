import { useState } from 'react'
import { useT } from '../../app/useT'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { toast } from '../../components/toast-store'
import { useUiStore } from '../../app/ui-store'
import { ChangePasswordDialog } from './ChangePasswordDialog'
import { useSessionStore } from './store'

/** The session at a glance (server, user, role) and the logout button. Opened from the status bar. */
export function SessionDialog(): React.JSX.Element | null {
  const t = useT()
  const open = useUiStore((store) => store.sessionDialogOpen)
  const setOpen = useUiStore((store) => store.setSessionDialogOpen)
  const state = useSessionStore((store) => store.state)
  const logout = useSessionStore((store) => store.logout)
  const [busy, setBusy] = useState(false)
  const [changingPassword, setChangingPassword] = useState(false)
  if (!open || !state) return null
  if (changingPassword) {
    return (
      <ChangePasswordDialog
        onClose={() => {
          setChangingPassword(false)
          setOpen(false)
        }}
      />
    )
  }

  const onLogout = async () => {
    setBusy(true)
    const result = await logout()
    setBusy(false)
    setOpen(false)
    // The login screen says «Вы вышли» itself: a toast would say it a second time.
    if (!result.ok) toast.error(result.error.message)
  }

  const rows: [string, string | undefined][] = [
    [t('shell.session.server'), state.profile?.name],
    [t('shell.session.address'), state.profile?.base_url],
    [t('shell.session.user'), state.user?.name],
    [t('shell.session.login'), state.user?.login ?? state.login ?? undefined],
    [t('shell.session.role'), state.role ? t(`roles.${state.role}`) : undefined],
    [
      t('shell.session.serverVersion'),
      state.server ? `${state.server.name} ${state.server.version}` : undefined,
    ],
  ]
  return (
    <Dialog
      open
      title={t('shell.session.title')}
      onClose={() => setOpen(false)}
      size="sm"
      footer={
        <>
          <Button onClick={() => setOpen(false)}>{t('common.close')}</Button>
          {state.status === 'signed_in' && (
            <Button icon="lock" onClick={() => setChangingPassword(true)} data-testid="change-password">
              {t('passwordChange.open')}
            </Button>
          )}
          <Button
            variant="danger"
            icon="logout"
            loading={busy}
            onClick={() => void onLogout()}
            data-testid="logout"
          >
            {t('shell.session.logout')}
          </Button>
        </>
      }
    >
      <dl className="props">
        {rows
          .filter((row): row is [string, string] => Boolean(row[1]))
          .map(([label, value]) => (
            <div key={label} className="props__row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <p className="muted">
        {state.remembered
          ? t('shell.session.remembered')
          : state.not_remembered_reason
            ? t(`shell.session.notRememberedReason.${state.not_remembered_reason}`)
            : t('shell.session.notRemembered')}
      </p>
      <p className="muted">{t('shell.session.logoutHint')}</p>
    </Dialog>
  )
}
