// The desktop app once Electron is ready: the core behind ipcMain, the renderer from app:// (or the dev server),
// one guarded window whose size and position are remembered, the menu, logs. index.ts owns the lifecycle.
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  type WebContents,
} from 'electron'
import log from 'electron-log/main'
import { createCore } from '../core'
import { serveRendererFromAppScheme } from './app-protocol'
import { bindRegistryToIpcMain, followRendererLanguage, forwardRegistryEvents } from './ipc-main'
import { defaultProfilesFromEnv, ensureLaunchProfile, selectLaunchProfileFromEnv } from './launch-config'
import { buildMenuTemplate, menuLanguageOf, type MenuLanguage } from './menu'
import { createSafeStorageSecretStore } from './safe-storage-secret-store'
import { createSaveFile } from './save-file'
import { APP_ENTRY_URL, trustedRendererOrigins } from './security'
import { denyAllPermissions, guardWebContents, mainWindowOptions, showWhenReady } from './window'
import { loadWindowState, saveWindowState } from './window-state'

export interface Desktop {
  /** Shows and focuses the window, creating it again if it was closed (macOS keeps the app running). */
  showWindow(): Promise<void>
  setMenuLanguage(language: MenuLanguage): void
  /** Saves the window state, unbinds IPC and closes the core (waits for pending writes). */
  shutdown(): Promise<void>
}

const SAVE_WINDOW_STATE_DELAY_MS = 400

function logError(message: string, error?: unknown): void {
  if (error === undefined) log.error(message)
  else log.error(message, error)
}

export async function startDesktop(): Promise<Desktop> {
  const userData = app.getPath('userData')
  const mainDir = import.meta.dirname
  // The dev server is used only while developing (never by a packaged app, whatever the environment says).
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL
  const trustedOrigins = trustedRendererOrigins(devServerUrl)
  const rendererUrl = devServerUrl && trustedOrigins.length > 1 ? devServerUrl : APP_ENTRY_URL

  log.transports.file.level = 'info'
  log.transports.console.level = app.isPackaged ? false : 'info'
  log.errorHandler.startCatching({ showDialog: false })
  log.info(`ProBonus Admin ${app.getVersion()} starting (Electron ${process.versions.electron ?? '?'})`)

  denyAllPermissions(session.defaultSession)
  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, {
      trustedOrigins,
      openExternal: (url) =>
        void shell.openExternal(url).catch((error: unknown) => logError('openExternal', error)),
      warn: (message) => log.warn(message),
    })
  })
  if (rendererUrl === APP_ENTRY_URL) serveRendererFromAppScheme(protocol, join(mainDir, '../renderer'))

  const secretStore = await createSafeStorageSecretStore({
    safeStorage,
    filePath: join(userData, 'secrets.json'),
    log: logError,
  })
  if (!secretStore.persistent) {
    log.warn(
      `Logins will not be remembered on this computer: ${secretStore.notPersistentReason ?? 'unknown'}`,
    )
  }
  const launchProfiles = defaultProfilesFromEnv(process.env)
  let window: BrowserWindow | null = null
  const core = await createCore({
    dataDir: join(userData, 'data'),
    secretStore,
    defaultProfiles: launchProfiles,
    log: logError,
    host: {
      saveFile: createSaveFile({
        dialog,
        window: () => (window && !window.isDestroyed() ? window : null),
        defaultDir: () => app.getPath('documents'),
      }),
    },
  })
  for (const profile of launchProfiles) {
    await ensureLaunchProfile(core.registry, profile, {
      select: selectLaunchProfileFromEnv(process.env),
      log: (message) => log.warn(message),
    })
  }

  const policy = { webContentsId: () => liveContents()?.id ?? null, trustedOrigins }
  const unbind = bindRegistryToIpcMain({
    ipcMain,
    registry: core.registry,
    policy,
    warn: (message) => log.warn(message),
  })
  const stopFollowingLanguage = followRendererLanguage({
    ipcMain,
    policy,
    onLanguage: (language) => setMenuLanguage(menuLanguageOf([language])),
  })
  const stopForwarding = forwardRegistryEvents(core.registry, () => liveContents())

  function liveContents(): WebContents | null {
    return window && !window.isDestroyed() ? window.webContents : null
  }

  // The app's own default until the renderer reports the language it shows (see followRendererLanguage).
  let menuLanguage: MenuLanguage = 'ru'
  function setMenuLanguage(language: MenuLanguage): void {
    if (language === menuLanguage) return
    menuLanguage = language
    installMenu()
  }
  function installMenu(): void {
    const template = buildMenuTemplate({
      language: menuLanguage,
      platform: process.platform,
      appName: app.getName(),
      development: !app.isPackaged,
      showAbout: () => {
        void dialog.showMessageBox({
          type: 'info',
          title: app.getName(),
          message: `${app.getName()} ${app.getVersion()}`,
          detail: `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
        })
      },
      openLogs: () => void shell.openPath(dirname(log.transports.file.getFile().path)),
    })
    Menu.setApplicationMenu(Menu.buildFromTemplate(template))
  }
  installMenu()

  const windowStateFile = join(userData, 'window-state.json')
  let pendingSave: Promise<void> = Promise.resolve()
  let saveTimer: NodeJS.Timeout | null = null
  function saveNow(target: BrowserWindow): void {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = null
    if (target.isDestroyed()) return
    const bounds = target.getNormalBounds()
    const maximized = target.isMaximized()
    pendingSave = pendingSave
      .then(() => saveWindowState(windowStateFile, bounds, maximized))
      .catch((error: unknown) => logError('Could not save the window state', error))
  }

  async function createWindow(): Promise<BrowserWindow> {
    const workAreas = screen.getAllDisplays().map((display) => display.workArea)
    const state = await loadWindowState(windowStateFile, workAreas)
    const iconPath = join(app.getAppPath(), 'build', 'icon.png')
    const created = new BrowserWindow(
      mainWindowOptions({
        state,
        preloadPath: join(mainDir, '../preload/index.cjs'),
        title: app.getName(),
        ...(existsSync(iconPath) ? { icon: iconPath } : {}),
      }),
    )
    const scheduleSave = (): void => {
      if (saveTimer) clearTimeout(saveTimer)
      saveTimer = setTimeout(() => saveNow(created), SAVE_WINDOW_STATE_DELAY_MS)
    }
    created.on('resize', scheduleSave)
    created.on('move', scheduleSave)
    created.on('close', () => saveNow(created))
    created.on('closed', () => {
      if (window === created) window = null
    })
    created.webContents.on('render-process-gone', (_event, details) => {
      log.error(`Renderer gone: ${details.reason} (exit code ${details.exitCode})`)
    })
    showWhenReady(created, state.maximized)
    window = created
    await created.loadURL(rendererUrl)
    return created
  }

  await createWindow()

  return {
    async showWindow() {
      const current = window && !window.isDestroyed() ? window : await createWindow()
      if (current.isMinimized()) current.restore()
      current.show()
      current.focus()
    },
    setMenuLanguage,
    async shutdown() {
      if (window && !window.isDestroyed()) saveNow(window)
      unbind()
      stopFollowingLanguage()
      stopForwarding()
      await pendingSave
      await core.close()
      log.info('ProBonus Admin stopped')
    },
  }
}
