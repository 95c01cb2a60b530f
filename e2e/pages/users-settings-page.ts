// Page models of the users screen, my own password and the program settings.
import { expect, type Locator, type Page } from '@playwright/test'

/** The users screen (admin): the list, its filters and one user's pane. */
export class UsersPage {
  readonly table: Locator
  readonly search: Locator
  readonly roleFilter: Locator
  readonly create: Locator
  readonly pane: Locator

  constructor(readonly page: Page) {
    this.table = page.getByTestId('users-table')
    this.search = page.getByRole('searchbox', { name: /^(Поиск по логину|Search by login)/ })
    this.roleFilter = page.getByTestId('users-role-filter')
    this.create = page.getByTestId('user-create')
    this.pane = page.getByTestId('user-pane')
  }

  row(login: string): Locator {
    return this.table.getByRole('row').filter({ hasText: login })
  }

  async open(login: string): Promise<void> {
    await this.row(login).first().click()
    await expect(this.pane.getByRole('heading', { level: 2 })).toContainText(login)
  }

  field(label: RegExp): Locator {
    return this.pane.getByLabel(label)
  }

  async createUser(user: {
    login: string
    password: string
    repeat?: string
    role: 'admin' | 'marketing' | 'viewer'
    surname?: string
  }): Promise<void> {
    await this.create.click()
    await this.field(/^(Логин|Login)/).fill(user.login)
    await this.field(/^(Пароль|Password)( \*)?$/).fill(user.password)
    await this.field(/^(Пароль ещё раз|Password again)/).fill(user.repeat ?? user.password)
    await this.field(/^(Роль|Role)/).selectOption(user.role)
    if (user.surname) await this.field(/^(Фамилия|Surname)/).fill(user.surname)
    await this.pane.getByTestId('user-save').click()
  }
}

/** «Сменить пароль» from the session dialog (the user menu in the status bar). */
export class ChangePasswordDialog {
  readonly root: Locator
  readonly submit: Locator
  readonly offline: Locator

  constructor(readonly page: Page) {
    this.root = page.getByRole('dialog', { name: /^(Смена пароля|Change my password)$/ })
    this.submit = this.root.getByTestId('change-password-submit')
    this.offline = this.root.getByTestId('change-password-offline')
  }

  async open(): Promise<void> {
    await this.page.getByTestId('status-user').click()
    await this.page.getByRole('dialog').getByTestId('change-password').click()
    await expect(this.root).toBeVisible()
  }

  async fill(current: string, next: string, repeat = next): Promise<void> {
    await this.root.getByLabel(/^(Текущий пароль|Current password)/).fill(current)
    await this.root.getByLabel(/^(Новый пароль|New password)( \*)?$/).fill(next)
    await this.root.getByLabel(/^(Новый пароль ещё раз|New password again)/).fill(repeat)
  }
}

/** The program settings: one editor, grouped. */
export class SettingsPage {
  readonly editor: Locator
  readonly publish: Locator

  constructor(readonly page: Page) {
    this.editor = page.getByTestId('settings-editor')
    this.publish = this.editor.getByTestId('editor-publish')
  }

  group(id: 'day' | 'account' | 'payment' | 'accruals' | 'temporary'): Locator {
    return this.editor.getByTestId(`settings-group-${id}`)
  }
}

/** The sandbox answered `status` (for refusals the other page models' helpers would throw on). */
export async function apiStatus(
  serverUrl: string,
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${serverUrl}/api/v0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, json: response.status === 204 ? null : await response.json() }
}

/** A fresh access token of `username` (another workstation's session). */
export async function tokenOf(serverUrl: string, username: string, password: string): Promise<string> {
  const response = await fetch(`${serverUrl}/api/v0/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!response.ok) throw new Error(`Login of ${username} failed: ${response.status}`)
  return ((await response.json()) as { access_token: string }).access_token
}
