import { expect, type Locator, type Page } from '@playwright/test'
import { EntityEditorPanel } from './entity-editor'

/** Accounts: the search, the server-paged list, the card with its step explanation, the editor and the move. */
export class AccountsPage {
  readonly search: Locator
  readonly groupFilter: Locator
  readonly count: Locator
  readonly list: Locator
  readonly card: Locator
  readonly step: Locator
  readonly editor: EntityEditorPanel
  readonly moveButton: Locator
  readonly moveDialog: Locator

  constructor(readonly page: Page) {
    this.search = page.getByRole('searchbox', { name: /^(Найти счёт|Find an account)$/ })
    this.groupFilter = page.getByTestId('accounts-group-filter')
    this.count = page.getByTestId('accounts-count')
    this.list = page.getByTestId('accounts-list')
    this.card = page.getByTestId('account-card')
    this.step = page.getByTestId('step-explanation')
    this.editor = new EntityEditorPanel(page, 'account-editor')
    this.moveButton = page.getByTestId('accounts-move')
    this.moveDialog = page.getByTestId('move-dialog')
  }

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-accounts').click()
    await this.list.waitFor()
  }

  /** The list's row of the account with this number. */
  row(number: string): Locator {
    return this.list.getByRole('row').filter({ hasText: number })
  }

  async find(query: string): Promise<void> {
    await this.search.fill(query)
    await expect(this.list).not.toHaveAttribute('aria-busy', 'true')
  }

  async open(number: string): Promise<void> {
    await this.row(number).click()
    await expect(this.card).toBeVisible()
  }
}
