// Scrolling the accounts list over 10,000 results of one search, in Chromium through the browser host: the list
// is virtualized and paged by the server (features/accounts/AccountList.tsx, paging.ts), so the first pass down
// loads the results page by page as a user scrolling does, and the pass back up scrolls over results loaded once
// (the windows it asks for need not be the way down's, so some pages are asked again, as a user's would). Each
// pass is one wheel gesture over the whole list (Chromium's synthetic scroll gesture: wheel events through the
// input pipeline) while the page records its frames' intervals (requestAnimationFrame timestamps): a frame over
// budget shows as an interval of two vsyncs or more. The baseline is the same gesture over a plain scroll box of the
// same size and scroll height laid over the list on the same page (no React, no rows): what the browser, the
// machine's load and the measuring cost by themselves.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test'
import { startSandbox } from '../src/server/testing'
import type { BrowserHost } from '../src/web/host'
import { tokenPair } from '../src/shared/api'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { startAppHost, signIn } from './browser-app'
import { buildApp } from './renderer-build'
import { api, inPage, percentile, poll } from './renderer-ui.bench'
import type { Bench, BenchFigure } from './run'

const ACCOUNTS = 10_000
/** The word every bench account's holder name starts with: the search that finds exactly them. */
const WORD = 'Прокрутов'
const LIST = '[data-testid="accounts-list"]'
/** The list's row height (DATA_TABLE_ROW_HEIGHT). */
const ROW_PX = 36
/** Pixels a second: 9,000 px/s is 250 rows a second, a fast continuous wheel scroll (150 px a frame at 60 Hz). */
const SPEED = Number(process.env.BENCH_SCROLL_SPEED ?? 9000)
/** One vsync at 60 Hz; a frame interval above 1.5 of it means at least one frame was missed. */
const VSYNC_MS = 1000 / 60
const OVER_MS = VSYNC_MS * 1.5

/** 10,000 accounts named «Прокрутов Гость N» in the first group, 25 requests at a time. */
async function fill(apiUrl: string): Promise<void> {
  const login = { username: 'admin', password: '111' }
  const token = tokenPair.parse(await api(`${apiUrl}/auth/login`, 'POST', null, login)).access_token
  const groups = (await api(`${apiUrl}/account_groups/list`, 'GET', token)) as { items: { id: number }[] }
  const groupId = groups.items[0]?.id
  if (groupId === undefined) throw new Error('accounts-scroll bench: the sandbox has no account group')
  const batch = 25
  for (let i = 0; i < ACCOUNTS; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, ACCOUNTS - i) }, (_, j) =>
        api(`${apiUrl}/accounts/create`, 'POST', token, {
          number: `SCROLL-${String(i + j + 1).padStart(5, '0')}`,
          holder_name: `${WORD} Гость ${i + j + 1}`,
          group_id: groupId,
        }),
      ),
    )
  }
}

interface ScrollRun {
  /** Intervals between consecutive animation frames, ms. */
  frames: number[]
  /** Frames that had a placeholder row (a page not loaded yet) on screen. */
  placeholderFrames: number
  done: boolean
}

/**
 * Records every animation frame's interval into `window.__benchScroll` until `done`, and whether a placeholder row
 * of the list `selector` was on screen. Reads no layout that the page has dirtied: the scroll position is taken in
 * a capturing scroll listener (it runs before the list's own, so before it renders), the rows' positions come
 * from their aria-rowindex.
 */
const frameProbe = (argument: string): void => {
  const { selector, rowHeight } = JSON.parse(argument) as { selector: string; rowHeight: number }
  const element = document.querySelector<HTMLElement>(selector)
  const run: ScrollRun = { frames: [], placeholderFrames: 0, done: false }
  ;(window as unknown as { __benchScroll?: ScrollRun }).__benchScroll = run
  if (!element) return
  // The rows' area: under the sticky header row.
  const height = element.clientHeight - rowHeight
  let position = element.scrollTop
  const onScroll = (event: Event): void => {
    if (event.target === element) position = element.scrollTop
  }
  document.addEventListener('scroll', onScroll, { capture: true, passive: true })
  let last = 0
  const frame = (time: number): void => {
    if (last) run.frames.push(time - last)
    last = time
    for (const row of element.querySelectorAll('.account-list__placeholder')) {
      const top = (Number(row.getAttribute('aria-rowindex')) - 2) * rowHeight
      if (top + rowHeight > position && top < position + height) {
        run.placeholderFrames++
        break
      }
    }
    if (run.done) document.removeEventListener('scroll', onScroll, { capture: true })
    else requestAnimationFrame(frame)
  }
  requestAnimationFrame(frame)
}

type Costs = Record<(typeof COSTS)[number], number>
const COSTS = ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'] as const

async function costs(cdp: CDPSession): Promise<Costs> {
  const { metrics } = await cdp.send('Performance.getMetrics')
  const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0
  return Object.fromEntries(COSTS.map((name) => [name, value(name) * 1000])) as Costs
}

/**
 * Wheel-scrolls `selector` from one end to the other (`down`, else from the end to the top) at SPEED px/s with
 * Chromium's synthetic scroll gesture (wheel events through the browser's input pipeline, as a mouse does), and
 * records the frames meanwhile. Fails unless the element reached the other end.
 */
async function scroll(
  page: Page,
  cdp: CDPSession,
  selector: string,
  down: boolean,
): Promise<ScrollRun & { costs: Costs }> {
  const element = page.locator(selector)
  const range = await element.evaluate((node) => node.scrollHeight - node.clientHeight)
  await element.evaluate((node, top) => node.scrollTo({ top }), down ? 0 : range)
  const box = await element.boundingBox()
  if (!box) throw new Error(`accounts-scroll bench: ${selector} is not on screen`)
  const before = await costs(cdp)
  await page.evaluate(inPage(frameProbe, JSON.stringify({ selector, rowHeight: ROW_PX })))
  // A little further than the range: the gesture's last wheel events only press against the end.
  await cdp.send('Input.synthesizeScrollGesture', {
    x: Math.round(box.x + box.width / 2),
    y: Math.round(box.y + box.height / 2),
    yDistance: (down ? -1 : 1) * (range + 2 * ROW_PX),
    speed: SPEED,
    gestureSourceType: 'mouse',
    preventFling: true,
  })
  const run = await page.evaluate(() => {
    const state = (window as unknown as { __benchScroll: ScrollRun }).__benchScroll
    state.done = true
    return state
  })
  const after = await costs(cdp)
  const reached = await element.evaluate((node) => node.scrollTop)
  if (reached !== (down ? range : 0) || run.frames.length < 10)
    throw new Error(
      `accounts-scroll bench: ${selector} scrolled to ${reached} of ${range} in ${run.frames.length} frames`,
    )
  const perFrame = Object.fromEntries(
    COSTS.map((name) => [name, (after[name] - before[name]) / run.frames.length]),
  ) as Costs
  return { ...run, costs: perFrame }
}

const overShare = (run: ScrollRun): number =>
  (run.frames.filter((ms) => ms > OVER_MS).length / run.frames.length) * 100

const bench: Bench = {
  title: `accounts list in Chromium via the browser host: scrolling ${ACCOUNTS} results of one search`,
  async run() {
    const appDir = await buildApp()
    const work = mkdtempSync(join(tmpdir(), 'probonus-scroll-bench-'))
    const sandbox = await startSandbox()
    let host: BrowserHost | null = null
    let browser: Browser | null = null
    try {
      const filling = Date.now()
      await fill(sandbox.apiUrl)
      const fillSeconds = (Date.now() - filling) / 1000
      host = await startAppHost(sandbox.url, appDir, join(work, 'app'))
      browser = await chromium.launch(chromiumLaunchOptions())
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } })
      await signIn(page, host.urlWithKey)
      await page.getByTestId('nav-accounts').click()
      const cdp = await page.context().newCDPSession(page)
      await cdp.send('Performance.enable')
      const list = page.getByTestId('accounts-list')
      await list.waitFor()
      await page.getByRole('searchbox', { name: /^(Найти счёт|Find an account)$/ }).fill(WORD)
      // Searched: not busy, and the first row is a bench account (not the unfiltered list still shown).
      const rows = await poll(page, () => {
        const grid = document.querySelector('[data-testid="accounts-list"]')
        const first = grid?.querySelector('[role="row"][data-account-id]')
        const count = Number(grid?.getAttribute('aria-rowcount') ?? 0) - 1
        return grid?.getAttribute('aria-busy') !== 'true' && first?.textContent?.includes('SCROLL-')
          ? count
          : null
      })
      if (rows !== ACCOUNTS) throw new Error(`accounts-scroll bench: the search finds ${rows} accounts`)

      // The baseline's box: exactly over the list, as tall inside, striped like rows so it paints as it moves.
      await page.evaluate(() => {
        const grid = document.querySelector<HTMLElement>('[data-testid="accounts-list"]')!
        const box = grid.getBoundingClientRect()
        const plain = document.createElement('div')
        plain.id = 'bench-plain-scroll'
        Object.assign(plain.style, {
          position: 'fixed',
          left: `${box.left}px`,
          top: `${box.top}px`,
          width: `${box.width}px`,
          height: `${box.height}px`,
          overflow: 'auto',
          zIndex: '1000',
          background: 'white',
        })
        const inner = document.createElement('div')
        Object.assign(inner.style, {
          height: `${grid.scrollHeight}px`,
          background: 'repeating-linear-gradient(#fff 0 35px, #ddd 35px 36px)',
        })
        plain.appendChild(inner)
        document.body.appendChild(plain)
      })
      const plainDown = await scroll(page, cdp, '#bench-plain-scroll', true)
      await page.evaluate(() => {
        const plain = document.getElementById('bench-plain-scroll')!
        plain.style.visibility = 'hidden'
      })
      // The first pass: every page of the 10,000 results is asked for as the list reaches it.
      const loading = await scroll(page, cdp, LIST, true)
      await page.evaluate(() => {
        document.getElementById('bench-plain-scroll')!.style.visibility = 'visible'
      })
      const plainUp = await scroll(page, cdp, '#bench-plain-scroll', false)
      await page.evaluate(() => {
        document.getElementById('bench-plain-scroll')!.style.visibility = 'hidden'
      })
      const loaded = await scroll(page, cdp, LIST, false)

      const passFigures = (way: string, what: string, run: ScrollRun, plain: ScrollRun): BenchFigure[] => [
        {
          name: `frames over 16.7 ms scrolling ${ACCOUNTS} results ${way} (${what})`,
          value: overShare(run),
          unit: '%',
          baseline: { name: 'plain scroll box of the same height', value: overShare(plain) },
          target: { max: 5 },
        },
        {
          name: `frame interval scrolling ${way}, p95`,
          value: percentile(run.frames, 95) * 1000,
          unit: 'µs',
          baseline: { name: 'plain scroll box, p95', value: percentile(plain.frames, 95) * 1000 },
        },
      ]
      const figures: BenchFigure[] = [
        ...passFigures('down', 'pages loading as it goes', loading, plainDown),
        {
          name: 'frames with a placeholder row on screen scrolling down (paging keeping up)',
          value: (loading.placeholderFrames / loading.frames.length) * 100,
          unit: '%',
          target: { max: 5 },
        },
        ...passFigures('back up', 'results loaded once already', loaded, plainUp),
      ]
      return {
        figures,
        notes: [
          `Chromium ${browser.version()} headless, 1366×900; ${ACCOUNTS} accounts created through the API in ${fillSeconds.toFixed(0)} s ` +
            `(holder «${WORD} Гость N»), found by the search «${WORD}»`,
          `one mouse-wheel gesture (CDP Input.synthesizeScrollGesture) over the whole list at ${SPEED} px/s ` +
            `(${Math.round(SPEED / ROW_PX)} rows/s), ${loading.frames.length} frames down and ${loaded.frames.length} up; a frame ` +
            `over 16.7 ms is a requestAnimationFrame interval above ${OVER_MS.toFixed(1)} ms (a missed vsync); baseline: the ` +
            `same gesture over a plain striped scroll box laid exactly over the list, as tall inside ` +
            `(${plainDown.frames.length} and ${plainUp.frames.length} frames)`,
          `main-thread time per frame (CDP Performance metrics: task / script / layout / style, ms): ` +
            [
              ['down', loading],
              ['up', loaded],
              ['plain down', plainDown],
              ['plain up', plainUp],
            ]
              .map(
                ([what, run]) =>
                  `${what} ${COSTS.map((name) => (run as ScrollRun & { costs: Costs }).costs[name].toFixed(2)).join(' / ')}`,
              )
              .join('; '),
        ],
      }
    } finally {
      await browser?.close()
      await host?.close()
      await sandbox.dispose()
      rmSync(work, { recursive: true, force: true })
    }
  },
}

export default bench
