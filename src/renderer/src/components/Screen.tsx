import { useEffect, type ReactNode } from 'react'
import { OfflineBanner, ReadOnlyBanner, StaleBanner } from '../app/banners'
import { useUiStore } from '../app/ui-store'

export interface ScreenProps {
  title: string
  subtitle?: ReactNode
  /** Buttons on the right of the header (create, import, refresh). */
  actions?: ReactNode
  /** Shows the read-only banner (the role may not edit here). */
  readOnly?: boolean
  /** The screen's main list was answered from main's cache: its time, for the offline/stale banners. */
  fetchedAt?: string | null
  stale?: boolean
  children: ReactNode
  /** 'split' lays out a list and a detail/editor pane side by side. */
  layout?: 'single' | 'split'
}

/** The frame of every screen: the h1, actions, the banners every screen needs, and the content. */
export function Screen({
  title,
  subtitle,
  actions,
  readOnly,
  fetchedAt,
  stale,
  children,
  layout = 'single',
}: ScreenProps): React.JSX.Element {
  // The status bar names the age of this screen's data, the same as the offline banner here.
  useEffect(() => {
    useUiStore.setState({ screenFetchedAt: fetchedAt ?? null })
    return () => useUiStore.setState({ screenFetchedAt: null })
  }, [fetchedAt])
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen__header">
        <div className="screen__titles">
          <h1 id="screen-title">{title}</h1>
          {subtitle && <p className="screen__subtitle muted">{subtitle}</p>}
        </div>
        {actions && <div className="screen__actions">{actions}</div>}
      </header>
      <div className="screen__banners">
        <OfflineBanner fetchedAt={fetchedAt} />
        {stale && <StaleBanner fetchedAt={fetchedAt ?? null} />}
        {readOnly && <ReadOnlyBanner />}
      </div>
      <div className={`screen__content screen__content--${layout}`}>{children}</div>
    </section>
  )
}
