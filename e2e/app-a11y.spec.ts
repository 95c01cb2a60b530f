// axe on the screens this part builds: no serious or critical violations, in both colour schemes.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { LoginPage, signIn } from './pages/login-page'

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze()
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

// axe walks the whole DOM several times per test: give it room on a busy machine.
test.describe.configure({ timeout: 180_000 })

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('the login screen, with an error shown', async ({ app }) => {
      const login = new LoginPage(app)
      await login.expectVisible()
      expect(await seriousViolations(app)).toEqual([])
      await login.login('admin', 'wrong')
      await expect(login.error).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
    })

    test('the shell, a list with a selection, the drafts panel and the session dialog', async ({ app }) => {
      const shell = await signIn(app)
      await shell.goTo('ladders')
      await app.getByRole('grid').getByRole('row').nth(1).click()
      await expect(app.getByTestId('ladder-editor')).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
      const panel = await shell.openDrafts()
      expect(await seriousViolations(app)).toEqual([])
      await panel.close()
      await shell.statusUser.click()
      await expect(app.getByRole('dialog')).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
    })
  })
}

test('by keyboard: Ctrl+K focuses the search, Esc clears it, arrows and Enter open a row', async ({
  app,
}) => {
  const shell = await signIn(app)
  await shell.goTo('ladders')
  await app.keyboard.press('Control+K')
  const search = app.getByRole('searchbox', { name: 'Найти лестницу' })
  await expect(search).toBeFocused()
  await app.keyboard.type('VIP')
  await expect(app.getByRole('grid').getByRole('row')).toHaveCount(2)
  await app.keyboard.press('Escape')
  await expect(search).toHaveValue('')
  const grid = app.getByRole('grid', { name: 'Лестницы' })
  await grid.focus()
  await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Enter')
  await expect(app.getByTestId('ladder-editor')).toBeVisible()
  await expect(app).toHaveURL(/#\/ladders\/\d+$/)
  // A link to a ladder the server does not have says so, instead of «choose a ladder».
  await app.evaluate(() => {
    location.hash = '#/ladders/999'
  })
  await expect(app.getByTestId('ladder-pane')).toContainText('Записи больше нет')
  await app.getByRole('button', { name: 'К списку' }).click()
  await expect(app).toHaveURL(/#\/ladders$/)
})
