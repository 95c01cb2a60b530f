// Identifier types: create one with a live test of values, a pattern that does not compile, "already taken by
// account N", delete refused while accounts use the type (and deactivate instead), drafts that survive a restart,
// and the read-only roles.
import type { Account, AccountGroup, IdentifierType } from '../src/shared/api'
import { SANDBOX_PROFILE_NAME, expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { signIn } from './pages/entity-list'
import { IdentifierTypesPage } from './pages/identifier-types-page'
import { LoginPage } from './pages/login-page'
import { OtherWorkstation } from './pages/sandbox-api'
import { startBrowserHost } from '../src/web/host'

async function typeByCode(other: OtherWorkstation, code: string): Promise<IdentifierType> {
  const list = await other.request<{ items: IdentifierType[] }>('GET', '/identifier_types/list?limit=500')
  const type = list.items.find((item) => item.code === code)
  if (!type) throw new Error(`No identifier type ${code}`)
  return type
}

/** An account holding `value` of the type, made on the server as the till would. */
async function accountHolding(other: OtherWorkstation, typeId: number, value: string): Promise<Account> {
  const groups = await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list')
  const group = groups.items[0]
  if (!group) throw new Error('No account group')
  return other.request<Account>('POST', '/accounts/create', {
    number: `E2E-${value}`,
    group_id: group.id,
    identifiers: [{ type_id: typeId, value }],
  })
}

test('create a type: the test field checks values as they are typed, the server checks them once it exists', async ({
  app,
  sandbox,
}) => {
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.createButton.click()
  await page.editor.expectOpen('Новый тип идентификатора')
  await expect(page.editor.field(/^Код/)).toBeFocused()
  await page.fill({
    code: 'gift_card',
    name: 'Подарочная карта',
    kind: 'Штрихкод',
    pattern: 'GC\\d{4}',
    min: '6',
    max: '6',
  })

  await page.testInput.fill('GC12')
  await expect(page.testLocal).toHaveAttribute('data-state', 'mismatch')
  await expect(page.testLocal).toContainText('короче 6 симв. (сейчас 4)')
  await expect(page.testLocal).toContainText('не соответствует шаблону')
  await page.testInput.fill('GC1234')
  await expect(page.testLocal).toHaveAttribute('data-state', 'match')
  await expect(page.testPanel).toContainText('Сервер проверит значение после того, как тип будет создан')

  // The new type's draft is kept and named in the URL, so a reload would reopen it.
  await page.editor.expectDraftSaved()
  await expect(app).toHaveURL(/#\/identifier-types\/new\/[^/]+$/)
  await expect(page.newDrafts).toContainText('Подарочная карта')

  await page.editor.publish()
  // Once created on the server the editor follows the type to its id, and the server answers the test.
  await expect(app).toHaveURL(/#\/identifier-types\/\d+$/)
  await expect(page.table.row('gift_card')).toBeVisible()
  await expect(page.editor.badge).toHaveCount(0)
  await page.testInput.fill('GC12345')
  await expect(page.testServer).toHaveAttribute('data-state', 'invalid')
  await expect(page.testServer).toContainText('длиннее 6 симв. (сейчас 7)')
  await page.testInput.fill('GC7777')
  await expect(page.testServer).toHaveAttribute('data-state', 'valid')

  const other = await OtherWorkstation.login(sandbox.url)
  expect(await typeByCode(other, 'gift_card')).toMatchObject({
    name: 'Подарочная карта',
    kind: 'barcode',
    pattern: 'GC\\d{4}',
    min_length: 6,
    max_length: 6,
    unique: true,
    active: true,
  })
})

test('a pattern that does not compile is shown at the field and cannot be published', async ({
  app,
  sandbox,
}) => {
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.open('phone')
  const pattern = page.editor.field(/^Шаблон/)
  await pattern.fill('^\\+7(\\d{10}$')
  await expect(page.editor.fieldError(/^Шаблон/)).toHaveText(
    'Шаблон — некорректное регулярное выражение: открытая скобка «(» не закрыта',
  )
  await expect(pattern).toHaveAttribute('aria-invalid', 'true')
  await page.testInput.fill('+79991234567')
  await expect(page.testLocal).toHaveAttribute('data-state', 'broken')
  await expect(page.testLocal).toContainText('Нельзя проверить: шаблон не компилируется')

  await page.editor.publish()
  await expect(app.getByRole('alert').filter({ hasText: 'Проверьте выделенные поля' })).toBeVisible()
  await expect(page.editor.badge).toHaveAttribute('data-draft-state', 'draft')
  await pattern.fill('^\\+7\\d{10}$')
  await expect(page.editor.fieldError(/^Шаблон/)).toHaveCount(0)
  await expect(page.testLocal).toHaveAttribute('data-state', 'match')
  const other = await OtherWorkstation.login(sandbox.url)
  expect((await typeByCode(other, 'phone')).version).toBe(1)
})

test('the server says a value is already taken, naming the card that holds it', async ({ app, sandbox }) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const card = await typeByCode(other, 'card')
  const holder = await accountHolding(other, card.id, '5555000011112222')
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.open('card')
  await page.testInput.fill('5555000011112222')
  await expect(page.testLocal).toHaveAttribute('data-state', 'match')
  await expect(page.testServer).toHaveAttribute('data-state', 'invalid')
  // The holder by its card number, not an internal id; «Сервер» said once.
  await expect(page.testServer).toContainText(`уже занято картой ${holder.number}`)
  await expect(page.testServer).toContainText(/^Сервер не примет это значение/)
  await page.testInput.fill('5555000011113333')
  await expect(page.testServer).toHaveAttribute('data-state', 'valid')
})

test('deleting a type that accounts use is refused with the reason; deactivate it instead', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const card = await typeByCode(other, 'card')
  await accountHolding(other, card.id, '4444000011112222')
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.open('card')
  await page.editor.delete()
  await expect(page.editor.deleteRefused).toContainText('Сервер отказался удалять')
  await expect(page.editor.deleteRefused).toContainText('Тип «Номер карты» уже используется счетами')
  await expect(page.editor.deleteRefused).not.toContainText('is used by accounts')
  await expect(page.editor.badge).toHaveAttribute('data-draft-state', 'failed')
  expect((await typeByCode(other, 'card')).version).toBe(card.version)

  await page.editor.root.getByRole('button', { name: 'Деактивировать' }).first().click()
  await expect(page.editor.deleteRefused).toHaveCount(0)
  await expect.poll(async () => (await typeByCode(other, 'card')).active).toBe(false)
  await expect(page.editor.badge).toHaveCount(0)
  await expect(page.editor.field(/^Активен/)).not.toBeChecked()
})

test('an unused type is deleted, and the refused delete of a used one can be cancelled', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  await other.request('POST', '/identifier_types/create', {
    code: 'temp',
    name: 'Временный',
    kind: 'other',
    pattern: null,
    min_length: null,
    max_length: null,
    unique: false,
    active: true,
  })
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.open('temp')
  await page.editor.delete()
  await expect(app.getByTestId('toast').filter({ hasText: '«Временный» удалено' })).toBeVisible()
  await expect(page.table.row('temp')).toHaveCount(0)
  await expect(page.editor.root).toHaveCount(0)
  await expect(app).toHaveURL(/#\/identifier-types$/)

  const card = await typeByCode(other, 'card')
  await accountHolding(other, card.id, '3333000011112222')
  await page.open('card')
  await page.editor.delete()
  await expect(page.editor.deleteRefused).toBeVisible()
  await page.editor.cancelDeleteButton.click()
  await expect(page.editor.deleteRefused).toHaveCount(0)
  await expect(page.editor.badge).toHaveCount(0)
  await expect(page.editor.publishButton).toBeEnabled()
})

test('an edit autosaves as a draft and survives a restart of the app', async ({
  app,
  host,
  dataDir,
  sandbox,
}) => {
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await page.open('email')
  await page.editor.field(/^Название/).fill('Электронная почта')
  await page.editor.expectDraftSaved()
  await expect(page.table.row('email')).toContainText('черновик')

  // A restart: the host and its core go away; a new one opens the same data directory.
  await host.close()
  const restarted = await startBrowserHost({
    dataDir,
    defaultProfiles: [{ name: SANDBOX_PROFILE_NAME, baseUrl: sandbox.url }],
    log: () => {},
  })
  try {
    await app.goto(restarted.urlWithKey)
    // The browser host keeps no login across restarts (memory-only secrets): log in, the draft is there.
    await new LoginPage(app).login('admin', '111')
    await app.goto(`${restarted.url}/#/identifier-types`)
    await page.open('email')
    await expect(page.editor.field(/^Название/)).toHaveValue('Электронная почта')
    await expect(page.editor.badge).toHaveAttribute('data-draft-state', 'draft')
    await page.editor.discardButton.click()
    await expect(page.editor.field(/^Название/)).toHaveValue('E-mail')
    await expect(page.editor.badge).toHaveCount(0)
  } finally {
    await restarted.close()
  }
})

for (const role of ['marketing', 'viewer'] as const) {
  test(`${role} sees identifier types read-only and can still test a value`, async ({ app }) => {
    await signIn(app, role)
    const page = new IdentifierTypesPage(app)
    await page.goto()
    await expect(app.getByText(/этот раздел доступен только для просмотра/)).toBeVisible()
    await expect(page.createButton).toHaveCount(0)
    await page.open('phone')
    await expect(page.editor.readOnlyBanner).toBeVisible()
    await expect(page.editor.field(/^Название/)).toBeDisabled()
    await expect(page.editor.publishButton).toHaveCount(0)
    await expect(page.editor.deleteButton).toHaveCount(0)
    await page.testInput.fill('+79990001122')
    await expect(page.testLocal).toHaveAttribute('data-state', 'match')
    await expect(page.testServer).toHaveAttribute('data-state', /valid|invalid/)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('axe finds nothing serious: the list, the editor with a tested value, a bad pattern, a refused delete', async ({
      app,
      sandbox,
    }) => {
      // Several axe passes: slow on a busy machine.
      test.slow()
      const other = await OtherWorkstation.login(sandbox.url)
      const card = await typeByCode(other, 'card')
      await accountHolding(other, card.id, '2222000011112222')
      await signIn(app)
      const page = new IdentifierTypesPage(app)
      await page.goto()
      expect(await seriousViolations(app)).toEqual([])
      await page.open('card')
      await page.testInput.fill('2222000011112222')
      await expect(page.testServer).toHaveAttribute('data-state', 'invalid')
      expect(await seriousViolations(app)).toEqual([])
      await page.editor.field(/^Шаблон/).fill('(\\d')
      await expect(page.editor.fieldError(/^Шаблон/)).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
      await page.editor.discardButton.click()
      await page.editor.delete()
      await expect(page.editor.deleteRefused).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
    })
  })
}

test('by keyboard: search, open from the grid, edit, Ctrl+S, Esc', async ({ app, sandbox }) => {
  await signIn(app)
  const page = new IdentifierTypesPage(app)
  await page.goto()
  await app.keyboard.press('Control+K')
  await expect(page.table.filter).toBeFocused()
  await app.keyboard.type('phone')
  await expect(page.table.rows).toHaveCount(1)
  await app.keyboard.press('Tab')
  await expect(page.table.grid).toBeFocused()
  await app.keyboard.press('Enter')
  await page.editor.expectOpen('Телефон')
  await expect(app).toHaveURL(/#\/identifier-types\/\d+$/)

  // Tab walks from the grid through its sortable headers into the editor: close button, then the fields.
  const name = page.editor.field(/^Название/)
  for (let i = 0; i < 16 && !(await name.evaluate((element) => element === document.activeElement)); i++) {
    await app.keyboard.press('Tab')
  }
  await expect(name).toBeFocused()
  await app.keyboard.press('Control+A')
  await app.keyboard.type('Мобильный телефон')
  await app.keyboard.press('Control+S')
  await expect(page.table.row('Мобильный телефон')).toBeVisible()
  await expect(page.editor.badge).toHaveCount(0)
  const other = await OtherWorkstation.login(sandbox.url)
  expect((await typeByCode(other, 'phone')).name).toBe('Мобильный телефон')

  // Space on the unique switch, then Esc: the draft stays, the editor closes.
  await app.keyboard.press('Tab')
  await expect(page.editor.field(/^Вид/)).toBeFocused()
  await page.editor.field(/^Уникальный/).focus()
  await app.keyboard.press('Space')
  await expect(page.editor.field(/^Уникальный/)).not.toBeChecked()
  await page.editor.expectDraftSaved()
  await app.keyboard.press('Escape')
  await expect(page.editor.root).toHaveCount(0)
  await expect(page.table.row('Мобильный телефон')).toContainText('черновик')
  // The sidebar's hint says what Esc just did, not «отмена».
  await expect(app.locator('.sidebar__hint')).toContainText('Esc — закрыть редактор, черновик сохранится')
})
