// Money operations: on one account from its card, a deposit confirmed with the balance it makes and a withdrawal
// above the balance refused with the balance named; a group operation checked by a dry run (accounts, total), confirmed by typing the group's
// name, run all or nothing, its result named (batch, accounts, total) — and what the server holds after it.
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { signIn } from './pages/entity-list'
import { AccountsPage } from './pages/accounts-page'
import { AccountOperationsPanel, GroupOperationsPage } from './pages/operations-page'
import { OtherWorkstation } from './pages/sandbox-api'

interface Group {
  id: number
  name: string
  accounts_count: number
}
const groupTotal = async (server: OtherWorkstation, id: number) =>
  (
    await server.request<{ items: { group_id: number; balance_total: number }[] }>('GET', '/reports/balances')
  ).items.find((item) => item.group_id === id)?.balance_total ?? 0

test('a group deposit: dry run, typed confirmation, the result; credited once to every account', async ({
  app,
  sandbox,
}) => {
  const server = await OtherWorkstation.login(sandbox.url)
  const groups = await server.request<{ items: Group[] }>('GET', '/account_groups/list')
  const staff = groups.items.find((group) => group.name === 'Сотрудники')
  if (!staff) throw new Error('The demo has no «Сотрудники» group')
  const before = await groupTotal(server, staff.id)

  await signIn(app)
  const screen = new GroupOperationsPage(app)
  await screen.goto()
  await screen.fill({ group: 'Сотрудники', type: 'Начисление', amount: '25,50', comment: 'Новогодний бонус' })
  // Enter in the form runs the dry run (the keyboard is enough).
  await app.keyboard.press('Enter')
  await expect(screen.preview).toBeVisible()
  await expect(app.getByTestId('group-preview-accounts')).toHaveText(String(staff.accounts_count))
  const total = (25.5 * staff.accounts_count).toLocaleString('ru-RU', { minimumFractionDigits: 2 })
  await expect(app.getByTestId('group-preview-total')).toHaveText(`${total.replace(/\s/g, '\u00a0')}\u00a0₽`)
  // The dry run wrote nothing.
  expect(await groupTotal(server, staff.id)).toBe(before)
  expect(await seriousViolations(app)).toEqual([])

  // Runs only once the group's name is typed.
  await expect(screen.run).toBeDisabled()
  await screen.confirmName.fill('Сотрудник')
  await expect(screen.run).toBeDisabled()
  await screen.confirmName.fill('сотрудники')
  await expect(screen.run).toBeEnabled()
  // A changed amount makes the dry run stale: it has to be checked again.
  await screen.form.getByLabel(/^Сумма на каждый счёт/).fill('30')
  await expect(screen.preview).toBeHidden()
  await screen.form.getByLabel(/^Сумма на каждый счёт/).fill('25,50')
  await screen.dryRun()
  await screen.confirmName.fill('Сотрудники')
  await screen.confirmName.press('Tab')
  await expect(screen.run).toBeFocused()
  await app.keyboard.press('Enter')

  await expect(screen.result).toBeVisible()
  await expect(app.getByTestId('group-result-accounts')).toHaveText(String(staff.accounts_count))
  await expect(app.getByTestId('group-result-total')).toContainText(total.replace(/\s/g, '\u00a0'))
  const batch = (await app.getByTestId('group-batch').textContent()) ?? ''
  expect(batch).toMatch(/^[0-9a-f-]{36}$/)
  expect(await groupTotal(server, staff.id)).toBeCloseTo(before + 25.5 * staff.accounts_count, 2)
  const ledger = await server.request<{
    items: { batch_id: string | null; comment: string | null }[]
    total: number
  }>('GET', `/operations/list?group_id=${staff.id}&type=deposit&limit=500`)
  expect(ledger.items.filter((item) => item.batch_id === batch)).toHaveLength(staff.accounts_count)
  expect(ledger.items.find((item) => item.batch_id === batch)?.comment).toBe('Новогодний бонус')
})

test('a deposit on an account, then a withdrawal above its balance refused with the balance named', async ({
  app,
  sandbox,
}) => {
  const server = await OtherWorkstation.login(sandbox.url)
  const groups = await server.request<{ items: Group[] }>('GET', '/account_groups/list')
  const group = groups.items.find((item) => item.name === 'Сотрудники')
  if (!group) throw new Error('The demo has no «Сотрудники» group')
  const account = await server.request<{ id: number }>('POST', '/accounts/create', {
    number: 'E2E-OPS-1',
    holder_name: 'Аграфена Операционная',
    group_id: group.id,
  })

  await signIn(app)
  const accounts = new AccountsPage(app)
  await accounts.goto()
  await accounts.find('E2E-OPS-1')
  await accounts.open('E2E-OPS-1')
  const operations = new AccountOperationsPanel(app)
  await expect(operations.root).toContainText('По счёту ещё не было операций')

  // A deposit: the amount, then a confirmation that says what happens to the balance.
  await operations.fill('deposit', '250,50', 'Компенсация')
  await expect(app.getByTestId('operation-confirmation')).toContainText(
    'Начислить 250,50 ₽ на счёт E2E-OPS-1?',
  )
  await expect(app.getByTestId('operation-confirmation')).toContainText('Баланс: 0 ₽ → 250,50 ₽')
  expect(await seriousViolations(app)).toEqual([])
  // The confirmation has the focus: Enter does it.
  await expect(app.getByTestId('operation-confirm')).toBeFocused()
  await app.keyboard.press('Enter')
  await expect(app.getByText('Готово: баланс 250,50 ₽')).toBeVisible()
  await expect(operations.rows).toHaveCount(1)
  await expect(operations.rows.first()).toContainText('Компенсация')
  expect((await server.request<{ balance: number }>('GET', `/accounts/${account.id}`)).balance).toBe(250.5)

  // A withdrawal above the balance: refused, the balance named; nothing changes.
  await operations.fill('withdraw', '1000')
  await operations.confirm()
  await expect(operations.error).toHaveText(
    'Операция не проведена: Недостаточно бонусов: на счёте 250,50 ₽, а списать нужно 1 000 ₽',
  )
  await app.keyboard.press('Escape')
  expect((await server.request<{ balance: number }>('GET', `/accounts/${account.id}`)).balance).toBe(250.5)
  await expect(operations.rows).toHaveCount(1)
})
