// The Electron entry with `electron` stubbed at its one boundary (the runtime is not available under Node):
// the real entry, the real core and a real sandbox server; only Electron's objects are stand-ins that record
// what the shell asks of them.
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { IPC_CHANNELS } from '@shared/ipc/channels'
import { startSandbox, type Sandbox } from '@server/testing'

type Handler = (event: unknown, ...args: unknown[]) => unknown

const stub = vi.hoisted(() => {
  // Plain objects only: vi.hoisted runs before the imports above exist.
  const calls: string[] = []
  const state = {
    userData: '',
    windows: [] as FakeWindow[],
    nextContentsId: 1,
    saveAs: null as string | null,
  }
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const on = (
    target: Map<string, ((...args: unknown[]) => void)[]>,
    name: string,
    fn: (...a: unknown[]) => void,
  ) => {
    target.set(name, [...(target.get(name) ?? []), fn])
  }

  interface FakeContents {
    id: number
    listeners: Map<string, ((...args: unknown[]) => void)[]>
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null
    sent: [string, unknown][]
    on(name: string, fn: (...args: unknown[]) => void): FakeContents
    setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void
    send(channel: string, payload: unknown): void
    isDestroyed(): boolean
  }
  interface FakeWindow {
    options: Record<string, unknown>
    webContents: FakeContents
    loadedUrl: string | null
  }

  function createContents(): FakeContents {
    const contents: FakeContents = {
      id: state.nextContentsId++,
      listeners: new Map(),
      windowOpenHandler: null,
      sent: [],
      on(name, fn) {
        on(contents.listeners, name, fn)
        return contents
      },
      setWindowOpenHandler(fn) {
        contents.windowOpenHandler = fn
      },
      send(channel, payload) {
        contents.sent.push([channel, payload])
      },
      isDestroyed: () => false,
    }
    return contents
  }

  class BrowserWindow {
    options: Record<string, unknown>
    webContents: FakeContents
    loadedUrl: string | null = null
    private handlers = new Map<string, ((...args: unknown[]) => void)[]>()
    constructor(options: Record<string, unknown>) {
      this.options = options
      this.webContents = createContents()
      for (const fn of listeners.get('web-contents-created') ?? []) fn({}, this.webContents)
      state.windows.push(this)
      calls.push('new BrowserWindow')
    }
    on(name: string, fn: (...args: unknown[]) => void) {
      on(this.handlers, name, fn)
      return this
    }
    once(name: string, fn: (...args: unknown[]) => void) {
      return this.on(name, fn)
    }
    async loadURL(url: string) {
      this.loadedUrl = url
    }
    isDestroyed = () => false
    isMinimized = () => false
    isMaximized = () => false
    getNormalBounds = () => ({ x: 10, y: 20, width: 1200, height: 800 })
    show = vi.fn()
    focus = vi.fn()
    restore = vi.fn()
    maximize = vi.fn()
  }

  const ipcHandlers = new Map<string, Handler>()
  const ipcListeners = new Map<string, Handler>()
  const session = {
    permissionRequest: null as null | ((...args: unknown[]) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    devicePermission: null as null | ((...args: unknown[]) => boolean),
    setPermissionRequestHandler(fn: (...args: unknown[]) => void) {
      session.permissionRequest = fn
    },
    setPermissionCheckHandler(fn: (...args: unknown[]) => boolean) {
      session.permissionCheck = fn
    },
    setDevicePermissionHandler(fn: (...args: unknown[]) => boolean) {
      session.devicePermission = fn
    },
  }
  const menus: unknown[] = []

  const electron = {
    app: {
      isPackaged: true,
      name: 'ProBonus Admin',
      requestSingleInstanceLock: vi.fn(() => {
        calls.push('requestSingleInstanceLock')
        return true
      }),
      whenReady: () => {
        calls.push('whenReady')
        return Promise.resolve()
      },
      isReady: () => true,
      getPath: (name: string) => join(state.userData, name === 'userData' ? '' : name),
      getVersion: () => '0.1.0',
      getName: () => 'ProBonus Admin',
      getAppPath: () => process.cwd(),
      getPreferredSystemLanguages: () => ['ru-RU'],
      on(name: string, fn: (...args: unknown[]) => void) {
        on(listeners, name, fn)
        return electron.app
      },
      once(name: string, fn: (...args: unknown[]) => void) {
        return electron.app.on(name, fn)
      },
      off: () => electron.app,
      emit(name: string, ...args: unknown[]) {
        for (const fn of listeners.get(name) ?? []) fn(...args)
      },
      quit: vi.fn(),
      exit: vi.fn(),
    },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => {
        calls.push('registerSchemesAsPrivileged')
      }),
      handle: vi.fn(),
    },
    BrowserWindow: Object.assign(BrowserWindow, { getAllWindows: () => state.windows }),
    ipcMain: {
      handle: vi.fn((channel: string, fn: Handler) => ipcHandlers.set(channel, fn)),
      removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
      on: vi.fn((channel: string, fn: Handler) => ipcListeners.set(channel, fn)),
      removeListener: vi.fn((channel: string) => ipcListeners.delete(channel)),
    },
    session: { defaultSession: session },
    // No keyring: the store must refuse to persist and say so.
    safeStorage: {
      isEncryptionAvailable: () => true,
      getSelectedStorageBackend: () => 'basic_text',
      encryptString: (text: string) => Buffer.from(text),
      decryptString: (data: Buffer) => data.toString(),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    Menu: {
      buildFromTemplate: (template: unknown) => template,
      setApplicationMenu: vi.fn((menu: unknown) => menus.push(menu)),
    },
    shell: { openExternal: vi.fn(async () => {}), openPath: vi.fn(async () => '') },
    dialog: {
      showMessageBox: vi.fn(async () => ({ response: 0 })),
      showErrorBox: vi.fn(),
      // The user picks `state.saveAs` in the save dialog (null: cancels it).
      showSaveDialog: vi.fn(async () =>
        state.saveAs ? { canceled: false, filePath: state.saveAs } : { canceled: true, filePath: '' },
      ),
    },
    webContents: { getAllWebContents: () => state.windows.map((window) => window.webContents) },
  }
  return { electron, calls, state, ipcHandlers, ipcListeners, session, menus }
})

vi.mock('electron', () => ({ ...stub.electron, default: stub.electron }))

let sandbox: Sandbox
const savedEnv = { ...process.env }

function mainWindow() {
  const window = stub.state.windows[0]
  if (!window) throw new Error('no window was created')
  return window
}

function invokeEvent(overrides: { senderId?: number; url?: string; parent?: unknown } = {}) {
  return {
    sender: { id: overrides.senderId ?? mainWindow().webContents.id },
    senderFrame: { url: overrides.url ?? 'app://renderer/index.html', parent: overrides.parent ?? null },
  }
}

async function invoke(channel: string, input?: unknown, event = invokeEvent()): Promise<unknown> {
  const handler = stub.ipcHandlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler(event, input)
}

function contentsListeners(name: string): ((...args: unknown[]) => void)[] {
  return mainWindow().webContents.listeners.get(name) ?? []
}

beforeAll(async () => {
  sandbox = await startSandbox()
  stub.state.userData = await mkdtemp(join(tmpdir(), 'probonus-shell-'))
  process.env.PROBONUS_URL = sandbox.url
  Reflect.deleteProperty(process.env, 'PROBONUS_PROFILE_NAME')
  Reflect.deleteProperty(process.env, 'ELECTRON_RENDERER_URL')
  // electron-log is CommonJS outside vitest's module graph: give its require('electron') the same stand-in.
  const require = createRequire(import.meta.url)
  const electronPath = require.resolve('electron', { paths: [require.resolve('electron-log/main')] })
  require.cache[electronPath] = {
    id: electronPath,
    filename: electronPath,
    loaded: true,
    exports: stub.electron,
  } as unknown as NodeJS.Module
  await import('../index')
  await vi.waitFor(() => expect(mainWindow().loadedUrl).not.toBeNull(), { timeout: 20_000 })
})

afterAll(async () => {
  const quitEvent = { preventDefault: vi.fn() }
  stub.electron.app.emit('will-quit', quitEvent)
  if (quitEvent.preventDefault.mock.calls.length > 0) {
    await vi.waitFor(() => expect(stub.electron.app.quit).toHaveBeenCalled(), { timeout: 10_000 })
  }
  process.env = savedEnv
  await sandbox?.dispose()
  if (stub.state.userData) await rm(stub.state.userData, { recursive: true, force: true })
})

describe('the Electron entry', () => {
  it('registers the app:// scheme as privileged before ready and takes the single-instance lock', () => {
    expect(stub.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ])
    expect(stub.calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(stub.calls.indexOf('whenReady'))
    expect(stub.electron.app.requestSingleInstanceLock).toHaveBeenCalled()
    expect(stub.electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('opens one window with the secure web preferences and loads the renderer from app://', () => {
    expect(stub.state.windows).toHaveLength(1)
    const preferences = mainWindow().options.webPreferences as Record<string, unknown>
    expect(preferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // No experimental web platform features, no navigation by dropping a file or link on the window, and a
      // page that keeps opening dialogs gets the "prevent more dialogs" box.
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    })
    expect(String(preferences.preload)).toMatch(/[\\/]preload[\\/]index\.cjs$/)
    expect(mainWindow().loadedUrl).toBe('app://renderer/index.html')
  })

  it('registers every contract channel with ipcMain.handle (and nothing else of ours)', () => {
    for (const channel of IPC_CHANNELS) expect(stub.ipcHandlers.has(channel), channel).toBe(true)
    const extra = [...stub.ipcHandlers.keys()].filter(
      (channel) => !(IPC_CHANNELS as readonly string[]).includes(channel) && channel !== '__ELECTRON_LOG__',
    )
    expect(extra).toEqual([])
  })

  it('serves the top frame of its window and refuses other senders', async () => {
    expect(await invoke('profiles:list')).toMatchObject({
      ok: true,
      data: { items: [{ name: 'Локальная песочница', base_url: sandbox.url }] },
    })
    const refused = { ok: false, error: { code: 'forbidden' } }
    expect(await invoke('profiles:list', undefined, invokeEvent({ senderId: 999 }))).toMatchObject(refused)
    expect(
      await invoke('profiles:list', undefined, invokeEvent({ url: 'https://evil.example/' })),
    ).toMatchObject(refused)
    expect(
      await invoke('profiles:list', undefined, invokeEvent({ url: 'file:///etc/passwd' })),
    ).toMatchObject(refused)
    expect(
      await invoke('profiles:list', undefined, invokeEvent({ parent: { url: 'app://renderer/' } })),
    ).toMatchObject(refused)
    const noFrame = { sender: { id: mainWindow().webContents.id }, senderFrame: null }
    expect(await invoke('profiles:list', undefined, noFrame as never)).toMatchObject(refused)
  })

  it('logs into the sandbox through IPC, pushes session events to the window, and keeps the token in main', async () => {
    const result = (await invoke('session:login', { username: 'admin', password: '111' })) as {
      ok: boolean
      data?: {
        status: string
        user: { name: string } | null
        remembered: boolean
        not_remembered_reason?: string
      }
    }
    expect(result).toMatchObject({ ok: true, data: { status: 'signed_in' } })
    expect(result.data?.user?.name).toBeTruthy()
    // basic_text backend: nothing is remembered, and the session says why.
    expect(result.data?.remembered).toBe(false)
    expect(result.data?.not_remembered_reason).toBe('no_keyring')
    await vi.waitFor(() =>
      expect(mainWindow().webContents.sent.some(([channel]) => channel === 'session:changed')).toBe(true),
    )
    const everythingSent = JSON.stringify([result, mainWindow().webContents.sent])
    expect(everythingSent).not.toMatch(/access_token|refresh_token|eyJ[\w-]+\.[\w-]+/)
  })

  it('saves a file through the save dialog over its window, byte for byte, and reports a cancel', async () => {
    const showSaveDialog = stub.electron.dialog.showSaveDialog
    stub.state.saveAs = join(stub.state.userData, 'Скидки RK.csv')
    const text = '\uFEFFКод;Название\r\n101;Скидка 3%\r\n'
    expect(await invoke('files:save', { name: 'rk-discounts.csv', text })).toEqual({
      ok: true,
      data: { saved: true, path: stub.state.saveAs },
    })
    expect(showSaveDialog).toHaveBeenLastCalledWith(
      mainWindow(),
      expect.objectContaining({
        defaultPath: join(stub.state.userData, 'documents', 'rk-discounts.csv'),
        filters: expect.arrayContaining([{ name: 'CSV', extensions: ['csv'] }]) as unknown,
      }),
    )
    const bytes = readFileSync(stub.state.saveAs)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(3).toString('utf8')).toBe('Код;Название\r\n101;Скидка 3%\r\n')

    stub.state.saveAs = null
    expect(await invoke('files:save', { name: 'rk-discounts.csv', text })).toEqual({
      ok: true,
      data: { saved: false, path: null },
    })
    // The page suggests a name, never a folder.
    expect(await invoke('files:save', { name: '../../.bashrc', text })).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    })
  })

  it('denies navigation away, new windows and webviews; opens only safe http(s) links outside', () => {
    const navigate = contentsListeners('will-navigate')
    expect(navigate.length).toBeGreaterThan(0)
    const external = { preventDefault: vi.fn() }
    for (const fn of navigate) fn(external, 'https://probonus.example/help')
    expect(external.preventDefault).toHaveBeenCalled()
    expect(stub.electron.shell.openExternal).toHaveBeenCalledWith('https://probonus.example/help')

    stub.electron.shell.openExternal.mockClear()
    const local = { preventDefault: vi.fn() }
    for (const fn of navigate) fn(local, 'file:///etc/passwd')
    expect(local.preventDefault).toHaveBeenCalled()
    const tricky = { preventDefault: vi.fn() }
    for (const fn of navigate) fn(tricky, 'http://user:pass@evil.example/?next=app://renderer/')
    expect(tricky.preventDefault).toHaveBeenCalled()
    expect(stub.electron.shell.openExternal).not.toHaveBeenCalled()

    const openHandler = mainWindow().webContents.windowOpenHandler
    expect(openHandler).not.toBeNull()
    expect(openHandler?.({ url: 'https://probonus.example/docs' })).toEqual({ action: 'deny' })
    expect(stub.electron.shell.openExternal).toHaveBeenCalledWith('https://probonus.example/docs')
    expect(openHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(stub.electron.shell.openExternal).toHaveBeenCalledTimes(1)

    const webview = { preventDefault: vi.fn() }
    for (const fn of contentsListeners('will-attach-webview')) fn(webview, {}, {})
    expect(webview.preventDefault).toHaveBeenCalled()
    const frame = { preventDefault: vi.fn(), url: 'https://evil.example/', isMainFrame: false }
    for (const fn of contentsListeners('will-frame-navigate')) fn(frame)
    expect(frame.preventDefault).toHaveBeenCalled()

    // A server redirect is refused unless it stays within our renderer, and never goes to the OS browser either.
    const redirect = contentsListeners('will-redirect')
    expect(redirect.length).toBeGreaterThan(0)
    for (const target of ['https://evil.example/', 'file:///etc/passwd', 'app://other/']) {
      const event = { preventDefault: vi.fn() }
      for (const fn of redirect) fn(event, target)
      expect(event.preventDefault, target).toHaveBeenCalled()
    }
    const inside = { preventDefault: vi.fn() }
    for (const fn of redirect) fn(inside, 'app://renderer/index.html')
    expect(inside.preventDefault).not.toHaveBeenCalled()
    expect(stub.electron.shell.openExternal).toHaveBeenCalledTimes(1)
  })

  it('denies every permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn()
      stub.session.permissionRequest?.(mainWindow().webContents, permission, callback, {})
      expect(callback, permission).toHaveBeenCalledWith(false)
      expect(stub.session.permissionCheck?.(mainWindow().webContents, permission, 'app://renderer', {})).toBe(
        false,
      )
    }
    expect(stub.session.devicePermission?.({ deviceType: 'usb' })).toBe(false)
  })

  it('installs a Russian application menu, and follows the language the renderer reports', () => {
    const labels = () => (stub.menus.at(-1) as { label?: string }[]).map((item) => item.label)
    expect(labels()).toEqual(['Файл', 'Правка', 'Вид', 'Окно', 'Справка'])
    const report = stub.ipcListeners.get('shell:language')
    if (!report) throw new Error('main does not listen for the language')
    report(invokeEvent({ url: 'https://evil.example/' }), 'en')
    expect(labels()[0]).toBe('Файл')
    report(invokeEvent(), 'en')
    expect(labels()).toEqual(['File', 'Edit', 'View', 'Window', 'Help'])
    report(invokeEvent(), 'ru-RU')
    expect(labels()[0]).toBe('Файл')
    report(invokeEvent(), { not: 'a string' })
    expect(labels()[0]).toBe('Файл')
  })

  it('closes the core before quitting', async () => {
    const quitEvent = { preventDefault: vi.fn() }
    stub.electron.app.emit('will-quit', quitEvent)
    expect(quitEvent.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(stub.electron.app.quit).toHaveBeenCalled(), { timeout: 10_000 })
  })
})
