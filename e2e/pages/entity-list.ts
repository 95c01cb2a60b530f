import { expect, type Locator, type Page } from '@playwright/test'

/** Logs in on the login screen and waits for the shell (the login page's helper, re-exported for the specs). */
export { signIn } from './login-page'

/** A screen's virtualized grid (`DataTable`): rows, the filter box and the count. */
export class DataGrid {
  readonly grid: Locator
  readonly rows: Locator
  readonly filter: Locator
  readonly count: Locator

  constructor(
    readonly page: Page,
    testId: string,
  ) {
    this.grid = page.getByTestId(testId)
    this.rows = this.grid.locator('[role="row"][data-row-id]')
    const container = page.getByTestId(`${testId}-container`)
    this.filter = container.getByRole('searchbox')
    this.count = container.locator('.data-table__count')
  }

  /** The row whose cell reads exactly `text` (a code, a name). */
  row(text: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('gridcell', { name: text, exact: true }) })
  }

  header(name: string | RegExp): Locator {
    return this.grid.getByRole('columnheader', { name })
  }

  /** The text of one column in the rows rendered now (the virtualized window). */
  async columnTexts(index: number): Promise<string[]> {
    return this.rows.locator(`[role="gridcell"]:nth-child(${index + 1})`).allInnerTexts()
  }

  async open(text: string): Promise<void> {
    await this.row(text).click()
    await expect(this.row(text)).toHaveAttribute('aria-selected', 'true')
  }
}
