// The desktop window itself (Playwright's Electron driver): the built app against a real sandbox, checked from
// inside the window — what the unit tests of main and the preload only assume. It needs the Electron runtime
// (`node node_modules/electron/install.js`); where it is missing the spec says so in one line and skips at once.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron } from '@playwright/test'
import { electronBinary } from '../scripts/launch/environment'
import { startSandbox } from '../src/server/testing'
import { expect, test } from './fixtures'
import { LoginPage } from './pages/login-page'
import { ShellPage } from './pages/shell-page'

const ROOT = resolve(import.meta.dirname, '..')

test('the desktop window: isolated renderer, a bridge of invoke/cancel/on only, CSP, no navigation away', async () => {
  const binary = electronBinary()
  if (!binary) {
    console.log('Electron window spec skipped: the Electron runtime is not installed here.')
    test.skip(true, 'the Electron runtime is not installed')
    return
  }
  const sandbox = await startSandbox()
  const home = await mkdtemp(join(tmpdir(), 'probonus-electron-'))
  const app = await electron.launch({
    executablePath: binary,
    args: [ROOT],
    cwd: ROOT,
    env: {
      ...process.env,
      // A fresh userData (Electron puts it under XDG_CONFIG_HOME on Linux, APPDATA on Windows).
      XDG_CONFIG_HOME: home,
      APPDATA: home,
      PROBONUS_URL: sandbox.url,
      PROBONUS_PROFILE_SELECT: '1',
    },
  })
  try {
    const win = await app.firstWindow()
    await new LoginPage(win).login('admin', '111')
    await new ShellPage(win).expectVisible()

    const inside = await win.evaluate(async () => {
      const bridge = (window as unknown as { probonus?: Record<string, unknown> }).probonus
      const globals = window as unknown as Record<string, unknown>
      const script = document.createElement('script')
      script.textContent = 'window.__inline = true'
      document.head.append(script)
      const inlineRan = globals.__inline === true
      const evalRan = (() => {
        try {
          return (0, eval)('true') === true
        } catch {
          return false
        }
      })()
      const opened = window.open('https://probonus.example/', '_blank')
      return {
        require: typeof globals.require,
        process: typeof globals.process,
        module: typeof globals.module,
        bridgeKeys: bridge ? Object.keys(bridge).sort() : [],
        inlineRan,
        evalRan,
        opened: opened === null,
        href: location.href,
      }
    })
    expect(inside).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined' })
    expect(inside.bridgeKeys).toEqual(['cancel', 'invoke', 'on'])
    expect(inside.inlineRan, 'an inline script ran: the CSP is not in force').toBe(false)
    expect(inside.evalRan, 'eval ran: the CSP is not in force').toBe(false)
    expect(inside.opened, 'window.open gave a window').toBe(true)
    expect(app.windows()).toHaveLength(1)

    // Navigation away is refused: the window stays on the app.
    await win.evaluate(() => {
      location.href = 'https://probonus.example/'
    })
    await expect.poll(() => win.url()).toBe(inside.href)
  } finally {
    await app.close()
    await sandbox.dispose()
    await rm(home, { recursive: true, force: true })
  }
})
