// Accounts: a cashier's search (the last 4 digits of a phone, a word of the name), the card with its step and why,
// the keyboard through the list; moving a whole group's accounts to another group, then deleting the emptied group.
import type { Account, AccountGroup, IdentifierType, Ladder } from '../src/shared/api'
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { AccountGroupsPage } from './pages/account-groups-page'
import { AccountsPage } from './pages/accounts-page'
import { signIn } from './pages/entity-list'
import { OtherWorkstation } from './pages/sandbox-api'

async function groupNamed(other: OtherWorkstation, name: string): Promise<AccountGroup> {
  const { items } = await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list?limit=500')
  const group = items.find((item) => item.name === name)
  if (!group) throw new Error(`The demo seed has no group «${name}»`)
  return group
}

test('search by the last 4 digits of a phone and by a name word, then read why the card stands on its step', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const vip = await groupNamed(other, 'VIP')
  const guest = await other.request<Account>('POST', '/accounts/create', {
    number: 'E2E-ACC-1',
    holder_name: 'Евлампия Кукушкина',
    phone: '+79990004321',
    group_id: vip.id,
  })
  await other.request('POST', '/operations/purchase', { account_id: guest.id, amount: 20_000 })

  await signIn(app)
  const page = new AccountsPage(app)
  await page.goto()
  await expect(page.count).toContainText(/\d/)

  // A cashier asks for the last 4 digits, typed with a space or not.
  await page.find('43 21')
  await expect(page.row('E2E-ACC-1')).toContainText('Евлампия Кукушкина')
  await page.find('кукушкина')
  await expect(page.list.getByRole('row')).toHaveCount(2)
  await expect(page.row('E2E-ACC-1')).toBeVisible()

  // The keyboard: the list takes the focus, Enter opens the card.
  await page.list.focus()
  await app.keyboard.press('Home')
  await app.keyboard.press('Enter')
  await expect(page.card).toBeVisible()
  await expect(app).toHaveURL(new RegExp(`#/accounts/${guest.id}$`))
  await expect(page.card.getByTestId('account-props')).toContainText('VIP')
  await expect(page.card.getByTestId('account-props')).toContainText('20 000 ₽')

  // Why «Стандарт»: a 365-day window, what counts, what is missing to «Премиум», and until when the bill counts.
  await expect(page.step).toContainText('Ступень «Стандарт» лестницы «VIP за год»')
  await expect(page.step.getByTestId('step-accumulated')).toHaveText(
    'Покупок за последние 365 дней: 20 000 ₽.',
  )
  await expect(page.step.getByTestId('step-next')).toHaveText('До ступени «Премиум» не хватает 30 000 ₽.')
  await expect(page.step.getByTestId('step-window').getByRole('row')).toHaveCount(2)
  expect(await seriousViolations(app)).toEqual([])
})

test('move a whole group’s accounts to another group, seeing the count and the ladder change, then delete it', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const ladders = (await other.request<{ items: Ladder[] }>('GET', '/ladders/list')).items
  const regular = ladders.find((ladder) => ladder.name === 'Завсегдатай')
  const hotel = await other.request<AccountGroup>('POST', '/account_groups/create', {
    name: 'Гости отеля',
    ladder_id: regular?.id ?? null,
    active: true,
  })
  for (const number of ['E2E-HOTEL-1', 'E2E-HOTEL-2', 'E2E-HOTEL-3']) {
    await other.request('POST', '/accounts/create', { number, group_id: hotel.id })
  }
  const guests = await groupNamed(other, 'Гости')

  await signIn(app)
  const groupsPage = new AccountGroupsPage(app)
  await groupsPage.goto()
  await groupsPage.open('Гости отеля')
  await expect(groupsPage.editor.deleteButton).toBeDisabled()
  await app.getByTestId('group-move-accounts').click()

  const dialog = app.getByTestId('move-dialog')
  await expect(dialog.getByTestId('move-source')).toHaveText('Все счета группы «Гости отеля»: 3 счёта.')
  await dialog.getByTestId('move-target').selectOption({ label: 'Гости' })
  await expect(dialog.getByTestId('move-ladder-change')).toContainText(
    '3 счёта из «Гости отеля»: лестница «Завсегдатай» → «Гостевая».',
  )
  await expect(dialog.getByTestId('move-steps')).toContainText('Гостевая')
  expect(await seriousViolations(app)).toEqual([])
  await app.getByTestId('move-confirm').click()
  await expect(dialog).toHaveCount(0)

  await expect(groupsPage.accounts).toContainText('В группе нет счетов')
  await expect(groupsPage.editor.deleteButton).toBeEnabled()
  await groupsPage.editor.deleteButton.click()
  await app.getByRole('alertdialog').getByRole('button', { name: 'Удалить' }).click()
  await expect(groupsPage.table.row('Гости отеля')).toHaveCount(0)

  const moved = await other.request<{ items: Account[] }>('GET', '/accounts/list?q=E2E-HOTEL')
  expect(moved.items.map((account) => account.group_id)).toEqual([guests.id, guests.id, guests.id])
})

test('a new account through its draft: an identifier is checked live against its type and against other accounts; then blocked from the card', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  // A card number another account already holds.
  const types = await other.request<{ items: IdentifierType[] }>('GET', '/identifier_types/list')
  const cardType = types.items.find((type) => type.name === 'Номер карты')
  const accounts = await other.request<{ items: Account[] }>('GET', '/accounts/list?limit=50')
  const holder = accounts.items.find((account) =>
    account.identifiers.some((identifier) => identifier.type_id === cardType?.id),
  )
  const taken = holder?.identifiers.find((identifier) => identifier.type_id === cardType?.id)?.value
  expect(taken, 'a seeded account holds a card number').toBeTruthy()

  await signIn(app)
  const page = new AccountsPage(app)
  await page.goto()
  await app.getByTestId('account-create').click()
  await page.editor.expectOpen('Новый счёт')
  await page.editor.field(/^(Номер|Number)/).fill('E2E-NEW-1')
  await page.editor.field(/^(Владелец|Holder)/).fill('Аглая Рябинина')
  await page.editor.field(/^(Группа|Group)/).selectOption({ label: 'Гости' })
  await app.getByTestId('identifier-add').click()
  const row = app.getByTestId('identifier-row')
  await row.getByLabel('Тип').selectOption({ label: 'Номер карты' })
  await row.getByLabel('Значение').fill('12ab')
  await expect(row.getByTestId('identifier-check')).toHaveText(
    'короче 6 симв. (сейчас 4); не соответствует шаблону',
  )
  await row.getByLabel('Значение').fill(taken ?? '')
  await expect(row.getByTestId('identifier-check')).toHaveText(`уже занято картой ${holder?.number}`)
  await row.getByLabel('Значение').fill('5555000011')
  await expect(row.getByTestId('identifier-check')).toHaveText(
    'Подходит для типа «Номер карты» и не занято другим счётом',
  )
  await page.editor.expectDraftSaved()
  await page.editor.publish()

  await expect(page.card).toBeVisible()
  await expect(page.card.getByTestId('account-identifiers')).toContainText('5555000011')
  // Its own card number is not "taken" when the account is edited again.
  await page.card.getByTestId('account-edit').click()
  await expect(app.getByTestId('identifier-row').getByTestId('identifier-check')).toHaveText(
    'Подходит для типа «Номер карты» и не занято другим счётом',
  )
  await app.getByTestId('account-editor').getByRole('button', { name: 'К карточке' }).click()
  await page.card.getByTestId('account-block').click()
  await app.getByRole('alertdialog').getByRole('button', { name: 'Заблокировать' }).click()
  await expect(page.card.getByTestId('account-props')).toContainText('Заблокирован')

  const found = await other.request<{ items: Account[] }>('GET', '/accounts/list?q=5555000011')
  expect(found.items).toMatchObject([{ number: 'E2E-NEW-1', holder_name: 'Аглая Рябинина', blocked: true }])
})
