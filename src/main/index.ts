// The Electron entry: lifecycle only. Everything else is in src/main/electron (the shell) and the plain-Node core.
import { app, dialog, protocol } from 'electron'
import log from 'electron-log/main'
import { registerAppSchemePrivileges } from './electron/app-protocol'
import { startDesktop, type Desktop } from './electron/desktop'

// A privileged scheme must be registered before the app is ready.
registerAppSchemePrivileges(protocol)

if (!app.requestSingleInstanceLock()) {
  // Another ProBonus Admin is running: it gets focused through 'second-instance'.
  app.quit()
} else {
  let desktop: Desktop | null = null
  let shutDown = false

  app.on('second-instance', () => {
    void desktop?.showWindow()
  })
  app.on('activate', () => {
    void desktop?.showWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', (event) => {
    if (shutDown || !desktop) return
    // Wait for the core to finish its writes (drafts, outbox) before the process ends.
    event.preventDefault()
    shutDown = true
    desktop
      .shutdown()
      .catch((error: unknown) => log.error('Shutdown failed', error))
      .finally(() => app.quit())
  })

  app
    .whenReady()
    .then(async () => {
      desktop = await startDesktop()
    })
    .catch((error: unknown) => {
      log.error('ProBonus Admin could not start', error)
      dialog.showErrorBox(
        'ProBonus Admin',
        `The app could not start:\n${error instanceof Error ? error.message : String(error)}`,
      )
      app.exit(1)
    })
}
