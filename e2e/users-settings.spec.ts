// Users, my own password and the program settings, end to end against a real sandbox.
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { AccountsPage } from './pages/accounts-page'
import { overflowFindings } from './pages/layout'
import { signIn } from './pages/login-page'
import {
  apiStatus,
  ChangePasswordDialog,
  SettingsPage,
  tokenOf,
  UsersPage,
} from './pages/users-settings-page'

test('an admin creates a marketing user who then logs in; the last admin cannot be demoted, and says why', async ({
  app,
}) => {
  const shell = await signIn(app)
  await shell.goTo('users')
  const users = new UsersPage(app)
  await expect(users.row('marketing')).toBeVisible()

  // The last active admin, before any click: role, active and delete are off, each with the reason.
  await users.open('admin')
  const reason =
    'Это последний активный администратор: сначала назначьте администратором другого пользователя'
  await expect(users.field(/^Роль/)).toBeDisabled()
  await expect(users.pane.getByText(reason)).toHaveCount(3)
  await expect(users.pane.getByTestId('user-delete')).toBeDisabled()
  await expect(users.pane.getByTestId('user-delete-blocked')).toHaveText(reason)
  expect(await seriousViolations(app)).toEqual([])
  await app.setViewportSize({ width: 1024, height: 700 })
  expect(await overflowFindings(app)).toEqual([])

  // A new marketing user; the password typed twice must match.
  await users.createUser({ login: 'Ольга', password: 'секрет', repeat: 'секрер', role: 'marketing' })
  await expect(users.pane.getByText('Пароли не совпадают')).toBeVisible()
  await users.field(/^Пароль ещё раз/).fill('секрет')
  await users.pane.getByTestId('user-save').click()
  await expect(app.getByTestId('toast').filter({ hasText: 'Пользователь «Ольга» создан' })).toBeVisible()
  await users.roleFilter.selectOption('marketing')
  await expect(users.row('Ольга')).toBeVisible()
  await expect(users.row('admin')).toHaveCount(0)

  await shell.logout()
  const olga = await signIn(app, 'ольга', 'секрет')
  await expect(olga.statusUser).toContainText('Маркетолог')
  // Not an admin: no users screen; the settings are there to read.
  await expect(app.getByTestId('nav-users')).toHaveCount(0)
  await olga.goTo('settings')
  await expect(new SettingsPage(app).editor.getByLabel(/^Время смены суток/)).toBeDisabled()
})

test('change my password: my other sessions end, this one goes on; offline the change waits and says why', async ({
  app,
  sandbox,
}) => {
  const shell = await signIn(app, 'viewer', '111')
  const elsewhere = await tokenOf(sandbox.url, 'viewer', '111')
  const dialog = new ChangePasswordDialog(app)
  await dialog.open()
  await dialog.fill('неверный', 'новый1')
  await dialog.submit.click()
  await expect(dialog.root.getByText('Неверный текущий пароль')).toBeVisible()
  await dialog.fill('111', 'новый1')
  await dialog.submit.click()
  await expect(app.getByTestId('toast').filter({ hasText: 'Пароль изменён' })).toBeVisible()

  // The other session ended; this one still reads.
  expect((await apiStatus(sandbox.url, elsewhere, 'GET', '/auth/info')).status).toBe(401)
  await shell.goTo('ladders')
  await expect(app.getByRole('grid', { name: 'Лестницы' }).getByRole('row')).toHaveCount(4)
  await expect(shell.statusUser).toBeVisible()

  // Offline: the dialog says why, and the button waits for the server.
  await sandbox.stop()
  await app.getByRole('button', { name: 'Обновить' }).click()
  await expect(shell.statusConnection).toContainText('Нет связи', { timeout: 20_000 })
  await dialog.open()
  await expect(dialog.offline).toContainText('пароль меняется только на сервере')
  await expect(dialog.submit).toBeDisabled()
  expect(await seriousViolations(app)).toEqual([])
  await dialog.fill('новый1', 'новый2')
  await sandbox.start()
  // «Повторить» asks now; the app's own probe may find the server first and take the button away (a race seen
  // in a run), so a click that finds it gone is fine: either way the button must come back enabled.
  await dialog.root
    .getByRole('button', { name: 'Повторить' })
    .click({ timeout: 5_000 })
    .catch(() => undefined)
  await expect(dialog.submit).toBeEnabled({ timeout: 20_000 })
  await dialog.submit.click()
  await expect(dialog.root).toBeHidden()
  // Sent once the server answered: the new password is the one that logs in now.
  await tokenOf(sandbox.url, 'viewer', 'новый2')
})

test('each settings group edited in the app takes effect at the till', async ({ app, sandbox }) => {
  const shell = await signIn(app)
  await shell.goTo('settings')
  const settings = new SettingsPage(app)
  await expect(settings.group('day')).toBeVisible()
  expect(await seriousViolations(app)).toEqual([])
  await app.setViewportSize({ width: 1024, height: 700 })
  expect(await overflowFindings(app)).toEqual([])

  await settings
    .group('day')
    .getByLabel(/^Время смены суток/)
    .fill('04:00')
  await settings
    .group('day')
    .getByLabel(/^Часовой пояс/)
    .fill('Europe/Moscow')
  await settings.group('account').getByTestId('required-phone').check()
  await settings
    .group('payment')
    .getByLabel(/^В день/)
    .fill('500')
  await settings
    .group('accruals')
    .getByLabel(/^Отложить начисление/)
    .fill('1')
  await settings
    .group('temporary')
    .getByRole('switch', { name: /^Выдавать временные идентификаторы/ })
    .check()
  await settings
    .group('temporary')
    .getByLabel(/^Длина кода/)
    .fill('8')
  await settings.publish.click()

  const token = await tokenOf(sandbox.url, 'admin', '111')
  await expect
    .poll(
      async () =>
        ((await apiStatus(sandbox.url, token, 'GET', '/settings')).json as { version: number }).version,
    )
    .toBe(2)
  const accounts = (await apiStatus(sandbox.url, token, 'GET', '/accounts/list?limit=50')).json as {
    items: { id: number; blocked: boolean; step: unknown; group_id: number }[]
  }
  const account = accounts.items.find((item) => item.step !== null && !item.blocked)!

  // What an account must have: no phone, no account.
  const created = await apiStatus(sandbox.url, token, 'POST', '/accounts/create', {
    number: '900001',
    group_id: account.group_id,
    identifiers: [],
    blocked: false,
  })
  expect(created.status).toBe(422)
  expect(JSON.stringify(created.json)).toContain('phone')
  // Paying with bonus: today's limit.
  const limits = (await apiStatus(sandbox.url, token, 'GET', `/accounts/${account.id}/limits`)).json
  expect(limits).toMatchObject({ per_day: { limit: 500 } })
  // Accruals, counted in business days that start at 04:00 Moscow (01:00 UTC): pending until the next one.
  const purchase = (
    await apiStatus(sandbox.url, token, 'POST', '/operations/purchase', {
      account_id: account.id,
      amount: 1000,
    })
  ).json as { bonus_pending: number; available_at: string }
  expect(purchase.bonus_pending).toBeGreaterThan(0)
  expect(purchase.available_at).toMatch(/T01:00:00(\.000)?Z$/)
  // Temporary identifiers: on, with 8 digits.
  const issued = await apiStatus(sandbox.url, token, 'POST', `/accounts/${account.id}/temporary_identifier`)
  expect(issued.status).toBe(201)
  expect((issued.json as { value: string }).value).toMatch(/^\d{8}$/)
})

test('the account card shows pending bonus with its date and the limits left, and issues a temporary identifier', async ({
  app,
  sandbox,
}) => {
  const token = await tokenOf(sandbox.url, 'admin', '111')
  const current = (await apiStatus(sandbox.url, token, 'GET', '/settings')).json as Record<string, unknown>
  const { updated_at: _u, updated_by: _b, ...body } = current
  await apiStatus(sandbox.url, token, 'PUT', '/settings', {
    ...body,
    accrual_delay_days: 2,
    bonus_payment_limits: { per_day: 300, per_week: null, per_month: null },
    temporary_identifiers: { enabled: true, ttl_minutes: 30, length: 7 },
  })
  const accounts = (await apiStatus(sandbox.url, token, 'GET', '/accounts/list?limit=50')).json as {
    items: { id: number; number: string; blocked: boolean; step: unknown }[]
  }
  const account = accounts.items.find((item) => item.step !== null && !item.blocked)!
  const purchase = (
    await apiStatus(sandbox.url, token, 'POST', '/operations/purchase', {
      account_id: account.id,
      amount: 2000,
    })
  ).json as { bonus_pending: number; available_at: string }
  expect(purchase.bonus_pending).toBeGreaterThan(0)

  await signIn(app)
  const page = new AccountsPage(app)
  await page.goto()
  await page.find(account.number)
  await page.open(account.number)
  const bonus = page.card.getByTestId('account-bonus')
  const day = new Intl.DateTimeFormat('ru-RU', { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
    new Date(purchase.available_at),
  )
  await expect(bonus.getByTestId('bonus-pending')).toContainText(`— с ${day}`)
  await expect(bonus.getByTestId('bonus-limits')).toContainText('300 ₽ из 300 ₽')
  await expect(bonus.getByTestId('bonus-limits')).toContainText('без ограничения')

  await bonus.getByTestId('bonus-issue').click()
  await expect(bonus.getByTestId('bonus-issued')).toContainText(/Код \d{7} действует до/)
  expect(await seriousViolations(app)).toEqual([])
  const code = ((await bonus.getByTestId('bonus-issued').textContent()) ?? '').match(/\d{7}/)?.[0] ?? ''
  // Until it expires, the code finds the account.
  await page.find(code)
  await expect(page.row(account.number)).toBeVisible()
})
