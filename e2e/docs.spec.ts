import { expect, test } from '@playwright/test'
import { startSandbox, type Sandbox } from '../src/server/testing'

// The sandbox's Swagger UI works in a browser: Authorize with the OAuth2 password flow, then "Try it out".
let sandbox: Sandbox

test.beforeAll(async () => {
  sandbox = await startSandbox()
})
test.afterAll(async () => {
  await sandbox?.dispose()
})

test('/docs authorizes admin/111 through the password flow and runs GET /api/v0/auth/info', async ({
  page,
}) => {
  await page.goto(`${sandbox.url}/docs`)
  await expect(page.getByRole('heading', { name: /ProBonus API/ })).toBeVisible()

  await page.locator('.auth-wrapper button.authorize').click()
  const dialog = page.locator('.modal-ux')
  await expect(dialog.getByText('OAuth2PasswordBearer')).toBeVisible()
  await dialog.locator('#oauth_username').fill('admin')
  await dialog.locator('#oauth_password').fill('111')
  const tokenAnswer = page.waitForResponse((response) => response.url().endsWith('/api/v0/auth/login'))
  await dialog.locator('.auth-btn-wrapper button.authorize').click()
  expect((await tokenAnswer).status()).toBe(200)
  // Authorized: the dialog now offers to log out.
  await expect(dialog.locator('.auth-btn-wrapper button', { hasText: 'Logout' })).toBeVisible()
  await dialog.locator('button.btn-done').click()

  const operation = page.locator('.opblock-get', {
    has: page.locator('.opblock-summary-path[data-path="/api/v0/auth/info"]'),
  })
  await operation.locator('.opblock-summary').click()
  await operation.getByRole('button', { name: 'Try it out' }).click()
  const infoAnswer = page.waitForResponse((response) => response.url().endsWith('/api/v0/auth/info'))
  await operation.getByRole('button', { name: 'Execute' }).click()
  expect((await infoAnswer).status()).toBe(200)
  const live = operation.locator('.live-responses-table .response')
  await expect(live.locator('.response-col_status')).toHaveText('200')
  await expect(live.locator('.response-col_description')).toContainText('"login": "admin"')
})
