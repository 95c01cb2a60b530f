// Account groups: the list with account counts and ladders, create a group with a ladder, edit one through its
// draft, delete refused while the group has accounts, delete an empty one, and the read-only roles.
import type { AccountGroup, Ladder } from '../src/shared/api'
import { expect, test } from './fixtures'
import { AccountGroupsPage } from './pages/account-groups-page'
import { seriousViolations } from './pages/a11y'
import { signIn } from './pages/entity-list'
import { OtherWorkstation } from './pages/sandbox-api'

async function groups(other: OtherWorkstation): Promise<AccountGroup[]> {
  return (await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list?limit=500')).items
}

async function groupNamed(other: OtherWorkstation, name: string): Promise<AccountGroup | undefined> {
  return (await groups(other)).find((group) => group.name === name)
}

test('the list shows each group’s accounts and ladder; a new group with a ladder reaches the server', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const ladders = (await other.request<{ items: Ladder[] }>('GET', '/ladders/list')).items
  const vipLadder = ladders.find((ladder) => ladder.name === 'VIP за год')
  if (!vipLadder) throw new Error('The demo seed has no «VIP за год» ladder')
  const guests = await groupNamed(other, 'Гости')

  await signIn(app)
  const page = new AccountGroupsPage(app)
  await page.goto()
  await expect(page.table.rows).toHaveCount((await groups(other)).length)
  const guestsRow = page.table.row('Гости')
  await expect(guestsRow).toContainText('Гостевая')
  await expect(guestsRow).toContainText(guests!.accounts_count.toLocaleString('ru-RU'))
  await expect(page.table.row('Сотрудники')).toContainText('Без лестницы')

  await page.createButton.click()
  await page.editor.expectOpen('Новая группа счетов')
  // A new record's form takes the focus on its first field, not on the toolbar's button.
  await expect(page.nameField).toBeFocused()
  await page.nameField.fill('Гости из отеля')
  await page.descriptionField.fill('Партнёрская программа с отелем «Волна»')
  await page.ladderField.selectOption({ label: 'VIP за год' })
  await expect(page.editor.root.getByRole('link', { name: 'Открыть лестницу «VIP за год»' })).toBeVisible()
  await page.editor.expectDraftSaved()
  await expect(page.newDrafts).toContainText('Гости из отеля')
  await page.editor.publish()

  await expect(app).toHaveURL(/#\/account-groups\/\d+$/)
  await expect(page.table.row('Гости из отеля')).toContainText('VIP за год')
  await expect(page.newDrafts).toHaveCount(0)
  await expect(page.accounts).toContainText('В группе нет счетов')
  expect(await groupNamed(other, 'Гости из отеля')).toMatchObject({
    description: 'Партнёрская программа с отелем «Волна»',
    ladder_id: vipLadder.id,
    active: true,
    accounts_count: 0,
  })
})

test('an edit is a draft first («черновик»), and Ctrl+S publishes it', async ({ app, sandbox }) => {
  await signIn(app)
  const page = new AccountGroupsPage(app)
  await page.goto()
  await page.open('Сотрудники')
  const publishAt = await page.editor.publishButton.boundingBox()
  await page.descriptionField.fill('Персонал всех ресторанов сети')
  await page.activeField.uncheck()
  await page.editor.expectDraftSaved()
  // The status and «Discard» appeared in the footer; Publish did not move.
  expect(await page.editor.publishButton.boundingBox()).toEqual(publishAt)
  await expect(page.table.row('Сотрудники')).toContainText('черновик')
  await app.keyboard.press('Control+S')
  await expect(page.editor.badge).toHaveCount(0)
  await expect(page.table.row('Сотрудники')).not.toContainText('черновик')
  const other = await OtherWorkstation.login(sandbox.url)
  await expect
    .poll(async () => (await groupNamed(other, 'Сотрудники'))?.description)
    .toBe('Персонал всех ресторанов сети')
  expect((await groupNamed(other, 'Сотрудники'))?.active).toBe(false)
  // Esc closes the editor; the list keeps its place.
  await app.keyboard.press('Escape')
  await expect(page.editor.root).toHaveCount(0)
  await expect(app).toHaveURL(/#\/account-groups$/)
})

test('a name the schema refuses is shown at the field', async ({ app }) => {
  await signIn(app)
  const page = new AccountGroupsPage(app)
  await page.goto()
  await page.open('VIP')
  await page.nameField.fill('   ')
  await page.editor.publish()
  await expect(page.editor.fieldError(/^Название/)).toBeVisible()
  await expect(page.nameField).toHaveAttribute('aria-invalid', 'true')
  await expect(page.nameField).toBeFocused()
})

test('a group with accounts offers no delete; a refused one says why; an empty group is deleted', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const regulars = await groupNamed(other, 'Постоянные гости')
  if (!regulars) throw new Error('The demo seed has no «Постоянные гости» group')
  // Make sure it has an account whatever the seed holds.
  await other.request('POST', '/accounts/create', { number: 'E2E-GROUP-1', group_id: regulars.id })
  for (const name of ['Пустая группа', 'Вторая пустая']) {
    await other.request('POST', '/account_groups/create', {
      name,
      description: null,
      ladder_id: null,
      active: true,
    })
  }

  await signIn(app)
  const page = new AccountGroupsPage(app)
  await page.goto()
  // The editor knows the group has accounts: Delete is disabled, with the reason next to it.
  await page.open('Постоянные гости')
  await expect(page.accounts).toContainText('Группу со счетами удалить нельзя')
  await expect(page.editor.deleteButton).toBeDisabled()
  await expect(page.editor.root.getByTestId('delete-blocked')).toHaveText(
    'Нельзя удалить: в группе есть счета',
  )

  // A group that got its first account elsewhere meanwhile: the server refuses, and the editor says why.
  await page.open('Пустая группа')
  await expect(page.accounts).toContainText('В группе нет счетов')
  const empty = await groupNamed(other, 'Пустая группа')
  await other.request('POST', '/accounts/create', { number: 'E2E-GROUP-2', group_id: empty!.id })
  await page.editor.delete()
  await expect(page.editor.deleteRefused).toContainText('Сервер отказался удалять')
  // Said by the server's code in the user's language: the count, and what to do — no English detail.
  await expect(page.editor.deleteRefused).toContainText('В группе 1 счёт: перенесите его в другую группу')
  await expect(page.editor.deleteRefused).not.toContainText('still has')
  await expect(page.table.row('Пустая группа')).toContainText('ошибка')
  await page.editor.cancelDeleteButton.click()
  await expect(page.editor.deleteRefused).toHaveCount(0)
  await expect(page.table.row('Пустая группа')).not.toContainText('ошибка')
  expect(await groupNamed(other, 'Пустая группа')).toBeDefined()

  await page.open('Вторая пустая')
  await expect(page.editor.deleteButton).toBeEnabled()
  await page.editor.delete()
  await expect(app.getByTestId('toast').filter({ hasText: '«Вторая пустая»' }).first()).toBeVisible()
  await expect(page.table.row('Вторая пустая')).toHaveCount(0)
  expect(await groupNamed(other, 'Вторая пустая')).toBeUndefined()
})

for (const role of ['marketing', 'viewer'] as const) {
  test(`${role} sees account groups read-only`, async ({ app }) => {
    await signIn(app, role)
    const page = new AccountGroupsPage(app)
    await page.goto()
    await expect(app.getByText(/этот раздел доступен только для просмотра/)).toBeVisible()
    await expect(page.createButton).toHaveCount(0)
    await page.open('VIP')
    await expect(page.editor.readOnlyBanner).toBeVisible()
    await expect(page.nameField).toBeDisabled()
    await expect(page.ladderField).toBeDisabled()
    await expect(page.editor.publishButton).toHaveCount(0)
    await expect(page.editor.deleteButton).toHaveCount(0)
    await expect(page.editor.root.getByRole('link', { name: 'Открыть лестницу «VIP за год»' })).toBeVisible()
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('axe finds nothing serious: the list, a new group, an editor whose delete is blocked', async ({
      app,
    }) => {
      // Several axe passes: slow on a busy machine.
      test.slow()
      await signIn(app)
      const page = new AccountGroupsPage(app)
      await page.goto()
      expect(await seriousViolations(app)).toEqual([])
      await page.createButton.click()
      await page.editor.expectOpen()
      await page.editor.publish()
      await expect(page.editor.fieldError(/^Название/)).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
      await page.open('Гости')
      await expect(page.editor.root.getByTestId('delete-blocked')).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
    })
  })
}
