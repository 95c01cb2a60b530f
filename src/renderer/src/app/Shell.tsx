import { Suspense, useEffect } from 'react'
import { useT } from './useT'
import { Icon } from '../components/Icon'
import { LoadingState } from '../components/states'
import { ConflictDialog } from '../features/drafts/ConflictDialog'
import { DraftsPanel } from '../features/drafts/DraftsPanel'
import { SessionDialog } from '../features/session/SessionDialog'
import { useRole } from '../features/session/store'
import { ErrorBoundary } from './ErrorBoundary'
import { hrefTo, navigate, useRoute } from './router'
import { SCREENS } from './screens'
import { focusSearch, useShortcut } from './shortcuts'
import { StatusBar } from './StatusBar'

/** The signed-in app: sidebar, the current screen, the status bar, and the panels they open. */
export function Shell(): React.JSX.Element {
  const t = useT()
  const route = useRoute()
  const role = useRole()
  const shown = SCREENS.filter((screen) => !screen.roles || (role !== null && screen.roles.includes(role)))
  const current = SCREENS.find((screen) => screen.id === route.screen)
  const first = SCREENS[0]

  useEffect(() => {
    // An unknown or empty route goes to the first screen (replacing, so Back does not loop).
    if (!current && first) {
      window.history.replaceState(null, '', hrefTo(first.id))
      navigate(first.id)
    }
  }, [current, first])

  useShortcut('mod+k', () => {
    focusSearch()
  })

  const Screen = current?.component
  return (
    <div className="app-shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(e) => {
          e.preventDefault()
          document.getElementById('main-content')?.focus()
        }}
      >
        {t('shell.main')}
      </a>
      <aside className="sidebar">
        <div className="sidebar__brand">
          <span className="sidebar__logo" aria-hidden="true">
            PB
          </span>
          <span className="sidebar__name">{t('common.appName')}</span>
        </div>
        <nav aria-label={t('shell.nav')} className="sidebar__nav">
          <ul>
            {shown.map((screen) => {
              const active = screen.id === current?.id
              return (
                <li key={screen.id}>
                  <a
                    href={hrefTo(screen.id)}
                    className={active ? 'nav-link is-active' : 'nav-link'}
                    aria-current={active ? 'page' : undefined}
                    data-testid={`nav-${screen.id}`}
                  >
                    <Icon name={screen.icon} />
                    <span>{screen.title(t)}</span>
                  </a>
                </li>
              )
            })}
          </ul>
        </nav>
        <p className="sidebar__hint muted">{t('shell.sidebarHint')}</p>
      </aside>
      <main id="main-content" className="workspace" tabIndex={-1}>
        <ErrorBoundary key={current?.id ?? ''}>
          {/* A screen's chunk loads on its first opening (screens.ts). */}
          <Suspense fallback={<LoadingState />}>{Screen && <Screen params={route.params} />}</Suspense>
        </ErrorBoundary>
      </main>
      <StatusBar />
      <DraftsPanel />
      <ConflictDialog />
      <SessionDialog />
    </div>
  )
}
