import { useT } from './useT'
import { formatDataTime } from './format'
import { currentLanguage } from './i18n'
import { useRole } from '../features/session/store'
import { useSyncStore } from '../features/sync/store'
import { Button } from '../components/Button'
import { Banner } from '../components/states'

/**
 * Shown while the server is unreachable: the data is as of the last sync, and edits become drafts.
 * `fetchedAt` (a list's own fetch time) wins over the global last sync when given.
 */
export function OfflineBanner({ fetchedAt }: { fetchedAt?: string | null }): React.JSX.Element | null {
  const t = useT()
  const status = useSyncStore((store) => store.status)
  const check = useSyncStore((store) => store.check)
  if (!status || status.online) return null
  const time = formatDataTime(fetchedAt ?? status.last_sync_at, currentLanguage())
  return (
    <Banner
      tone="warning"
      icon="offline"
      action={
        <Button size="sm" variant="ghost" icon="refresh" onClick={() => void check()}>
          {t('common.retry')}
        </Button>
      }
    >
      {time ? t('shell.offlineBanner', { time }) : t('shell.offlineBannerNoTime')}
    </Banner>
  )
}

/** The list came from main's cache although the app is online (a server hiccup): say how old it is. */
export function StaleBanner({ fetchedAt }: { fetchedAt: string | null }): React.JSX.Element | null {
  const t = useT()
  const online = useSyncStore((store) => store.status?.online ?? true)
  if (!online || !fetchedAt) return null
  return (
    <Banner tone="info" icon="info">
      {t('shell.staleBanner', { time: formatDataTime(fetchedAt, currentLanguage()) })}
    </Banner>
  )
}

/** Tells a person whose role may not edit this screen that it is read-only for them. */
export function ReadOnlyBanner(): React.JSX.Element | null {
  const t = useT()
  const role = useRole()
  if (!role) return null
  return (
    <Banner tone="info" icon="lock">
      {t('shell.readOnlyBanner', { role: t(`roles.${role}`) })}
    </Banner>
  )
}
