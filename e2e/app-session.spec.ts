// Connection and login through the browser host against a real sandbox server: the happy path and every way a
// login fails, logout, the language switch, and the prompt when the session expires under the user.
import { createServer } from 'node:net'
import { expect, test } from './fixtures'
import { LoginPage } from './pages/login-page'
import { ShellPage } from './pages/shell-page'

/** A port on which nothing listens: opened, noted and closed again. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('the sandbox profile is ready and an admin logs in with name and role shown', async ({ app }) => {
  const login = new LoginPage(app)
  await expect(login.profileSelect.locator('option:checked')).toHaveText('Локальная песочница')
  await login.login('admin', '111')
  const shell = new ShellPage(app)
  await shell.expectVisible()
  // The demo admin is called «Администратор», like the role: it reads once, not «Администратор · Администратор».
  await expect(shell.statusUser).toHaveText('Администратор')
  await expect(shell.statusUser).toHaveAttribute('title', /\(admin\), роль «Администратор»/)
  await expect(shell.statusProfile).toHaveText('Локальная песочница')
  await expect(shell.statusConnection).toContainText('В сети')
  await expect(shell.statusConnection).toContainText(/данные на \d\d:\d\d/)
})

test('a wrong password says so and keeps the login', async ({ app }) => {
  const login = new LoginPage(app)
  await login.login('admin', 'wrong')
  await expect(login.error).toHaveText('Неверный логин или пароль')
  await expect(login.username).toHaveValue('admin')
  await expect(login.password).toHaveValue('')
  await expect(login.password).toBeFocused()
  // An empty submit is answered at the fields; the last attempt's message does not stay.
  await login.username.fill('')
  await login.submit.click()
  await expect(login.error).toHaveCount(0)
  await expect(login.username).toHaveAttribute('aria-invalid', 'true')
})

test('an address that answers 404 is named as not a ProBonus server', async ({ app, sandbox }) => {
  const login = new LoginPage(app)
  const url = `${sandbox.url}/nothing-here`
  await login.addProfile('Не тот адрес', url)
  await login.login('admin', '111')
  await expect(login.error).toHaveText(
    `По адресу ${url} отвечает не сервер ProBonus. Проверьте адрес и порт в настройках сервера.`,
  )
})

test('an unreachable server is named in the message', async ({ app }) => {
  const login = new LoginPage(app)
  const url = `http://127.0.0.1:${await closedPort()}`
  await login.addProfile('Закрытый порт', url)
  await login.login('admin', '111')
  await expect(login.error).toHaveText(`Сервер ${url} не отвечает. Проверьте адрес и подключение к сети.`)
})

test('too many attempts: the message counts the seconds down and the button waits', async ({ app }) => {
  const login = new LoginPage(app)
  // A login of its own, so no other test's login is throttled.
  for (let attempt = 0; attempt < 5; attempt++) {
    await login.login('кассир', 'wrong')
    await expect(login.error).toHaveText('Неверный логин или пароль')
  }
  await login.login('кассир', 'wrong')
  await expect(login.error).toHaveText(/^Слишком много неудачных попыток\. Повторите через \d+ секунд/)
  await expect(login.submit).toBeDisabled()
  const seconds = async () => Number(/через (\d+)/.exec((await login.error.textContent()) ?? '')?.[1])
  const first = await seconds()
  expect(first).toBeGreaterThan(1)
  expect(first).toBeLessThanOrEqual(60)
  await expect.poll(seconds, { timeout: 5000 }).toBeLessThan(first)
  // The server throttles that login only: another one may log in meanwhile.
  await login.username.fill('admin')
  await expect(login.submit).toBeEnabled()
  await expect(login.error).toHaveCount(0)
  await login.username.fill('кассир')
  await expect(login.submit).toBeDisabled()
  await login.login('admin', '111')
  await new ShellPage(app).expectVisible()
})

test('logout returns to the login screen', async ({ app }) => {
  const login = new LoginPage(app)
  await login.login('viewer', '111')
  const shell = new ShellPage(app)
  await expect(shell.statusUser).toContainText('Наблюдатель')
  await shell.logout()
  await login.expectVisible()
  // Said once, on the login screen (no toast saying it again), and gone with the next attempt.
  await expect(app.getByText('Вы вышли')).toHaveCount(1)
  await expect(app.getByRole('status').filter({ hasText: 'Вы вышли' })).toBeVisible()
  await expect(login.username).toHaveValue('viewer')
  await login.login('viewer', 'wrong')
  await expect(login.error).toHaveText('Неверный логин или пароль')
  await expect(app.getByText('Вы вышли')).toHaveCount(0)
})

test('the language switches to English and back, and is remembered', async ({ app }) => {
  const login = new LoginPage(app)
  await login.login('admin', '111')
  const shell = new ShellPage(app)
  await expect(shell.heading).toHaveText('Лестницы')
  await shell.languageSwitch.click()
  await expect(shell.heading).toHaveText('Ladders')
  await expect(shell.statusConnection).toContainText('Online')
  await expect(app.locator('html')).toHaveAttribute('lang', 'en')
  await app.reload()
  await expect(shell.heading).toHaveText('Ladders')
  await shell.languageSwitch.click()
  await expect(shell.heading).toHaveText('Лестницы')
  await expect(app.locator('html')).toHaveAttribute('lang', 'ru')
})

test('server profiles can be added, renamed and removed', async ({ app }) => {
  const login = new LoginPage(app)
  await login.addProfile('Офис', 'http://127.0.0.1:1')
  await login.editSelectedProfile({ name: 'Офис на Тверской' })
  await expect(login.profileSelect.locator('option:checked')).toHaveText('Офис на Тверской')
  await login.removeSelectedProfile()
  await expect(login.profileSelect.locator('option', { hasText: 'Офис на Тверской' })).toHaveCount(0)
  await expect(login.profileSelect.locator('option', { hasText: 'Локальная песочница' })).toHaveCount(1)
})

test('a profile with an address that is not http(s) is refused at the field', async ({ app }) => {
  await app.getByRole('button', { name: 'Добавить сервер' }).click()
  const dialog = app.getByRole('dialog')
  await dialog.getByLabel(/^Название/).fill('Плохой')
  await dialog.getByLabel(/^Адрес сервера/).fill('ftp://example')
  await dialog.getByRole('button', { name: 'Сохранить' }).click()
  const url = dialog.getByLabel(/^Адрес сервера/)
  await expect(url).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('alert')).toHaveText('Адрес http(s), например http://127.0.0.1:8777')
})
