// Drafts and the session: the drafts panel lists what main keeps, discards for real, and a session that
// expires under the user asks for the password again over the current screen without losing a draft.
import { expect, test } from './fixtures'
import { connectToHost } from './pages/host-ipc'
import { signIn } from './pages/login-page'
import { SessionExpiredPrompt } from './pages/shell-page'

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
