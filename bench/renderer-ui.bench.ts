// The renderer in Chromium, through the browser host, against a sandbox with large data (1,000 more ladders and
// 10,000 RK discounts): time to interactive of the ladders list and of the RK catalog against the minimal React
// page served the same way (a second host over bench/minimal-react), a filter keystroke in the 10,000-row
// catalog, and the JS heap (the catalog open; after opening every screen ten times).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type CDPSession, type Locator, type Page } from '@playwright/test'
import { SANDBOX_PROFILE_NAME } from '../src/main/electron/launch-config'
import { startSandbox } from '../src/server/testing'
import { startBrowserHost, type BrowserHost } from '../src/web/host'
import { tokenPair } from '../src/shared/api'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { buildApp, buildMinimalReact } from './renderer-build'
import type { Bench, BenchFigure } from './run'

const LADDERS = 1000
const DISCOUNTS = 10_000
const TTI_RUNS = Number(process.env.BENCH_TTI_RUNS ?? 7)
const KEYSTROKE_ROUNDS = 6
const SCREEN_ROUNDS = 10

export const median = (values: readonly number[]): number => percentile(values, 50)
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

export async function api(
  url: string,
  method: string,
  token: string | null,
  body?: unknown,
): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

/** The large data: LADDERS ladders of 5 steps and DISCOUNTS RK discounts (one import). */
async function fill(apiUrl: string): Promise<void> {
  const login = { username: 'admin', password: '111' }
  const token = tokenPair.parse(await api(`${apiUrl}/auth/login`, 'POST', null, login)).access_token
  const discounts = Array.from({ length: DISCOUNTS }, (_, i) => ({
    rk_code: 10_000 + i,
    name: `Скидка бенча ${i + 1}`,
    kind: i % 3 === 0 ? 'amount' : 'percent',
    value: i % 3 === 0 ? 100 + (i % 900) : 1 + (i % 50),
    active: i % 10 !== 0,
  }))
  await api(`${apiUrl}/rk_discounts/import`, 'POST', token, { discounts })
  for (let i = 0; i < LADDERS; i += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, LADDERS - i) }, (_, j) =>
        api(`${apiUrl}/ladders/create`, 'POST', token, {
          name: `Лестница бенча ${i + j + 1}`,
          basis: (i + j) % 2 ? 'visits' : 'spend',
          period: 'all_time',
          period_days: null,
          downgrade: true,
          active: true,
          steps: Array.from({ length: 5 }, (_, step) => ({
            name: `Ступень ${step + 1}`,
            threshold: step * 10_000,
            rk_discount_id: null,
            bonus_percent: step + 1,
            max_payment_percent: null,
          })),
        }),
      ),
    )
  }
}

// The in-page probes go as source text, with the `__name` helper tsx (esbuild's keepNames) wraps their inner
// functions in: the page has none.
export const inPage = (probe: (argument: string) => void, argument: string): string =>
  `(() => { const __name = (f) => f; (${probe.toString()})(${JSON.stringify(argument)}) })()`

/** Sets `window.__benchTti` once `selector` is on screen and the next task runs. */
const ttiProbe = (selector: string): void => {
  const state = window as unknown as { __benchTti?: number }
  function check(): void {
    if (document.querySelector(selector)) setTimeout(() => (state.__benchTti = performance.now()), 0)
    else requestAnimationFrame(check)
  }
  requestAnimationFrame(check)
}

/**
 * Times the next keydown until the frame that shows `grid`'s new aria-rowcount is rendered (no selector: until the
 * next frame is): `window.__benchKey`.
 */
const keystrokeProbe = (gridSelector: string): void => {
  const state = window as unknown as { __benchKey?: { start: number; end?: number } }
  const rowCount = (): string | null | undefined =>
    gridSelector ? document.querySelector(gridSelector)?.getAttribute('aria-rowcount') : null
  const before = rowCount()
  const run: { start: number; end?: number } = { start: 0 }
  state.__benchKey = run
  const scheduler = (window as { scheduler?: { postTask(task: () => void, options: object): unknown } })
    .scheduler
  const end = (): void => void (run.end = performance.now())
  function poll(): void {
    if (gridSelector && rowCount() === before) return void requestAnimationFrame(poll)
    // This frame draws the change: its rendering follows the animation callbacks in the same task, and a task
    // posted ahead of the others runs right after it.
    if (scheduler) scheduler.postTask(end, { priority: 'user-blocking' })
    else setTimeout(end, 0)
  }
  window.addEventListener(
    'keydown',
    (event) => {
      run.start = event.timeStamp
      requestAnimationFrame(poll)
    },
    { capture: true, once: true },
  )
}

/**
 * Milliseconds from navigation start until `selector` is on screen and the main thread is free again (the
 * first task after the frame that shows it): installed before the page's own scripts run.
 */
async function timeToInteractive(page: Page, url: string, selector: string): Promise<number> {
  await page.addInitScript({ content: inPage(ttiProbe, selector) })
  await page.goto(url)
  return poll(page, () => (window as unknown as { __benchTti?: number }).__benchTti)
}

/**
 * Polls `read` in the page until it gives a number. (Not waitForFunction: the host's CSP forbids the eval it
 * uses; evaluate goes through the debugger protocol.)
 */
export async function poll(
  page: Page,
  read: () => number | null | undefined,
  timeoutMs = 30_000,
): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await page.evaluate(read)
    if (typeof value === 'number') return value
    if (Date.now() > deadline) {
      await page.screenshot({ path: join(tmpdir(), 'probonus-bench-timeout.png') })
      throw new Error(`renderer bench: nothing after ${timeoutMs} ms (screenshot in the temp dir)`)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Used JS heap after a full garbage collection, MB. */
async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  return usedSize / 2 ** 20
}

/**
 * The JS objects the page keeps, MB: a heap snapshot after a full garbage collection, V8's compiled code (bytecode,
 * machine code, their metadata) and the embedder's (DOM) objects left out. Compiled code grows while V8 tiers up
 * the functions a page keeps running — warm-up, not something the page holds on to — and it dominates the used
 * heap's growth over repeated visits; the objects are what a leak would add to.
 */
async function jsObjectsMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const chunks: string[] = []
  const onChunk = (event: { chunk: string }) => chunks.push(event.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  }
  const snapshot = JSON.parse(chunks.join('')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } }
    nodes: number[]
  }
  const { node_fields: fields, node_types: nodeTypes } = snapshot.snapshot.meta
  const typeAt = fields.indexOf('type')
  const sizeAt = fields.indexOf('self_size')
  const left = new Set(['code', 'native', 'synthetic'])
  let bytes = 0
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = nodeTypes[0][snapshot.nodes[i + typeAt] ?? 0] ?? ''
    if (!left.has(type)) bytes += snapshot.nodes[i + sizeAt] ?? 0
  }
  return bytes / 2 ** 20
}

/** A plain, empty input outside React, fixed in a corner of the page: the baseline of the keystroke benches. */
export async function addPlainInput(page: Page): Promise<Locator> {
  await page.evaluate(() => {
    const input = document.createElement('input')
    input.id = 'bench-plain-input'
    input.setAttribute('aria-label', 'bench')
    Object.assign(input.style, { position: 'fixed', right: '0', bottom: '0', width: '80px' })
    document.body.appendChild(input)
  })
  return page.locator('#bench-plain-input')
}

/** Keydown until the frame showing the grid's new row count (no grid: the next frame) is rendered, ms. */
async function keystroke(page: Page, grid: string, key: string): Promise<number> {
  await page.evaluate(inPage(keystrokeProbe, grid))
  // Sent at a random moment of the frame, so that the figure does not lock into one phase of the display's frames.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * 17))
  await page.keyboard.press(key)
  return poll(page, () => {
    const run = (window as unknown as { __benchKey?: { start: number; end?: number } }).__benchKey
    return run?.end === undefined ? null : run.end - run.start
  })
}

const bench: Bench = {
  title: `renderer in Chromium via the browser host: ${LADDERS} ladders, ${DISCOUNTS} RK discounts`,
  async run() {
    const appDir = await buildApp()
    const minimalDir = await buildMinimalReact()
    const work = mkdtempSync(join(tmpdir(), 'probonus-renderer-bench-'))
    const sandbox = await startSandbox()
    const hosts: BrowserHost[] = []
    let browser: Browser | null = null
    try {
      await fill(sandbox.apiUrl)
      const host = await startBrowserHost({
        dataDir: join(work, 'app'),
        rendererDir: appDir,
        defaultProfiles: [{ name: SANDBOX_PROFILE_NAME, baseUrl: sandbox.url }],
        log: () => {},
      })
      hosts.push(host)
      const minimalHost = await startBrowserHost({
        dataDir: join(work, 'minimal'),
        rendererDir: minimalDir,
        log: () => {},
      })
      hosts.push(minimalHost)
      browser = await chromium.launch(chromiumLaunchOptions())

      // Log in once: the host's core keeps the session, so every later tab opens on the app's screens.
      const first = await browser.newPage()
      await first.goto(host.urlWithKey)
      await first.getByRole('textbox', { name: /^(Логин|Login)/ }).fill('admin')
      await first.getByLabel(/^(Пароль|Password)/).fill('111')
      await first.getByRole('button', { name: /^(Войти|Log in)$/ }).click()
      await first.getByTestId('nav-ladders').waitFor()
      await first.close()

      const ladderRow = '[data-testid="ladders-table"] [role="row"][data-row-id]'
      const discountRow = '[data-testid="rk-discounts-table"] [role="row"][data-row-id]'
      const tti = { minimal: [] as number[], ladders: [] as number[], discounts: [] as number[] }
      const once = async (url: string, selector: string) => {
        const context = await browser!.newContext()
        const page = await context.newPage()
        try {
          return await timeToInteractive(page, url, selector)
        } finally {
          await context.close()
        }
      }
      // Warm-up (the core's cache, the server's statements), then alternating runs so load weighs on all alike.
      await once(`${host.urlWithKey}#/ladders`, ladderRow)
      await once(`${host.urlWithKey}#/rk-discounts`, discountRow)
      await once(minimalHost.url, '[data-testid="minimal-ready"]')
      for (let i = 0; i < TTI_RUNS; i++) {
        tti.minimal.push(await once(minimalHost.url, '[data-testid="minimal-ready"]'))
        tti.ladders.push(await once(`${host.urlWithKey}#/ladders`, ladderRow))
        tti.discounts.push(await once(`${host.urlWithKey}#/rk-discounts`, discountRow))
      }
      const minimalTti = { name: 'minimal React page, median', value: median(tti.minimal) * 1000 }

      // The minimal page's heap, then the app's with the 10,000-row catalog open.
      const minimalPage = await browser.newPage()
      await minimalPage.goto(minimalHost.url)
      await minimalPage.getByTestId('minimal-ready').waitFor()
      const minimalHeap = await heapMb(await minimalPage.context().newCDPSession(minimalPage))
      await minimalPage.close()

      const page = await browser.newPage()
      const cdp = await page.context().newCDPSession(page)
      await page.goto(`${host.urlWithKey}#/rk-discounts`)
      await page.locator(discountRow).first().waitFor()
      const catalogHeap = await heapMb(cdp)

      // Filter keystrokes: each changes the rows shown (typing narrows, Backspace widens).
      const grid = '[data-testid="rk-discounts-table"]'
      const filter = page.getByTestId('rk-discounts-table-container').getByRole('searchbox')
      await filter.click()
      const keys: number[] = []
      for (let round = 0; round < KEYSTROKE_ROUNDS; round++) {
        const digits = String(1234 + round * 1111).split('')
        for (const digit of digits) keys.push(await keystroke(page, grid, digit))
        for (let i = 0; i < digits.length; i++) keys.push(await keystroke(page, grid, 'Backspace'))
      }
      // The baseline: the same keys in a plain input outside React, on the same page, until the next frame.
      await (await addPlainInput(page)).click()
      const plainKeys: number[] = []
      for (let i = 0; i < keys.length / 2; i++) {
        plainKeys.push(await keystroke(page, '', 'a'))
        plainKeys.push(await keystroke(page, '', 'Backspace'))
      }

      // Every screen ten times: the heap after one round (every chunk loaded) against after ten more.
      const screens = await page
        .locator('[data-testid^="nav-"]')
        .evaluateAll((links) => links.map((link) => link.getAttribute('data-testid') ?? ''))
      const visitAll = async () => {
        for (const id of screens) {
          await page.getByTestId(id).click()
          await page.waitForFunction(
            (current) =>
              document.querySelector(`[data-testid="${current}"]`)?.getAttribute('aria-current') === 'page',
            id,
          )
          await page.locator('main h1').first().waitFor()
        }
      }
      await visitAll()
      const heapBefore = await heapMb(cdp)
      const objectsBefore = await jsObjectsMb(cdp)
      for (let round = 0; round < SCREEN_ROUNDS; round++) await visitAll()
      const heapAfter = await heapMb(cdp)
      const objectsAfter = await jsObjectsMb(cdp)
      await page.close()

      const figures: BenchFigure[] = [
        {
          name: `time to interactive: ladders list, ${LADDERS + 3} ladders (median)`,
          value: median(tti.ladders) * 1000,
          unit: 'µs',
          baseline: minimalTti,
          target: { of: 'ratio', max: 1.5 },
        },
        {
          name: `time to interactive: RK catalog, ${DISCOUNTS}+ discounts (median)`,
          value: median(tti.discounts) * 1000,
          unit: 'µs',
          baseline: minimalTti,
          target: { of: 'ratio', max: 1.5 },
        },
        {
          name: `filter keystroke in the ${DISCOUNTS}-row catalog, median`,
          value: median(keys) * 1000,
          unit: 'µs',
          baseline: {
            name: 'a keystroke in a plain input on the page, median',
            value: median(plainKeys) * 1000,
          },
          target: { max: 16_000 },
        },
        {
          name: `filter keystroke in the ${DISCOUNTS}-row catalog, p95`,
          value: percentile(keys, 95) * 1000,
          unit: 'µs',
          baseline: { name: 'plain input, p95', value: percentile(plainKeys, 95) * 1000 },
          target: { max: 33_000 },
        },
        {
          name: `JS heap, the ${DISCOUNTS}-row catalog open`,
          value: catalogHeap,
          unit: 'MB',
          baseline: { name: 'minimal React page', value: minimalHeap },
          target: { max: 60 },
        },
        {
          name: `JS heap after opening the ${screens.length} screens ${SCREEN_ROUNDS} more times`,
          value: heapAfter,
          unit: 'MB',
          baseline: { name: 'after the first round', value: heapBefore },
          target: { of: 'ratio', max: 1.1 },
        },
        {
          name: `JS objects kept after opening the ${screens.length} screens ${SCREEN_ROUNDS} more times (compiled code left out)`,
          value: objectsAfter,
          unit: 'MB',
          baseline: { name: 'after the first round', value: objectsBefore },
          target: { of: 'ratio', max: 1.1 },
        },
      ]
      return {
        figures,
        notes: [
          `Chromium ${browser.version()} headless (${chromiumLaunchOptions().executablePath ?? "Playwright's own"}); the renderer from \`electron-vite build\`, served by the browser host; ` +
            'the baseline page (bench/minimal-react) by a second host the same way',
          `time to interactive: navigation start until the first row is on screen and the next task runs; ${TTI_RUNS} runs each after a warm-up, ` +
            `alternating; minimal page ${tti.minimal.map((ms) => ms.toFixed(0)).join(', ')} ms; ladders ${tti.ladders.map((ms) => ms.toFixed(0)).join(', ')} ms; ` +
            `catalog ${tti.discounts.map((ms) => ms.toFixed(0)).join(', ')} ms`,
          `keystroke: keydown until the frame that shows the grid's new row count (the filtered rows on screen) is rendered (a user-blocking task posted from its animation callback); ${keys.length} keys, each sent at a random moment of the frame; baseline: the same keys in a plain input on the page, until the next frame`,
          `heap: used JS heap after two forced GCs (CDP); screens ${screens.map((id) => id.replace('nav-', '')).join(', ')}`,
          `JS objects: a heap snapshot after the same GCs, without V8's compiled code and the DOM's objects; over the ten rounds the used heap grew ${(heapAfter - heapBefore).toFixed(2)} MB, the JS objects ${(objectsAfter - objectsBefore).toFixed(2)} MB (the rest is mostly code V8 compiles as it tiers up what runs again)`,
        ],
      }
    } finally {
      await browser?.close()
      for (const host of hosts) await host.close()
      await sandbox.dispose()
      rmSync(work, { recursive: true, force: true })
    }
  },
}

export default bench
