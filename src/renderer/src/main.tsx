import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { warmFormatters } from './app/format'
import { currentLanguage, initI18n } from './app/i18n'
import { applyTheme } from './app/theme'
import { configureHost } from './app/host'
import { configureHostConnection } from './app/host-connection'
import { preloadStartScreen } from './app/preload'
import { getBridge, getHostCapabilities, getHostConnection } from './bridge'
import { configureIpc } from './ipc/client'
import './styles/tokens.css'
import './styles/base.css'
import './styles/components.css'
import './styles/shell.css'

configureIpc(getBridge)
configureHostConnection(getHostConnection())
configureHost(getHostCapabilities())
initI18n()
applyTheme()
preloadStartScreen(window.location.hash)
// While the page waits for the host and its data.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmFormatters(currentLanguage()))

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
