import { readFile } from 'node:fs/promises'
import { expect, type Locator, type Page } from '@playwright/test'

/** An account's operations (AccountOperations): the history and the deposit / withdrawal dialog. */
export class AccountOperationsPanel {
  readonly root: Locator
  readonly rows: Locator
  readonly disabledReason: Locator
  readonly dialog: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('account-operations')
    this.rows = this.root.getByTestId('operation-row')
    this.disabledReason = this.root.getByTestId('operations-disabled-reason')
    this.dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'))
  }

  button(kind: 'deposit' | 'withdraw'): Locator {
    return this.root.getByTestId(`operation-${kind}`)
  }

  /** Opens the dialog, fills the amount (and comment), goes on to the confirmation. */
  async fill(kind: 'deposit' | 'withdraw', amount: string, comment?: string): Promise<void> {
    await this.button(kind).click()
    await this.dialog.getByLabel(/^Сумма/).fill(amount)
    if (comment) await this.dialog.getByLabel('Комментарий').fill(comment)
    // Enter in the form goes on, as «Далее» does.
    await this.page.keyboard.press('Enter')
    await expect(this.page.getByTestId('operation-confirmation')).toBeVisible()
  }

  async confirm(): Promise<void> {
    await this.page.getByTestId('operation-confirm').click()
  }

  get error(): Locator {
    return this.page.getByTestId('operation-error')
  }
}

/** The group operations screen: the form, the dry run, the typed confirmation, the result. */
export class GroupOperationsPage {
  readonly form: Locator
  readonly preview: Locator
  readonly result: Locator

  constructor(readonly page: Page) {
    this.form = page.getByRole('form', { name: 'Групповая операция' })
    this.preview = page.getByTestId('group-preview')
    this.result = page.getByTestId('group-result')
  }

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-group-operations').click()
    await expect(this.form).toBeVisible()
  }

  async fill(values: { group: string; type: 'Начисление' | 'Списание'; amount: string; comment?: string }) {
    await this.form.getByLabel('Группа счетов').selectOption({ label: values.group })
    await this.form.getByLabel('Операция').selectOption({ label: values.type })
    await this.form.getByLabel(/^Сумма на каждый счёт/).fill(values.amount)
    if (values.comment) await this.form.getByLabel('Комментарий').fill(values.comment)
  }

  async dryRun(): Promise<void> {
    await this.page.getByTestId('group-dry-run').click()
    await expect(this.preview).toBeVisible()
  }

  get confirmName(): Locator {
    return this.page.getByTestId('group-confirm-name')
  }

  get run(): Locator {
    return this.page.getByTestId('group-run')
  }
}

/** The reports screen: a tab per report, its chart, table and CSV export. */
export class ReportsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-reports').click()
    await expect(this.page.getByRole('tablist', { name: 'Отчёты' })).toBeVisible()
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name })
  }

  get panel(): Locator {
    return this.page.getByRole('tabpanel')
  }

  get table(): Locator {
    return this.panel.getByRole('table')
  }

  get chart(): Locator {
    return this.panel.getByTestId('report-chart')
  }

  /** Exports the report shown and answers the downloaded file's name and bytes. */
  async export(): Promise<{ name: string; bytes: Buffer }> {
    const download = this.page.waitForEvent('download')
    await this.panel.getByTestId('report-export').click()
    const file = await download
    const path = await file.path()
    return { name: file.suggestedFilename(), bytes: await readFile(path) }
  }
}

/** A CSV as Excel would read it: BOM, «;» separated, CRLF lines. */
export function readCsv(bytes: Buffer): { bom: boolean; rows: string[][] } {
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const text = bytes.subarray(bom ? 3 : 0).toString('utf8')
  const rows = text
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(';').map((cell) => cell.replace(/^"(.*)"$/, '$1')))
  return { bom, rows }
}
