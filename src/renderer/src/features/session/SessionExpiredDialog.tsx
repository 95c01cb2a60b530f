import { useT } from '../../app/useT'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { useDraftsStore } from '../drafts/store'
import { LoginForm } from './LoginForm'
import { useSessionStore } from './store'

/**
 * "Session expired, log in again", over the current screen: nothing behind it is lost — drafts and the outbox
 * stay in main, the outbox just waits — and a successful login continues where the person was.
 */
export function SessionExpiredDialog(): React.JSX.Element {
  const t = useT()
  const state = useSessionStore((store) => store.state)
  const logout = useSessionStore((store) => store.logout)
  const counts = useDraftsStore((store) => store.counts)
  const kept = counts.drafts + counts.queued + counts.syncing + counts.failed + counts.conflicts
  return (
    <Dialog
      open
      dismissible={false}
      role="alertdialog"
      size="sm"
      title={t('session.expiredTitle')}
      description={kept > 0 ? t('session.expiredText', { count: kept }) : t('session.expiredTextNone')}
      footer={
        <Button variant="ghost" icon="logout" onClick={() => void logout()}>
          {t('session.expiredLogout')}
        </Button>
      }
    >
      <p className="muted">{state?.profile ? `${state.profile.name} · ${state.profile.base_url}` : null}</p>
      <LoginForm profile={state?.profile ?? null} defaultLogin={state?.login ?? state?.user?.login} />
    </Dialog>
  )
}
