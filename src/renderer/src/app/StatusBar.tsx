import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Icon } from '../components/Icon'
import { toast } from '../components/toast-store'
import { useDraftsStore } from '../features/drafts/store'
import { useEntitiesStore, type EntitiesStore } from '../features/entities/store'
import { useSessionStore } from '../features/session/store'
import { useSyncStore } from '../features/sync/store'
import { formatDataTime } from './format'
import { currentLanguage } from './i18n'
import { LanguageSwitch } from './LanguageSwitch'
import { useUiStore } from './ui-store'

function latest(a: string | null, b: string | null): string | null {
  if (!a || !b) return a ?? b
  return Date.parse(a) >= Date.parse(b) ? a : b
}

function latestFetch(lists: EntitiesStore['lists']): string | null {
  let result: string | null = null
  for (const entry of Object.values(lists)) result = latest(result, entry?.fetchedAt ?? null)
  return result
}

/**
 * The bottom line: server, user and role, connection with the age of the data, and the outbox counts.
 * Every item is a button: the session, a connection check, or the drafts panel on the matching list.
 */
export function StatusBar(): React.JSX.Element {
  const { t } = useTranslation()
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
  const listsFetchedAt = useEntitiesStore((store) => latestFetch(store.lists))
  const dataTime = formatDataTime(latest(status?.last_sync_at ?? null, listsFetchedAt), language)
  const syncing = counts.queued + counts.syncing
  const user = session?.user
  const role = session?.role ? t(`roles.${session.role}`) : ''

  const onCheck = async () => {
    setChecking(true)
    const result = await check()
    setChecking(false)
    if (!result.ok) toast.error(t(`errors.${result.error.code}`, { seconds: 0 }), result.error.message)
    else if (result.data.online && !online) toast.success(t('shell.status.backOnline'))
    else if (!result.data.online) toast.warning(t('shell.status.stillOffline'))
  }

  return (
    <footer className="statusbar" aria-label={t('shell.status.region')}>
      {session?.profile && (
        <button
          type="button"
          className="statusbar__item"
          onClick={() => openSession(true)}
          title={session.profile.base_url}
          data-testid="status-profile"
        >
          <Icon name="server" size={14} />
          <span>{session.profile.name}</span>
        </button>
      )}
      {user && (
        <button
          type="button"
          className="statusbar__item"
          onClick={() => openSession(true)}
          title={t('shell.status.userTitle', { name: user.name, login: user.login, role })}
          data-testid="status-user"
        >
          <Icon name="user" size={14} />
          <span>{t('shell.status.user', { name: user.name, role })}</span>
        </button>
      )}
      <button
        type="button"
        className={`statusbar__item ${online ? 'is-online' : 'is-offline'}`}
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
      <button
        type="button"
        className={`statusbar__item ${syncing > 0 ? 'is-busy' : ''}`}
        onClick={() => openDrafts('queued')}
        title={t('shell.status.syncingTitle')}
        data-testid="status-syncing"
      >
        <Icon name="sync" size={14} className={counts.syncing > 0 ? 'spin' : undefined} />
        <span>{t('shell.status.syncing', { count: syncing })}</span>
      </button>
      <button
        type="button"
        className="statusbar__item"
        onClick={() => openDrafts('drafts')}
        title={t('shell.status.draftsTitle')}
        data-testid="status-drafts"
      >
        <Icon name="drafts" size={14} />
        <span>{t('shell.status.drafts', { count: counts.drafts })}</span>
      </button>
      {counts.failed > 0 && (
        <button
          type="button"
          className="statusbar__item is-danger"
          onClick={() => openDrafts('failed')}
          title={t('shell.status.failedTitle')}
          data-testid="status-failed"
        >
          <Icon name="alert" size={14} />
          <span>{t('shell.status.failed', { count: counts.failed })}</span>
        </button>
      )}
      <button
        type="button"
        className={`statusbar__item ${counts.conflicts > 0 ? 'is-warning' : ''}`}
        onClick={() => openDrafts('conflicts')}
        title={t('shell.status.conflictsTitle')}
        data-testid="status-conflicts"
      >
        <Icon name="conflict" size={14} />
        <span>{t('shell.status.conflicts', { count: counts.conflicts })}</span>
      </button>
      <LanguageSwitch className="statusbar__item" />
    </footer>
  )
}
