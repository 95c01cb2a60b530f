// Drafts and the session: the drafts panel lists what main keeps, discards for real, and a session that
// expires under the user asks for the password again over the current screen without losing a draft.
import { expect, test } from './fixtures'
import { connectToHost } from './pages/host-ipc'
import { IdentifierTypesPage } from './pages/identifier-types-page'
import { signIn } from './pages/login-page'
import { DraftsPanel, SessionExpiredPrompt } from './pages/shell-page'

const group = (name: string) => ({ name, description: null, ladder_id: null, active: true })

test('the drafts panel shows every draft with its badge and discards one for good', async ({ app }) => {
  const shell = await signIn(app)
  const ipc = await connectToHost(app)
  try {
    for (const name of ['Гости из отеля', 'Корпоративные']) {
      const saved = await ipc.invoke('drafts:save', {
        entity: 'account_group',
        entity_id: null,
        payload: group(name),
      })
      expect(saved.ok).toBe(true)
    }
    // Main's drafts:changed reaches the open window: no reload, no polling.
    await expect(shell.statusDrafts).toHaveText('Черновики: 2')
    const panel = await shell.openDrafts()
    await panel.show(/^Все/)
    await expect(panel.rows).toHaveCount(2)
    await expect(panel.row('Корпоративные')).toContainText('черновик')
    await expect(panel.row('Корпоративные')).toContainText('Группа счетов · создание')

    await panel.discard('Корпоративные')
    await expect(panel.row('Корпоративные')).toHaveCount(0)
    await expect(panel.rows).toHaveCount(1)
    await expect(shell.statusDrafts).toHaveText('Черновики: 1')
    const left = await ipc.invoke('drafts:list')
    expect(left.ok && left.data.items.map((item) => item.title)).toEqual(['Гости из отеля'])
  } finally {
    ipc.close()
  }
})

test('a refused create says so (not a green check, not a conflict), is fixed in place and leaves no ghost', async ({
  app,
}) => {
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.createButton.click()
  await page.editor.expectOpen('Новый тип идентификатора')
  await page.fill({ code: 'card', name: 'Вторая карта' })
  await page.editor.expectDraftSaved()
  await page.editor.publish()

  // The toast follows the edit to the server's answer, and keeps clear of the editor's buttons.
  const toast = app.getByTestId('toast').filter({ hasText: 'Вторая карта' })
  await expect(toast).toContainText('Сервер не принял «Вторая карта')
  await expect(toast).toContainText('Код «card» уже занят другим типом')
  const [toastBox, buttonBox] = [await toast.boundingBox(), await page.editor.publishButton.boundingBox()]
  if (!toastBox || !buttonBox) throw new Error('toast or button not laid out')
  const apart =
    toastBox.x + toastBox.width <= buttonBox.x ||
    buttonBox.x + buttonBox.width <= toastBox.x ||
    toastBox.y + toastBox.height <= buttonBox.y ||
    buttonBox.y + buttonBox.height <= toastBox.y
  expect(apart).toBe(true)

  // The drafts panel calls it a refusal, not «changed on the server after you».
  await app.getByTestId('status-failed').click()
  const panel = new DraftsPanel(app)
  await expect(panel.row('Вторая карта')).toContainText('Сервер не принял правку')
  await expect(panel.root).not.toContainText('изменили на сервере')
  await panel.close()

  // Fixing the code in the same editor replaces the refused create: one type, no error left behind.
  await page.fill({ code: 'card_two' })
  await page.editor.publish()
  await expect(
    app.getByTestId('toast').filter({ hasText: /«Вторая карта.*» сохранено на сервере/ }),
  ).toBeVisible()
  // The editor follows the new type (not the «card» it collided with).
  await expect(page.editor.field(/^Код/)).toHaveValue('card_two')
  await expect(app).toHaveURL(/#\/identifier-types\/\d+$/)
  await expect(app.getByTestId('status-failed')).toHaveCount(0)
  const ipc = await connectToHost(app)
  try {
    const left = await ipc.invoke('drafts:list')
    expect(left.ok && left.data.items).toEqual([])
  } finally {
    ipc.close()
  }
})

test.describe('with tokens that die fast', () => {
  // The access token lives 1 s, the refresh token 4 s.
  test.use({ sandboxOptions: { accessTokenTtlSeconds: 1, refreshTokenTtlSeconds: 4 } })

  test('a session that expires asks to log in again over the screen and keeps every draft', async ({
    app,
  }) => {
    const shell = await signIn(app)
    await shell.goTo('ladders')
    const ipc = await connectToHost(app)
    try {
      const saved = await ipc.invoke('drafts:save', {
        entity: 'account_group',
        entity_id: null,
        payload: group('Черновик до истечения'),
      })
      expect(saved.ok).toBe(true)
    } finally {
      ipc.close()
    }
    await expect(shell.statusDrafts).toHaveText('Черновики: 1')

    // Let the refresh token run out, then ask the server for something.
    await app.waitForTimeout(5000)
    await app.getByRole('button', { name: 'Обновить' }).click()
    const prompt = new SessionExpiredPrompt(app)
    await expect(prompt.root).toBeVisible()
    await expect(prompt.root).toContainText('Ваши правки сохранены: 1 черновик')
    // The screen stays behind the prompt; Esc does not dismiss it.
    await expect(shell.heading).toHaveText('Лестницы')
    await app.keyboard.press('Escape')
    await expect(prompt.root).toBeVisible()

    await prompt.login('111')
    await expect(prompt.root).toBeHidden()
    await expect(shell.heading).toHaveText('Лестницы')
    await expect(shell.statusDrafts).toHaveText('Черновики: 1')
    const panel = await shell.openDrafts()
    await expect(panel.row('Черновик до истечения')).toBeVisible()
  })
})
