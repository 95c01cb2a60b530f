// Playwright fixtures: a real sandbox server (temp DB, free port), a browser host on a free port with a fresh data
// dir whose core has the «Локальная песочница» profile for that sandbox, and the app opened on it. The renderer
// is the built one (`npm run build`; `npm run test:e2e` builds first).
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { SANDBOX_PROFILE_NAME } from '../src/main/electron/launch-config'
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/server/testing'
import { DEFAULT_RENDERER_DIR, startBrowserHost, type BrowserHost } from '../src/web/host'

export { expect }
export { SANDBOX_PROFILE_NAME }

export interface ShellFixtures {
  /** Options of this test's sandbox (`test.use({ sandboxOptions: { accessTokenTtlSeconds: 5 } })`). */
  sandboxOptions: SandboxOptions
  /** A fresh, empty data directory for the app's core; removed after the test. */
  dataDir: string
  sandbox: Sandbox
  host: BrowserHost
  /** The app opened on the host with its key, and rendered. */
  app: Page
}

function assertRendererBuilt(): void {
  if (!existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${DEFAULT_RENDERER_DIR}/index.html is missing): run \`npm run build\` ` +
        '(or `npm run test:e2e`, which builds first).',
    )
  }
}

export const test = base.extend<ShellFixtures>({
  sandboxOptions: [{}, { option: true }],

  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'probonus-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  sandbox: async ({ sandboxOptions }, use) => {
    const sandbox = await startSandbox(sandboxOptions)
    await use(sandbox)
    await sandbox.dispose()
  },

  host: async ({ sandbox, dataDir }, use) => {
    assertRendererBuilt()
    const host = await startBrowserHost({
      dataDir,
      defaultProfiles: [{ name: SANDBOX_PROFILE_NAME, baseUrl: sandbox.url }],
      log: () => {},
    })
    await use(host)
    await host.close()
  },

  app: async ({ page, host }, use) => {
    await page.goto(host.urlWithKey)
    // The key is gone from the address bar (the page traded it for its session).
    expect(page.url().startsWith(`${host.url}/`) && !page.url().includes('key=')).toBe(true)
    await expect(page.locator('#root > *').first()).toBeVisible()
    await use(page)
  },
})
