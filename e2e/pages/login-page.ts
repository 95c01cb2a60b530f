import { expect, type Locator, type Page } from '@playwright/test'
import { ShellPage } from './shell-page'

/** The connection and login screen: server profiles and the login form. */
export class LoginPage {
  readonly heading: Locator
  readonly profileSelect: Locator
  readonly username: Locator
  readonly password: Locator
  readonly submit: Locator
  readonly error: Locator

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 })
    this.profileSelect = page.getByTestId('profile-select')
    this.username = page.getByRole('textbox', { name: /^(Логин|Login)/ })
    this.password = page.getByLabel(/^(Пароль|Password)/)
    this.submit = page.getByRole('button', { name: /^(Войти|Log in)$/ })
    this.error = page.getByTestId('login-error')
  }

  async expectVisible(): Promise<void> {
    await expect(this.submit).toBeVisible()
  }

  async login(username: string, password: string): Promise<void> {
    await this.username.fill(username)
    await this.password.fill(password)
    await this.submit.click()
  }

  /** Adds a server profile through its dialog and leaves it selected. */
  async addProfile(name: string, url: string): Promise<void> {
    await this.page.getByRole('button', { name: /^(Добавить сервер|Add server)$/ }).click()
    const dialog = this.page.getByRole('dialog')
    // The dialog opens on its first field, not on its close button.
    await expect(dialog.getByLabel(/^(Название|Name)/)).toBeFocused()
    await dialog.getByLabel(/^(Название|Name)/).fill(name)
    await dialog.getByLabel(/^(Адрес сервера|Server address)/).fill(url)
    await dialog.getByRole('button', { name: /^(Сохранить|Save)$/ }).click()
    await expect(dialog).toBeHidden()
    await expect(this.profileSelect.locator('option:checked')).toHaveText(name)
  }

  async editSelectedProfile(fields: { name?: string; url?: string }): Promise<void> {
    await this.page.getByRole('button', { name: /^(Изменить сервер|Edit server)$/ }).click()
    const dialog = this.page.getByRole('dialog')
    if (fields.name !== undefined) await dialog.getByLabel(/^(Название|Name)/).fill(fields.name)
    if (fields.url !== undefined) await dialog.getByLabel(/^(Адрес сервера|Server address)/).fill(fields.url)
    await dialog.getByRole('button', { name: /^(Сохранить|Save)$/ }).click()
    await expect(dialog).toBeHidden()
  }

  async removeSelectedProfile(): Promise<void> {
    await this.page.getByRole('button', { name: /^(Удалить сервер|Remove server)$/ }).click()
    await this.page
      .getByRole('alertdialog')
      .getByRole('button', { name: /^(Удалить сервер|Remove server)$/ })
      .click()
  }

  async selectProfile(name: string): Promise<void> {
    await this.profileSelect.selectOption({ label: name })
  }
}

/** Logs in on the selected profile and waits for the shell. */
export async function signIn(page: Page, username = 'admin', password = '111'): Promise<ShellPage> {
  await new LoginPage(page).login(username, password)
  const shell = new ShellPage(page)
  await shell.expectVisible()
  return shell
}
