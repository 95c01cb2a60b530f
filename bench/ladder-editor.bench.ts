// Typing into a threshold of a 50-step ladder in the editor, in Chromium through the browser host: each keystroke
// re-validates the ladder and redraws its chart. Timed from keydown until the frame after the chart redrew (its
// canvas's `data-drawn` signature of the geometry changed: a chart that did not redraw cannot pass, the run fails),
// against the same keystroke in an empty plain input on the same page, timed until the next frame.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import { startSandbox } from '../src/server/testing'
import type { BrowserHost } from '../src/web/host'
import { tokenPair } from '../src/shared/api'
import { chromiumLaunchOptions } from '../scripts/chromium'
import { startAppHost, signIn } from './browser-app'
import { buildApp } from './renderer-build'
import { addPlainInput, api, inPage, median, percentile, poll } from './renderer-ui.bench'
import type { Bench } from './run'

const STEPS = 50
const ROUNDS = 30

/** One keystroke's times: until its frame (`end`), and until the frame after it (`settled`). */
type KeyRun = { start: number; end?: number; settled?: number; failed?: boolean }

/**
 * Times the next keydown until the frame after `watched`'s `data-drawn` changed (no selector: the next frame), and
 * until the frame after that one: by then what the page put off until after the keystroke's frame (the warnings,
 * the steps' range words) is drawn too, so that putting work off cannot hide it.
 */
const keyProbe = (watched: string): void => {
  const state = window as unknown as { __benchKey?: KeyRun }
  const run: KeyRun = { start: 0 }
  state.__benchKey = run
  // The frame's rendering runs right after its animation frame callbacks, in the same task: a task posted from
  // there ahead of the others ends the timing when that frame is drawn. (A timeout would also wait for the tasks
  // the page queued for after the frame, such as the warnings and the steps' range words, which are not in it.)
  const scheduler = (window as { scheduler?: { postTask(task: () => void, options: object): unknown } })
    .scheduler
  const whenDrawn = (then: () => void): void => {
    requestAnimationFrame(() =>
      scheduler ? scheduler.postTask(then, { priority: 'user-blocking' }) : setTimeout(then, 0),
    )
  }
  const afterFrame = (): void =>
    whenDrawn(() => {
      run.end = performance.now()
      whenDrawn(() => (run.settled = performance.now()))
    })
  window.addEventListener(
    'keydown',
    (event) => {
      run.start = event.timeStamp
      if (!watched) return afterFrame()
      const target = document.querySelector(watched)
      if (!target) return void (run.failed = true)
      const observer = new MutationObserver(() => {
        observer.disconnect()
        afterFrame()
      })
      observer.observe(target, { attributes: true, attributeFilter: ['data-drawn'] })
      setTimeout(() => {
        if (run.end === undefined) {
          observer.disconnect()
          run.failed = true
        }
      }, 2000)
    },
    { capture: true, once: true },
  )
}

/** The longest a key waits to be sent: a frame at 60 Hz. */
const FRAME_MS = 17

async function keystroke(
  page: Page,
  watched: string,
  key: string,
): Promise<{ frame: number; settled: number }> {
  await page.evaluate(inPage(keyProbe, watched))
  // Sent at a random moment of the display's frame: a bench whose steps take the same time each round locks into
  // one phase of the frames, and its figure then says more about that phase than about the work.
  await new Promise((resolve) => setTimeout(resolve, Math.random() * FRAME_MS))
  await page.keyboard.press(key)
  const frame = await poll(page, () => {
    const run = (window as unknown as { __benchKey?: KeyRun }).__benchKey
    if (run?.failed) return -1
    return run?.end === undefined ? null : run.end - run.start
  })
  if (frame < 0) return { frame, settled: -1 }
  const settled = await poll(page, () => {
    const run = (window as unknown as { __benchKey?: KeyRun }).__benchKey
    return run?.settled === undefined ? null : run.settled - run.start
  })
  return { frame, settled }
}

const bench: Bench = {
  title: `ladder editor in Chromium via the browser host: a threshold keystroke in a ${STEPS}-step ladder`,
  async run() {
    const appDir = await buildApp()
    const work = mkdtempSync(join(tmpdir(), 'probonus-ladder-bench-'))
    const sandbox = await startSandbox()
    let host: BrowserHost | null = null
    let browser: Browser | null = null
    try {
      const login = { username: 'admin', password: '111' }
      const token = tokenPair.parse(
        await api(`${sandbox.apiUrl}/auth/login`, 'POST', null, login),
      ).access_token
      const created = (await api(`${sandbox.apiUrl}/ladders/create`, 'POST', token, {
        name: `Лестница из ${STEPS} ступеней`,
        basis: 'spend',
        period: 'all_time',
        period_days: null,
        downgrade: true,
        active: true,
        steps: Array.from({ length: STEPS }, (_, step) => ({
          name: `Ступень ${step + 1}`,
          threshold: step * 1000,
          rk_discount_id: null,
          bonus_percent: 1 + (step % 20),
          max_payment_percent: 10 + (step % 50),
        })),
      })) as { id: number }
      host = await startAppHost(sandbox.url, appDir, join(work, 'app'))
      browser = await chromium.launch(chromiumLaunchOptions())
      // Tall enough that the last step and the chart under the steps are on screen together.
      const page = await browser.newPage({ viewport: { width: 1366, height: 1400 } })
      await signIn(page, host.urlWithKey)
      await page.goto(`${host.urlWithKey}#/ladders/${created.id}`)
      await page
        .getByTestId('ladder-step')
        .nth(STEPS - 1)
        .waitFor()

      const chart = '[data-testid="ladder-chart"]'
      const canvas = '[data-testid="ladder-chart-canvas"]'
      await page.locator(chart).scrollIntoViewIfNeeded()
      await page.locator(`${canvas}[data-drawn]`).waitFor()
      const threshold = page.locator(`input[name="steps.${STEPS - 1}.threshold"]`)
      await threshold.scrollIntoViewIfNeeded()
      await page.locator(chart).scrollIntoViewIfNeeded()
      for (const [what, locator] of [
        ['the chart', page.locator(chart)],
        ['the last threshold', threshold],
      ] as const) {
        if (!(await locator.isVisible()) || !(await inViewport(page, locator)))
          throw new Error(`ladder-editor bench: ${what} is not on screen`)
      }

      // The baseline: a plain, empty input outside React, on the same page.
      const plainInput = await addPlainInput(page)

      const typed: { frame: number; settled: number }[] = []
      const plain: { frame: number; settled: number }[] = []
      for (let round = 0; round < ROUNDS; round++) {
        await threshold.click()
        await page.keyboard.press('Home')
        // A digit before «49 000» makes it «149 000» (still a grouped amount above the step below, so the chart's
        // axis changes); Backspace takes it back. (A digit after it, «49 0001», is no amount: nothing to redraw.)
        typed.push(await keystroke(page, canvas, String((round % 9) + 1)))
        typed.push(await keystroke(page, canvas, 'Backspace'))
        await plainInput.click()
        plain.push(await keystroke(page, '', 'a'))
        plain.push(await keystroke(page, '', 'Backspace'))
      }
      if (typed.some((run) => run.frame < 0))
        throw new Error(
          `ladder-editor bench: a keystroke did not redraw the chart: ${typed.map((run) => run.frame).join(', ')}`,
        )
      const frames = typed.map((run) => run.frame)
      const plainFrames = plain.map((run) => run.frame)
      const baseline = {
        name: 'the same keystroke in an empty plain input, median',
        value: median(plainFrames) * 1000,
      }
      return {
        figures: [
          {
            name: `threshold keystroke in a ${STEPS}-step ladder (validate + chart), median`,
            value: median(frames) * 1000,
            unit: 'µs',
            baseline,
            target: { max: 16_000 },
          },
          {
            name: `threshold keystroke in a ${STEPS}-step ladder (validate + chart), p95`,
            value: percentile(frames, 95) * 1000,
            unit: 'µs',
            baseline: { name: 'plain input, p95', value: percentile(plainFrames, 95) * 1000 },
            target: { max: 33_000 },
          },
          {
            // What was put off until after the keystroke's frame is drawn by the next one: within two frames.
            name: `the same keystroke until the frame after it (warnings and range words drawn too), median`,
            value: median(typed.map((run) => run.settled)) * 1000,
            unit: 'µs',
            baseline: {
              name: 'plain input until the frame after its own, median',
              value: median(plain.map((run) => run.settled)) * 1000,
            },
            target: { max: 33_000 },
          },
        ],
        notes: [
          `Chromium ${browser.version()} headless, 1366×1400 so the last step and the chart are on screen together`,
          `keystroke: keydown until the frame after the chart redrew is rendered (a MutationObserver on its canvas's data-drawn signature, then a user-blocking task posted from that frame's animation callback; no redraw within 2 s fails the run); ` +
            `settled: until the frame after that one is rendered; ` +
            `baseline: keydown until the next frame (and the one after) in a plain input appended to the page; ${typed.length} keys each, ` +
            `each sent at a random moment of the frame (0–${FRAME_MS} ms after the last)`,
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

async function inViewport(page: Page, locator: ReturnType<Page['locator']>): Promise<boolean> {
  const box = await locator.boundingBox()
  const size = page.viewportSize()
  return Boolean(box && size && box.y >= 0 && box.y + Math.min(box.height, 40) <= size.height)
}

export default bench
