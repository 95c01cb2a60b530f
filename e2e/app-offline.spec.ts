// The server goes away and comes back: the status bar says so with the age of the data, the screens keep
// showing main's cache with a banner, and a click on the connection checks it again.
import { expect, test } from './fixtures'
import { signIn } from './pages/login-page'

test('offline: cached data with its age, a banner, and back online on a check', async ({ app, sandbox }) => {
  const shell = await signIn(app)
  await shell.goTo('ladders')
  const rows = app.getByRole('grid', { name: 'Лестницы' }).getByRole('row')
  await expect(rows).toHaveCount(4)
  await expect(shell.statusConnection).toContainText('В сети')

  await sandbox.stop()
  // A refresh meets the closed port: main flips to offline and answers from its cache.
  await app.getByRole('button', { name: 'Обновить' }).click()
  await expect(shell.statusConnection).toContainText('Нет связи', { timeout: 20_000 })
  await expect(shell.statusConnection).toContainText(/данные на \d\d:\d\d/)
  await expect(
    app.getByRole('status').filter({ hasText: 'Нет связи с сервером — показаны данные на' }),
  ).toBeVisible()
  await expect(rows).toHaveCount(4)

  await shell.statusConnection.click()
  await expect(app.getByTestId('toast').filter({ hasText: 'Сервер по-прежнему недоступен' })).toBeVisible()

  await sandbox.start()
  await shell.statusConnection.click()
  await expect(shell.statusConnection).toContainText('В сети')
  await expect(
    app.getByTestId('toast').filter({ hasText: /^(Связь с сервером восстановлена|Сервер отвечает)$/ }),
  ).toBeVisible()
  await expect(app.getByText('Нет связи с сервером — показаны данные на')).toHaveCount(0)
})
