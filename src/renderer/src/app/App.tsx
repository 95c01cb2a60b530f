import { lazy, Suspense, useEffect } from 'react'
import { QueryClientProvider } from '@tanstack/react-query'
import { I18nextProvider } from 'react-i18next'
import { useT } from './useT'
import { Banner, ErrorState, LoadingState } from '../components/states'
import { Toaster } from '../components/Toaster'
import { useSessionStore } from '../features/session/store'
import { startStores } from './boot'
import { ErrorBoundary } from './ErrorBoundary'
import { useHostConnectionState } from './host-connection'
import { i18n } from './i18n'
import { queryClient } from './queries'

// The login screen and the shell are chunks of their own (the initial JS stays small: bench/renderer-bundle). The
// shell is fetched as soon as this module runs, alongside the session's state (a session is usually remembered);
// the login screen once the session says signed out, so that a signed-in start does not spend its time on it.
const shellModule = import('./Shell')
const LoginScreen = lazy(async () => ({
  default: (await import('../features/session/LoginScreen')).LoginScreen,
}))
const Shell = lazy(async () => ({ default: (await shellModule).Shell }))
const SessionExpiredDialog = lazy(async () => ({
  default: (await import('../features/session/SessionExpiredDialog')).SessionExpiredDialog,
}))

function Content(): React.JSX.Element {
  const loading = (
    <div className="app-center">
      <LoadingState />
    </div>
  )
  return (
    <Suspense fallback={loading}>
      <SessionContent loading={loading} />
    </Suspense>
  )
}

function SessionContent({ loading }: { loading: React.JSX.Element }): React.JSX.Element {
  const t = useT()
  const loaded = useSessionStore((store) => store.loaded)
  const loadError = useSessionStore((store) => store.loadError)
  const state = useSessionStore((store) => store.state)
  const reload = useSessionStore((store) => store.reload)

  if (!loaded) return loading
  if (!state) {
    return (
      <div className="app-center">
        <ErrorState message={loadError?.message ?? t('errors.internal')} onRetry={() => void reload()} />
      </div>
    )
  }
  if (state.status === 'signed_out') return <LoginScreen />
  return (
    <>
      <Shell />
      {state.status === 'expired' && <SessionExpiredDialog />}
    </>
  )
}

/** The app's own host (the browser host) stopped answering: nothing reaches main until it is back. */
function HostBanner(): React.JSX.Element | null {
  const t = useT()
  const state = useHostConnectionState()
  if (state !== 'unreachable' && state !== 'unauthorized') return null
  return (
    <div className="host-banner">
      <Banner tone="danger" icon="offline">
        {state === 'unreachable' ? t('shell.hostUnreachable') : t('shell.hostUnauthorized')}
      </Banner>
    </div>
  )
}

/** The whole renderer: providers, the boot of the stores, and the screen for the session's state. */
export function App(): React.JSX.Element {
  useEffect(() => startStores(), [])
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <ErrorBoundary>
          <HostBanner />
          <Content />
        </ErrorBoundary>
        <Toaster />
      </I18nextProvider>
    </QueryClientProvider>
  )
}
