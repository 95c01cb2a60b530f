// The main window and the guards every web contents gets: Electron's security checklist in one place.
import type {
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Session,
  WebContents,
  WebPreferences,
} from 'electron'
import { isSafeExternalUrl, isTrustedRendererUrl } from './security'
import { MIN_WINDOW_SIZE, type WindowState } from './window-state'

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
  }
}

export function mainWindowOptions(options: {
  state: WindowState
  preloadPath: string
  title: string
  icon?: string
}): BrowserWindowConstructorOptions {
  const { state } = options
  return {
    title: options.title,
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : { center: true }),
    minWidth: Math.min(MIN_WINDOW_SIZE.width, state.width),
    minHeight: Math.min(MIN_WINDOW_SIZE.height, state.height),
    show: false,
    backgroundColor: '#f6f7f9',
    autoHideMenuBar: false,
    ...(options.icon ? { icon: options.icon } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  }
}

export interface GuardOptions {
  trustedOrigins: readonly string[]
  /** Hands a URL to the OS browser; only called for URLs that passed isSafeExternalUrl. */
  openExternal: (url: string) => void
  warn: (message: string) => void
}

/** A link out of the app: the OS browser gets it when it is a safe http(s) URL; the app never navigates. */
function openOutside(url: string, options: GuardOptions): void {
  if (isSafeExternalUrl(url) && !isTrustedRendererUrl(url, options.trustedOrigins)) options.openExternal(url)
  else options.warn(`Refused to open ${url.slice(0, 200)}`)
}

/** Navigation only within our own renderer, no new windows, no webviews. */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (isTrustedRendererUrl(url, options.trustedOrigins)) return
    event.preventDefault()
    openOutside(url, options)
  })
  // Subframes (the main frame is will-navigate's): the renderer has no iframes, so none may go anywhere else.
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isTrustedRendererUrl(event.url, options.trustedOrigins)) return
    event.preventDefault()
    options.warn(`Refused a frame navigation to ${event.url.slice(0, 200)}`)
  })
  contents.on('will-redirect', (event, url) => {
    if (isTrustedRendererUrl(url, options.trustedOrigins)) return
    event.preventDefault()
    options.warn(`Refused a redirect to ${url.slice(0, 200)}`)
  })
  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    options.warn('Refused to attach a webview')
  })
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url, options)
    return { action: 'deny' }
  })
}

/** The renderer needs no camera, location, notifications, USB, HID, serial or anything else. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** Shows the window once the first paint is ready (no white flash), then restores maximisation. */
export function showWhenReady(window: BrowserWindow, maximized: boolean): void {
  window.once('ready-to-show', () => {
    if (maximized) window.maximize()
    window.show()
  })
}
