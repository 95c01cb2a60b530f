// Offline and back: cached data with its age while the server is down, edits and creates that wait as «ожидает
// синхронизации» and land when it is back; and a conflict with a colleague's change, resolved both ways.
import type { AccountGroup, IdentifierType } from '../src/shared/api'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { AccountGroupsPage } from './pages/account-groups-page'
import { signIn } from './pages/entity-list'
import { IdentifierTypesPage } from './pages/identifier-types-page'
import { RkDiscountsPage } from './pages/rk-discounts-page'
import { OtherWorkstation } from './pages/sandbox-api'
import { ShellPage } from './pages/shell-page'

const OFFLINE_BANNER =
  /Нет связи с сервером — показаны данные на \d{2}:\d{2}\. Правки сохраняются как черновики\./

async function groupNamed(other: OtherWorkstation, name: string): Promise<AccountGroup | undefined> {
  const list = await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list?limit=500')
  return list.items.find((group) => group.name === name)
}

async function typeByCode(other: OtherWorkstation, code: string): Promise<IdentifierType | undefined> {
  const list = await other.request<{ items: IdentifierType[] }>('GET', '/identifier_types/list?limit=500')
  return list.items.find((type) => type.code === code)
}

/** The server is back: the person asks the status bar to check the connection now. */
async function reconnect(app: Page): Promise<void> {
  const shell = new ShellPage(app)
  await shell.statusConnection.click()
  await expect(shell.statusConnection).toContainText('В сети')
}

test('an edit made offline waits as «ожидает синхронизации» and lands when the server is back', async ({
  app,
  sandbox,
}) => {
  const shell = await signIn(app)
  const page = new AccountGroupsPage(app)
  await page.goto()
  await page.open('VIP')

  await sandbox.stop()
  await page.descriptionField.fill('Крупные гости и корпоративные клиенты')
  await page.editor.expectDraftSaved()
  await page.editor.publish()
  await expect(page.editor.badge).toHaveAttribute('data-draft-state', /queued|syncing/)
  await expect(page.editor.badge).toHaveText('ожидает синхронизации')
  await expect(page.table.row('VIP')).toContainText('ожидает синхронизации')
  await expect(shell.statusConnection).toContainText('Нет связи')
  await expect(app.getByText(OFFLINE_BANNER)).toBeVisible()
  // Still editable while it waits: a second edit folds into the queued one.
  await page.nameField.fill('VIP-гости')
  await page.editor.publish()
  await expect(page.editor.badge).toHaveText('ожидает синхронизации')

  await sandbox.start()
  await reconnect(app)
  await expect(page.editor.badge).toHaveCount(0)
  await expect(page.table.row('VIP-гости')).toBeVisible()
  await expect(app.getByText(OFFLINE_BANNER)).toHaveCount(0)
  const other = await OtherWorkstation.login(sandbox.url)
  expect(await groupNamed(other, 'VIP-гости')).toMatchObject({
    description: 'Крупные гости и корпоративные клиенты',
    version: 2,
  })
})

test('offline the screens show cached data with its age, and a type created offline is created later', async ({
  app,
  sandbox,
}) => {
  await signIn(app)
  const catalog = new RkDiscountsPage(app)
  await catalog.goto()
  await expect(catalog.table.count).toHaveText('42 строки')
  const types = new IdentifierTypesPage(app)
  await types.goto()
  await expect(types.table.rows).toHaveCount(5)

  await sandbox.stop()
  // A reload while offline: main answers from its cache, and the screen says how old the data is.
  await app.reload()
  await catalog.goto()
  await expect(catalog.table.count).toHaveText('42 строки')
  // The health probe runs every 15 s while online; the person asks for a check instead of waiting for it.
  const shell = new ShellPage(app)
  await shell.statusConnection.click()
  await expect(shell.statusConnection).toContainText('Нет связи')
  await expect(app.getByText(OFFLINE_BANNER)).toBeVisible()
  await expect(catalog.importButton).toBeVisible()

  await types.goto()
  await expect(types.table.rows).toHaveCount(5)
  await types.createButton.click()
  await types.fill({
    code: 'loyalty_app',
    name: 'Приложение лояльности',
    kind: 'QR-код',
    pattern: '[A-Z]{3}\\d{5}',
  })
  await types.testInput.fill('ABC12345')
  await expect(types.testLocal).toHaveAttribute('data-state', 'match')
  await types.editor.publish()
  await expect(types.editor.badge).toHaveText('ожидает синхронизации')
  await expect(types.newDrafts).toContainText('Приложение лояльности')
  await expect(types.newDrafts).toContainText('ожидает синхронизации')

  await sandbox.start()
  await reconnect(app)
  await expect(app).toHaveURL(/#\/identifier-types\/\d+$/)
  await expect(types.table.row('loyalty_app')).toBeVisible()
  await expect(types.newDrafts).toHaveCount(0)
  const other = await OtherWorkstation.login(sandbox.url)
  expect(await typeByCode(other, 'loyalty_app')).toMatchObject({
    kind: 'qr',
    pattern: '[A-Z]{3}\\d{5}',
    version: 1,
  })
})

/**
 * This app edits the QR type's name (a draft based on version 1); meanwhile a colleague renames it on the server;
 * then this app publishes: the server answers 409 and the editor shows the conflict.
 */
async function conflictOnQrType(
  app: Page,
  serverUrl: string,
): Promise<{ other: OtherWorkstation; page: IdentifierTypesPage }> {
  const other = await OtherWorkstation.login(serverUrl)
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.open('qr')
  await page.editor.field(/^Название/).fill('QR-код (моё)')
  await page.editor.expectDraftSaved()

  const base = await typeByCode(other, 'qr')
  if (!base) throw new Error('The demo seed has no qr type')
  const { id, version, created_at: _c, updated_at: _u, updated_by: _b, ...fields } = base
  await other.request('PUT', `/identifier_types/${id}`, { ...fields, name: 'QR-код (коллега)', version })

  await page.editor.publish()
  await expect(page.editor.badge).toHaveAttribute('data-draft-state', 'conflict')
  await expect(page.table.row('qr')).toContainText('конфликт')
  await expect(new ShellPage(app).statusConflicts).toHaveText('Конфликты: 1')
  await page.editor.resolveButton.click()
  const view = app.getByTestId('conflict-view')
  await expect(view).toBeVisible()
  const nameRow = view.getByRole('row', { name: /^Название/ })
  await expect(nameRow).toContainText('QR-код приложения')
  await expect(nameRow).toContainText('QR-код (моё)')
  await expect(nameRow).toContainText('QR-код (коллега)')
  return { other, page }
}

test('a conflict resolved by keeping mine: my edit goes on top of the colleague’s version', async ({
  app,
  sandbox,
}) => {
  const { other, page } = await conflictOnQrType(app, sandbox.url)
  await app.getByTestId('conflict-keep-mine').click()
  await expect(app.getByTestId('conflict-view')).toBeHidden()
  await expect(page.editor.badge).toHaveCount(0)
  await expect(new ShellPage(app).statusConflicts).toHaveText('Конфликты: 0')
  await expect.poll(async () => (await typeByCode(other, 'qr'))?.name).toBe('QR-код (моё)')
  expect((await typeByCode(other, 'qr'))?.version).toBe(3)
  await expect(page.editor.field(/^Название/)).toHaveValue('QR-код (моё)')
})

test('a conflict resolved by taking theirs: my edit is dropped and the editor shows the server version', async ({
  app,
  sandbox,
}) => {
  const { other, page } = await conflictOnQrType(app, sandbox.url)
  await app.getByTestId('conflict-take-theirs').click()
  await expect(app.getByTestId('conflict-view')).toBeHidden()
  await expect(page.editor.badge).toHaveCount(0)
  await expect(page.editor.field(/^Название/)).toHaveValue('QR-код (коллега)')
  await expect(page.table.row('qr')).toContainText('QR-код (коллега)')
  const qr = await typeByCode(other, 'qr')
  expect(qr).toMatchObject({ name: 'QR-код (коллега)', version: 2 })
})
