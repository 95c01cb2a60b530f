import type { Locator, Page } from '@playwright/test'
import { EntityEditorPanel } from './entity-editor'
import { DataGrid } from './entity-list'

/** Identifier types: the list, the editor and its live "test a value". */
export class IdentifierTypesPage {
  readonly table: DataGrid
  readonly createButton: Locator
  readonly editor: EntityEditorPanel
  readonly newDrafts: Locator
  readonly testInput: Locator
  /** `data-state`: match | mismatch | broken. */
  readonly testLocal: Locator
  /** `data-state`: checking | valid | invalid | error. */
  readonly testServer: Locator
  readonly testPanel: Locator
  readonly deactivateButton: Locator

  constructor(readonly page: Page) {
    this.table = new DataGrid(page, 'identifier-types-table')
    this.createButton = page.getByTestId('identifier-type-create')
    this.editor = new EntityEditorPanel(page, 'identifier-type-editor')
    this.newDrafts = page.getByTestId('new-drafts')
    this.testPanel = page.getByTestId('test-value')
    this.testInput = page.getByTestId('test-value-input')
    this.testLocal = page.getByTestId('test-local')
    this.testServer = page.getByTestId('test-server')
    this.deactivateButton = this.editor.root.getByRole('button', { name: /^(Деактивировать|Deactivate)$/ })
  }

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-identifier-types').click()
    await this.table.grid.waitFor()
  }

  async open(code: string): Promise<void> {
    await this.table.open(code)
    await this.editor.expectOpen()
  }

  /** Fills the main fields of the editor (only those given). */
  async fill(values: {
    code?: string
    name?: string
    kind?: string
    pattern?: string
    min?: string
    max?: string
  }): Promise<void> {
    const { editor } = this
    if (values.code !== undefined) await editor.field(/^(Код|Code)/).fill(values.code)
    if (values.name !== undefined) await editor.field(/^(Название|Name)/).fill(values.name)
    if (values.kind !== undefined) await editor.field(/^(Вид|Kind)/).selectOption({ label: values.kind })
    if (values.pattern !== undefined) await editor.field(/^(Шаблон|Pattern)/).fill(values.pattern)
    if (values.min !== undefined) await editor.field(/^(Мин\. длина|Min length)/).fill(values.min)
    if (values.max !== undefined) await editor.field(/^(Макс\. длина|Max length)/).fill(values.max)
  }
}
