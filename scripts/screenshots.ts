// `npx tsx scripts/screenshots.ts [outDir]`: screenshots of the app for the README, taken from the real thing —
// a sandbox server with the demo data, the browser host over the built renderer, Chromium at 1440×900 — in
// Russian, light and dark. Builds the renderer first when it is missing. Writes PNGs to docs/screenshots, and
// the README's picture (the RK catalog, 1280×800) to docs/screenshot.png. `npm run screenshots`.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { connectToHost } from '../e2e/pages/host-ipc'
import { LoginPage } from '../e2e/pages/login-page'
import { RkDiscountsPage } from '../e2e/pages/rk-discounts-page'
import { OtherWorkstation } from '../e2e/pages/sandbox-api'
import { ShellPage } from '../e2e/pages/shell-page'
import type { AccountGroup } from '../src/shared/api'
import { startSandbox } from '../src/server/testing'
import { DEFAULT_RENDERER_DIR, startBrowserHost } from '../src/web/host'
import { chromiumLaunchOptions } from './chromium'

const outDir = resolve(process.argv[2] ?? 'docs/screenshots')
/** The one the README shows (`docs/screenshot.png`; beside the others when an outDir is given). */
const readmeShot = process.argv[2] ? join(outDir, 'screenshot.png') : resolve('docs/screenshot.png')

function ensureBuilt(): void {
  if (existsSync(join(DEFAULT_RENDERER_DIR, 'index.html'))) return
  console.log('Building the renderer first (electron-vite build)…')
  const result = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
  if (result.status !== 0) throw new Error('electron-vite build failed')
}

/** A draft and a conflict, so the status bar and the drafts panel have something to show. */
async function addPendingWork(page: Page, serverUrl: string): Promise<void> {
  const other = await OtherWorkstation.login(serverUrl)
  const groups = await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list')
  const ipc = await connectToHost(page)
  try {
    await ipc.invoke('drafts:save', {
      entity: 'account_group',
      entity_id: null,
      payload: {
        name: 'Гости из отеля',
        description: 'Партнёрская программа',
        ladder_id: null,
        active: true,
      },
    })
    const base = groups.items[0]
    if (!base) return
    await ipc.invoke('account-groups:list', { refresh: true })
    const saved = await ipc.invoke('drafts:save', {
      entity: 'account_group',
      entity_id: base.id,
      payload: {
        name: base.name,
        description: 'Скидки для постоянных гостей',
        ladder_id: base.ladder_id,
        active: true,
      },
    })
    await other.request('PUT', `/account_groups/${base.id}`, {
      name: base.name,
      description: 'Гости, которые бывают у нас каждую неделю',
      ladder_id: base.ladder_id,
      active: false,
      version: base.version,
    })
    if (!saved.ok) throw new Error(`drafts:save: ${saved.error.message}`)
    const published = await ipc.invoke('drafts:publish', { id: saved.data.id })
    if (!published.ok) throw new Error(`drafts:publish: ${published.error.message}`)
  } finally {
    ipc.close()
  }
}

/** The README's picture: the RK catalog with the ladders that use a discount, 1280×800, in Russian. */
async function readmeScreenshot(browser: Browser, urlWithKey: string): Promise<void> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    locale: 'ru-RU',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  })
  try {
    const page = await context.newPage()
    await page.goto(urlWithKey)
    await new ShellPage(page).expectVisible()
    const catalog = new RkDiscountsPage(page)
    await catalog.goto()
    await catalog.table.open('Скидка 10%')
    await catalog.usage.waitFor()
    await page.mouse.move(0, 0)
    await page.screenshot({ path: readmeShot })
  } finally {
    await context.close()
  }
}

async function main(): Promise<void> {
  ensureBuilt()
  mkdirSync(outDir, { recursive: true })
  const sandbox = await startSandbox()
  const dataDir = mkdtempSync(join(tmpdir(), 'probonus-screenshots-'))
  const host = await startBrowserHost({
    dataDir,
    defaultProfiles: [{ name: 'Локальная песочница', baseUrl: sandbox.url }],
    log: () => {},
  })
  const browser = await chromium.launch({ headless: true, ...chromiumLaunchOptions() })
  try {
    for (const colorScheme of ['light', 'dark'] as const) {
      const suffix = colorScheme === 'light' ? '' : '-dark'
      const context = await browser.newContext({
        viewport: { width: 1440, height: 900 },
        deviceScaleFactor: 1,
        locale: 'ru-RU',
        colorScheme,
        reducedMotion: 'reduce',
      })
      const page = await context.newPage()
      await page.goto(host.urlWithKey)
      const login = new LoginPage(page)
      const shell = new ShellPage(page)
      if (colorScheme === 'light') {
        await login.expectVisible()
        await page.screenshot({ path: join(outDir, 'login.png') })
        await login.login('admin', '111')
        await shell.expectVisible()
        await addPendingWork(page, sandbox.url)
        // The worker meets the colleague's change: the status bar shows the conflict.
        await shell.statusConflicts.filter({ hasText: '1' }).waitFor({ timeout: 90_000 })
      }
      await shell.expectVisible()
      await shell.goTo('ladders')
      await page
        .getByRole('grid')
        .getByRole('row', { name: /Гостевая/ })
        .click()
      await page.getByTestId('ladder-details').waitFor()
      await page.mouse.move(0, 0)
      await page.screenshot({ path: join(outDir, `ladders${suffix}.png`) })
      if (colorScheme === 'light') {
        // The other screens, as a person first sees them.
        for (const screen of ['rk-discounts', 'account-groups', 'identifier-types']) {
          const link = page.getByTestId(`nav-${screen}`)
          if ((await link.count()) === 0) continue
          await link.click()
          await page.getByRole('grid').getByRole('row').nth(1).waitFor()
          await page.screenshot({ path: join(outDir, `${screen}.png`) })
        }
        await shell.goTo('ladders')
        await page
          .getByRole('grid')
          .getByRole('row', { name: /Гостевая/ })
          .click()
        await shell.statusConflicts.click()
        await page.getByRole('dialog').getByTestId('draft-row').first().waitFor()
        await page.screenshot({ path: join(outDir, 'drafts.png') })
        await page.getByRole('button', { name: 'Разобрать конфликт' }).click()
        await page.getByTestId('conflict-view').waitFor()
        await page.screenshot({ path: join(outDir, 'conflict.png') })
      }
      await context.close()
    }
    await readmeScreenshot(browser, host.urlWithKey)
    console.log(`Screenshots written to ${outDir} and ${readmeShot}`)
  } finally {
    await browser.close()
    await host.close()
    await sandbox.dispose()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
