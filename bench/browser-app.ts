// The app in Chromium for the renderer benches: the built renderer served by a browser host whose default profile
// is the bench's sandbox, and a page signed in as the demo admin.
import type { Page } from '@playwright/test'
import { SANDBOX_PROFILE_NAME } from '../src/main/electron/launch-config'
import { startBrowserHost, type BrowserHost } from '../src/web/host'

export function startAppHost(sandboxUrl: string, rendererDir: string, dataDir: string): Promise<BrowserHost> {
  return startBrowserHost({
    dataDir,
    rendererDir,
    defaultProfiles: [{ name: SANDBOX_PROFILE_NAME, baseUrl: sandboxUrl }],
    log: () => {},
  })
}

/** Opens `url` (the host's, with its key) and signs in as admin: the shell's navigation is then on screen. */
export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('textbox', { name: /^(Логин|Login)/ }).fill('admin')
  await page.getByLabel(/^(Пароль|Password)/).fill('111')
  await page.getByRole('button', { name: /^(Войти|Log in)$/ }).click()
  await page.getByTestId('nav-ladders').waitFor()
}
