import { expect, type Locator, type Page } from '@playwright/test'

/** The signed-in app: sidebar, status bar, session dialog, drafts panel. */
export class ShellPage {
  readonly nav: Locator
  readonly heading: Locator
  readonly statusBar: Locator
  readonly statusUser: Locator
  readonly statusProfile: Locator
  readonly statusConnection: Locator
  readonly statusDrafts: Locator
  readonly statusSyncing: Locator
  readonly statusConflicts: Locator
  readonly languageSwitch: Locator

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: /^(Разделы|Sections)$/ })
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 })
    this.statusBar = page.getByRole('contentinfo')
    this.statusUser = page.getByTestId('status-user')
    this.statusProfile = page.getByTestId('status-profile')
    this.statusConnection = page.getByTestId('status-connection')
    this.statusDrafts = page.getByTestId('status-drafts')
    this.statusSyncing = page.getByTestId('status-syncing')
    this.statusConflicts = page.getByTestId('status-conflicts')
    this.languageSwitch = this.statusBar.getByTestId('language-switch')
  }

  async expectVisible(): Promise<void> {
    await expect(this.nav).toBeVisible()
  }

  async goTo(screenId: string): Promise<void> {
    await this.page.getByTestId(`nav-${screenId}`).click()
  }

  /** Opens the session dialog from the status bar and logs out. */
  async logout(): Promise<void> {
    await this.statusUser.click()
    await this.page.getByRole('dialog').getByTestId('logout').click()
  }

  async openDrafts(): Promise<DraftsPanel> {
    await this.statusDrafts.click()
    const panel = new DraftsPanel(this.page)
    await expect(panel.root).toBeVisible()
    return panel
  }
}

/** The drafts and sync panel. */
export class DraftsPanel {
  readonly root: Locator
  readonly rows: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /^(Черновики и синхронизация|Drafts and sync)$/ })
    this.rows = this.root.getByTestId('draft-row')
  }

  row(title: string): Locator {
    return this.rows.filter({ hasText: title })
  }

  async show(filter: RegExp): Promise<void> {
    await this.root.getByRole('button', { name: filter }).click()
  }

  async discard(title: string): Promise<void> {
    await this.row(title).getByTestId('draft-discard').click()
    await this.page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^(Удалить черновик|Отменить правку|Delete draft|Discard edit)$/ })
      .click()
  }

  async close(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await expect(this.root).toBeHidden()
  }
}

/** "Session expired — log in again", over the current screen. */
export class SessionExpiredPrompt {
  readonly root: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('alertdialog', { name: /^(Сеанс истёк|Session expired)/ })
  }

  async login(password: string): Promise<void> {
    await this.root.getByLabel(/^(Пароль|Password)/).fill(password)
    await this.root.getByRole('button', { name: /^(Войти|Log in)$/ }).click()
  }
}
