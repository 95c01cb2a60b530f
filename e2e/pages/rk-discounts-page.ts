import { expect, type Locator, type Page } from '@playwright/test'
import { DataGrid } from './entity-list'

/** The RK discount catalog: the table, the usage pane and the import. */
export class RkDiscountsPage {
  readonly table: DataGrid
  readonly importButton: Locator
  readonly details: Locator
  readonly usage: Locator
  readonly usageNone: Locator
  readonly importDialog: ImportDialog

  constructor(readonly page: Page) {
    this.table = new DataGrid(page, 'rk-discounts-table')
    this.importButton = page.getByTestId('rk-import')
    this.details = page.getByTestId('rk-discount-details')
    this.usage = page.getByTestId('rk-usage')
    this.usageNone = page.getByTestId('rk-usage-none')
    this.importDialog = new ImportDialog(page)
  }

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-rk-discounts').click()
    await this.table.grid.waitFor()
  }

  /** The "All / Active / Inactive" switch above the table. */
  show(label: 'Все' | 'Активные' | 'Неактивные'): Locator {
    return this.page
      .getByRole('group', { name: 'Показать' })
      .getByRole('button', { name: label, exact: true })
  }

  async openImport(): Promise<ImportDialog> {
    await this.importButton.click()
    await expect(this.importDialog.root).toBeVisible()
    return this.importDialog
  }
}

/** The import dialog: a file in, then its errors or the preview, then confirm. */
export class ImportDialog {
  readonly root: Locator
  readonly fileInput: Locator
  readonly chooseButton: Locator
  readonly dropZone: Locator
  readonly fileError: Locator
  readonly errorsTitle: Locator
  readonly errorRows: Locator
  readonly preview: Locator
  readonly confirmButton: Locator
  readonly encoding: Locator
  readonly inUse: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', {
      name: /^(Импорт скидок из R-Keeper|Import discounts from R-Keeper)$/,
    })
    this.fileInput = this.root.getByTestId('import-file-input')
    this.chooseButton = this.root.getByTestId('import-choose')
    this.dropZone = this.root.getByTestId('import-drop')
    this.fileError = this.root.getByTestId('import-file-error')
    this.errorsTitle = this.root.getByTestId('import-errors-title')
    this.errorRows = this.root.getByTestId('import-error-row')
    this.preview = this.root.getByTestId('import-preview')
    this.confirmButton = this.root.getByTestId('import-confirm')
    this.encoding = this.root.getByTestId('import-encoding')
    this.inUse = this.root.getByTestId('import-in-use')
  }

  /** A file from disk, bytes as they are (an export in Windows-1251, say). */
  async loadFile(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path)
  }

  /** "Full sync" or "Add and update only", for the discounts missing from the file. */
  mode(label: string | RegExp): Locator {
    return this.root.getByTestId('import-mode').getByRole('radio', { name: label })
  }

  async load(name: string, content: string, mimeType = 'text/csv'): Promise<void> {
    await this.fileInput.setInputFiles({ name, mimeType, buffer: Buffer.from(content, 'utf8') })
  }

  /** Drops a file on the drop zone the way a file manager would (a DataTransfer with a File). */
  async drop(name: string, content: string, mimeType = 'application/json'): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, content, mimeType }) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([content], name, { type: mimeType }))
        return transfer
      },
      { name, content, mimeType },
    )
    await this.dropZone.dispatchEvent('dragenter', { dataTransfer })
    await this.dropZone.dispatchEvent('drop', { dataTransfer })
  }

  /** `[row, field, message]` of every error row listed. */
  async errors(): Promise<string[][]> {
    const rows = await this.errorRows.all()
    return Promise.all(
      rows.map(async (row) => (await row.locator('th, td').allInnerTexts()).map((text) => text.trim())),
    )
  }

  /** The four counts of the preview. */
  async counts(): Promise<{ created: number; updated: number; deactivated: number; unchanged: number }> {
    const count = async (id: string) =>
      Number(await this.root.getByTestId(id).locator('.import-stat__count').innerText())
    return {
      created: await count('import-created'),
      updated: await count('import-updated'),
      deactivated: await count('import-deactivated'),
      unchanged: await count('import-unchanged'),
    }
  }
}
