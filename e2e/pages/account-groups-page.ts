import type { Locator, Page } from '@playwright/test'
import { EntityEditorPanel } from './entity-editor'
import { DataGrid } from './entity-list'

/** Account groups: the list with account counts and ladders, and the group editor. */
export class AccountGroupsPage {
  readonly table: DataGrid
  readonly createButton: Locator
  readonly editor: EntityEditorPanel
  readonly newDrafts: Locator
  readonly accounts: Locator

  constructor(readonly page: Page) {
    this.table = new DataGrid(page, 'account-groups-table')
    this.createButton = page.getByTestId('account-group-create')
    this.editor = new EntityEditorPanel(page, 'account-group-editor')
    this.newDrafts = page.getByTestId('new-drafts')
    this.accounts = page.getByTestId('group-accounts')
  }

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-account-groups').click()
    await this.table.grid.waitFor()
  }

  async open(name: string): Promise<void> {
    await this.table.open(name)
    await this.editor.expectOpen()
  }

  get nameField(): Locator {
    return this.editor.field(/^(Название|Name)/)
  }

  get descriptionField(): Locator {
    return this.editor.field(/^(Описание|Description)/)
  }

  get ladderField(): Locator {
    return this.editor.field(/^(Лестница|Ladder)/)
  }

  get activeField(): Locator {
    return this.editor.field(/^(Активна|Active)/)
  }
}
