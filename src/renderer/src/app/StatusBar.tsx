import { useState } from 'react'
import { useT } from './useT'
import { Icon, type IconName } from '../components/Icon'
import { toast } from '../components/toast-store'
import { useDraftsStore } from '../features/drafts/store'
import { useSessionStore } from '../features/session/store'
import { useSyncStore } from '../features/sync/store'
import { formatDataTime, userText } from './format'
import { currentLanguage } from './i18n'
import { useNewestFetchedAt } from './queries'
import { LanguageSwitch } from './LanguageSwitch'
import { ThemeSwitch } from './ThemeSwitch'
import { useUiStore } from './ui-store'

function latest(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b
  return Date.parse(a) >= Date.parse(b) ? a : b
}

/**
 * One clickable item of the status bar: an icon, a short text, and a tooltip saying what a click does. A count
 * («Черновики: 2») keeps its label for screen readers but shows only the number in a narrow window.
 */
function StatusItem({
  icon,
  text,
  count,
  title,
  onClick,
  testId,
  tone,
  spin,
}: {
  icon: IconName
  text: string
  count?: number
  title: string
  onClick: () => void
  testId: string
  tone?: 'is-busy' | 'is-danger' | 'is-warning'
  spin?: boolean
}): React.JSX.Element {
  const classes = [
    'statusbar__item',
    count === undefined ? 'statusbar__item--text' : 'statusbar__item--count',
    tone,
  ]
  return (
    <button
      type="button"
      className={classes.filter(Boolean).join(' ')}
      onClick={onClick}
      title={title}
      data-testid={testId}
    >
      <Icon name={icon} size={14} className={spin ? 'spin' : undefined} />
      {count === undefined ? (
        <span className="statusbar__text">{text}</span>
      ) : (
        <span>
          <span className="statusbar__label">{text}:</span> {count}
        </span>
      )}
    </button>
  )
}

/**
 * The bottom line: server, user and role, connection with the age of the data, and the outbox counts.
 * Every item is a button: the session, a connection check, or the drafts panel on the matching list.
 */
export function StatusBar(): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const session = useSessionStore((store) => store.state)
  const status = useSyncStore((store) => store.status)
  const check = useSyncStore((store) => store.check)
  // drafts:changed carries the counts with every change of a row; the drafts store keeps them.
  const counts = useDraftsStore((store) => store.counts)
  const openDrafts = useUiStore((store) => store.openDrafts)
  const openSession = useUiStore((store) => store.setSessionDialogOpen)
  const [checking, setChecking] = useState(false)

  const online = status?.online ?? true
  // The age of the data: the newest of main's last sync and the lists' own fetch times.
  // On a screen with a list, its own fetch time: what the offline banner above it says too.
  const listsFetchedAt = useNewestFetchedAt()
  const screenFetchedAt = useUiStore((store) => store.screenFetchedAt)
  const dataTime = formatDataTime(
    screenFetchedAt ?? latest(status?.last_sync_at ?? null, listsFetchedAt),
    language,
  )
  const syncing = counts.queued + counts.syncing
  const user = session?.user
  const role = session?.role ? t(`roles.${session.role}`) : ''

  const onCheck = async () => {
    setChecking(true)
    const result = await check()
    setChecking(false)
    if (!result.ok) toast.ipcError(result.error)
    else if (!result.data.online) toast.warning(t('shell.status.stillOffline'))
    else toast.success(online ? t('shell.status.serverAnswers') : t('shell.status.backOnline'))
  }

  return (
    <footer className="statusbar" aria-label={t('shell.status.region')}>
      {session?.profile && (
        <StatusItem
          icon="server"
          text={session.profile.name}
          title={session.profile.base_url}
          onClick={() => openSession(true)}
          testId="status-profile"
        />
      )}
      {user && (
        <StatusItem
          icon="user"
          text={userText(user.name, role)}
          title={t('shell.status.userTitle', { name: user.name, login: user.login, role })}
          onClick={() => openSession(true)}
          testId="status-user"
        />
      )}
      <button
        type="button"
        className={`statusbar__item statusbar__item--text ${online ? 'is-online' : 'is-offline'}`}
        onClick={() => void onCheck()}
        disabled={checking}
        title={
          online
            ? t('shell.status.onlineTitle', { time: dataTime || t('common.never') })
            : t('shell.status.offlineTitle')
        }
        data-testid="status-connection"
      >
        <span
          className={`status-dot ${online ? 'status-dot--online' : 'status-dot--offline'}`}
          aria-hidden="true"
        />
        <span>
          {checking
            ? t('shell.status.checking')
            : online
              ? t('shell.status.online')
              : t('shell.status.offline')}
        </span>
        <span className="muted">
          {dataTime ? t('shell.status.dataAsOf', { time: dataTime }) : t('shell.status.noData')}
        </span>
        {status?.paused && <span className="muted">· {t('shell.status.paused')}</span>}
      </button>
      <span className="spacer" />
      <StatusItem
        icon="sync"
        spin={counts.syncing > 0}
        tone={syncing > 0 ? 'is-busy' : undefined}
        text={t('shell.status.syncing')}
        count={syncing}
        title={t('shell.status.syncingTitle')}
        onClick={() => openDrafts('queued')}
        testId="status-syncing"
      />
      <StatusItem
        icon="drafts"
        text={t('shell.status.drafts')}
        count={counts.drafts}
        title={t('shell.status.draftsTitle')}
        onClick={() => openDrafts('drafts')}
        testId="status-drafts"
      />
      {counts.failed > 0 && (
        <StatusItem
          icon="alert"
          tone="is-danger"
          text={t('shell.status.failed')}
          count={counts.failed}
          title={t('shell.status.failedTitle')}
          onClick={() => openDrafts('failed')}
          testId="status-failed"
        />
      )}
      <StatusItem
        icon="conflict"
        tone={counts.conflicts > 0 ? 'is-warning' : undefined}
        text={t('shell.status.conflicts')}
        count={counts.conflicts}
        title={t('shell.status.conflictsTitle')}
        onClick={() => openDrafts('conflicts')}
        testId="status-conflicts"
      />
      <ThemeSwitch className="statusbar__item" />
      <LanguageSwitch className="statusbar__item" />
    </footer>
  )
}
