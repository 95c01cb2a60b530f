import type { Locator, Page } from '@playwright/test'

/** The ladder editor's insight: the chart under the steps, and the simulator, impact and history tabs. */
export class LadderInsightPanels {
  readonly chart: Locator
  readonly chartSteps: Locator
  readonly chartCanvas: Locator
  readonly simulator: SimulatorPanel
  readonly impact: ImpactPanel
  readonly history: HistoryPanel

  constructor(readonly page: Page) {
    this.chart = page.getByTestId('ladder-chart')
    this.chartSteps = this.chart.getByTestId('chart-step')
    this.chartCanvas = this.chart.getByTestId('ladder-chart-canvas')
    this.simulator = new SimulatorPanel(page)
    this.impact = new ImpactPanel(page)
    this.history = new HistoryPanel(page)
  }

  /** How many of the chart canvas's pixels are `hex` (`#rrggbb`), exactly. */
  chartPixels(hex: string): Promise<number> {
    return this.chartCanvas.evaluate((canvas, color) => {
      const [r, g, b] = [1, 3, 5].map((at) => parseInt(color.slice(at, at + 2), 16))
      const element = canvas as HTMLCanvasElement
      const data = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? []
      let count = 0
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === r && data[i + 1] === g && data[i + 2] === b) count++
      return count
    }, hex)
  }

  /** Opens a tab of the editor: `steps`, `simulator`, `impact`, `history`. */
  async openTab(id: 'steps' | 'simulator' | 'impact' | 'history'): Promise<void> {
    await this.page.getByTestId(`ladder-tab-${id}`).click()
  }
}

export class SimulatorPanel {
  readonly root: Locator
  readonly search: Locator
  readonly picked: Locator
  readonly accumulated: Locator
  readonly bill: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ladder-simulator')
    this.search = this.root.getByLabel(/^(Найти гостя|Find a guest)/)
    this.picked = this.root.getByTestId('simulator-picked')
    this.accumulated = this.root.getByTestId('simulator-accumulated')
    this.bill = this.root.getByTestId('simulator-bill')
  }

  /** Finds a guest by `query` and picks the one whose button reads `label` («номер · ФИО»). */
  async pickGuest(query: string, label: string): Promise<void> {
    await this.search.fill(query)
    await this.root
      .getByRole('button', { name: new RegExp(`^(Выбрать гостя|Choose guest) ${label}$`) })
      .click()
  }

  /** One figure of the result: `step`, `discount`, `to-pay`, `bonus`, `max-payment`, `next`, `after`, `keep`. */
  figure(key: string): Locator {
    return this.root.getByTestId(`simulator-${key}`)
  }
}

export class ImpactPanel {
  readonly root: Locator
  readonly run: Locator
  readonly result: Locator
  readonly steps: Locator
  readonly movedUpSamples: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ladder-impact')
    this.run = this.root.getByTestId('impact-run')
    this.result = this.root.getByTestId('impact-result')
    this.steps = this.root.getByTestId('impact-step')
    this.movedUpSamples = this.root.getByTestId('impact-up-samples')
  }

  /** `up`, `down`, `same`, `held`; or the bonus: `bonus-current`, `bonus-proposed`, `bonus-delta`. */
  figure(key: string): Locator {
    return this.root.getByTestId(`impact-${key}`)
  }
}

export class HistoryPanel {
  readonly root: Locator
  readonly versions: Locator
  readonly from: Locator
  readonly to: Locator
  readonly fieldChanges: Locator
  readonly stepChanges: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('ladder-history')
    this.versions = this.root.getByTestId('history-version')
    this.from = this.root.getByTestId('history-from')
    this.to = this.root.getByTestId('history-to')
    this.fieldChanges = this.root.getByTestId('diff-field')
    this.stepChanges = this.root.getByTestId('diff-step')
  }

  async restore(version: number): Promise<void> {
    await this.root
      .getByRole('button', {
        name: new RegExp(
          `^(Восстановить как черновик: версия ${version}|Restore as a draft: version ${version})$`,
        ),
      })
      .click()
  }
}
