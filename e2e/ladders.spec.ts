// The ladder editor: a three-step ladder built from RK discounts and published; the shared validator's messages
// at their steps in Russian; duplicate, and delete refused while a group uses the ladder; an edit made with the
// server down survives a restart and syncs; a ladder and a group that uses it, both created offline, land linked;
// a conflict with a colleague resolved per step.
import type { AccountGroup, Ladder } from '../src/shared/api'
import { startBrowserHost } from '../src/web/host'
import { SANDBOX_PROFILE_NAME, expect, test } from './fixtures'
import { AccountGroupsPage } from './pages/account-groups-page'
import { seriousViolations } from './pages/a11y'
import { LaddersPage } from './pages/ladders-page'
import { LoginPage, signIn } from './pages/login-page'
import { OtherWorkstation } from './pages/sandbox-api'

async function ladderNamed(other: OtherWorkstation, name: string): Promise<Ladder | undefined> {
  const list = await other.request<{ items: Ladder[] }>('GET', '/ladders/list?limit=500')
  return list.items.find((ladder) => ladder.name === name)
}

test('a three-step ladder from RK discounts: ranges in words, errors at their steps, published to the server', async ({
  app,
  sandbox,
}) => {
  await signIn(app, 'marketing')
  const page = new LaddersPage(app)
  await page.goto()
  await page.createButton.click()
  await page.editor.expectOpen('Новая лестница')
  await page.nameField.fill('Осень')
  await page.step(0).fill({ name: 'Старт', bonus: '3' })
  await page.addStepButton.click()
  // The new step has the focus: its name is typed straight away.
  await expect(page.step(1).name).toBeFocused()
  await app.keyboard.type('Серебро')
  await page.step(1).fill({ threshold: '30 000', rk: { query: '105', option: /Скидка 5%/ }, bonus: '5' })
  await page.addStepButton.click()
  await page
    .step(2)
    .fill({ name: 'Золото', threshold: '20000,5', rk: { query: 'скидка 10', option: /Скидка 10%/ } })

  // Publishing shows each rule's message at its step and field, in Russian.
  await page.editor.publish()
  await expect(page.step(2).fieldError('threshold')).toHaveText(
    'Ступень 3: порог 20 000,5 должен быть больше 30 000 у ступени 2',
  )
  await expect(page.step(1).range).toHaveText('от 30 000 ₽ и выше')
  await page.step(2).threshold.fill('100000')
  await expect(page.step(2).fieldError('threshold')).toHaveCount(0)
  await page.step(2).bonus.fill('7')
  await page.step(2).maxPayment.fill('50')
  await expect(page.step(0).range).toHaveText('от 0 ₽ до 29 999,99 ₽')
  await expect(page.step(1).range).toHaveText('от 30 000 ₽ до 99 999,99 ₽')
  await expect(page.step(2).range).toHaveText('от 100 000 ₽ и выше')
  expect(await seriousViolations(app)).toEqual([])

  await page.editor.publish()
  const other = await OtherWorkstation.login(sandbox.url)
  await expect.poll(() => ladderNamed(other, 'Осень').then((ladder) => ladder?.steps.length)).toBe(3)
  const saved = await ladderNamed(other, 'Осень')
  const catalog = await other.request<{ items: { id: number; rk_code: number }[] }>(
    'GET',
    '/rk_discounts/list?limit=500',
  )
  const rk = (code: number) => catalog.items.find((d) => d.rk_code === code)?.id
  expect(saved).toMatchObject({
    basis: 'spend',
    period: 'all_time',
    active: true,
    steps: [
      { name: 'Старт', threshold: 0, rk_discount_id: null, bonus_percent: 3, max_payment_percent: null },
      {
        name: 'Серебро',
        threshold: 30000,
        rk_discount_id: rk(105),
        bonus_percent: 5,
        max_payment_percent: null,
      },
      {
        name: 'Золото',
        threshold: 100000,
        rk_discount_id: rk(110),
        bonus_percent: 7,
        max_payment_percent: 50,
      },
    ],
  })
  // The editor follows the create to the ladder it became.
  await expect(app).toHaveURL(/#\/ladders\/\d+$/)
  await expect(page.table.row('Осень')).toBeVisible()
})

test('duplicate by keyboard; delete disabled while the list knows a group uses the ladder, refused by the server when it did not, then known', async ({
  app,
  sandbox,
}) => {
  await signIn(app)
  const page = new LaddersPage(app)
  await page.goto()
  await expect(page.table.row('Гостевая')).toContainText('«Гости»')
  await page.open('Гостевая')
  await expect(page.editor.deleteButton).toBeDisabled()
  await expect(page.deleteBlocked).toHaveText('Нельзя удалить: лестницу используют группы «Гости»')

  await page.duplicateButton.click()
  await page.editor.expectOpen('Гостевая (копия)')
  await expect(page.newDrafts).toContainText('Гостевая (копия)')
  await page.nameField.fill('Гостевая для кафе')
  // The steps reorder by keyboard: the last step up and back down (the focus stays in its field).
  await page.step(2).name.focus()
  await app.keyboard.press('Alt+ArrowUp')
  await expect(page.step(1).name).toBeFocused()
  await expect(page.step(1).error).toHaveCount(0)
  await app.keyboard.press('Alt+ArrowDown')
  await expect(page.step(2).name).toBeFocused()
  await app.keyboard.press('Control+S')

  const other = await OtherWorkstation.login(sandbox.url)
  await expect.poll(async () => (await ladderNamed(other, 'Гостевая для кафе'))?.id).toBeDefined()
  const [original, copy] = [
    await ladderNamed(other, 'Гостевая'),
    await ladderNamed(other, 'Гостевая для кафе'),
  ]
  expect(copy?.steps).toEqual(original?.steps)
  await expect(app).toHaveURL(new RegExp(`#/ladders/${copy?.id}$`))

  // A colleague gives the copy to a group; this app's list does not know it yet, so only the server says no.
  await other.request('POST', '/account_groups/create', {
    name: 'Кафе',
    description: null,
    ladder_id: copy?.id,
    active: true,
  })
  await expect(page.editor.deleteButton).toBeEnabled()
  await page.editor.delete()
  await expect(page.editor.deleteRefused).toHaveText(
    'Сервер отказался удалять: Лестница назначена группам «Кафе»: сначала назначьте им другую лестницу',
  )
  // The refusal made the app read the groups again: the editor says «Кафе» uses the copy, and with the refused
  // delete cancelled, the delete button is disabled with that reason.
  await expect(page.editor.root.getByText('Используется в группах: «Кафе»')).toBeVisible()
  await page.editor.cancelDeleteButton.click()
  await expect(page.editor.deleteButton).toBeDisabled()
  await expect(page.deleteBlocked).toHaveText('Нельзя удалить: лестницу используют группы «Кафе»')
  expect(await ladderNamed(other, 'Гостевая для кафе')).toBeDefined()
})

test('offline: a ladder edit, a new ladder and a new group that uses it survive a restart and land linked', async ({
  app,
  host,
  dataDir,
  sandbox,
}) => {
  await signIn(app)
  const page = new LaddersPage(app)
  await page.goto()
  await page.open('VIP за год')
  await sandbox.stop()
  await page.step(0).bonus.fill('6')
  await page.editor.expectDraftSaved()
  await page.editor.publish()
  await expect(page.editor.badge).toHaveText('ожидает синхронизации')

  await page.createButton.click()
  await page.nameField.fill('Летняя')
  await page.step(0).fill({ name: 'Лето', bonus: '4' })
  await page.editor.publish()
  await expect(page.newDrafts).toContainText('Летняя')
  await expect(page.newDrafts).toContainText('ожидает синхронизации')

  // The group chooses the ladder that is not on the server yet.
  const groups = new AccountGroupsPage(app)
  await groups.goto()
  await groups.createButton.click()
  await groups.nameField.fill('Летние гости')
  await groups.ladderField.selectOption({ label: 'Летняя (ещё не на сервере)' })
  await groups.editor.publish()
  await expect(groups.newDrafts).toContainText('ожидает синхронизации')

  // A restart while the server is away; it comes back before the login (the browser host keeps none).
  await host.close()
  const restarted = await startBrowserHost({
    dataDir,
    defaultProfiles: [{ name: SANDBOX_PROFILE_NAME, baseUrl: sandbox.url }],
    log: () => {},
  })
  try {
    await sandbox.start()
    await app.goto(restarted.urlWithKey)
    await new LoginPage(app).login('admin', '111')
    const other = await OtherWorkstation.login(sandbox.url)
    const groupNamed = async (name: string) =>
      (await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list?limit=500')).items.find(
        (group) => group.name === name,
      )
    await expect.poll(async () => (await groupNamed('Летние гости'))?.ladder_id ?? null).not.toBeNull()
    const [summer, group, vip] = [
      await ladderNamed(other, 'Летняя'),
      await groupNamed('Летние гости'),
      await ladderNamed(other, 'VIP за год'),
    ]
    expect(group?.ladder_id).toBe(summer?.id)
    expect(summer?.steps).toMatchObject([{ name: 'Лето', threshold: 0, bonus_percent: 4 }])
    expect(vip?.steps[0]?.bonus_percent).toBe(6)
    await app.goto(`${restarted.url}/#/ladders`)
    await page.open('VIP за год')
    await expect(page.step(0).bonus).toHaveValue('6')
    await expect(page.editor.badge).toHaveCount(0)
  } finally {
    await restarted.close()
  }
})

test('a colleague changed the same ladder: the conflict shows each step, chosen per step, and the server gets the merge', async ({
  app,
  sandbox,
}) => {
  await signIn(app, 'marketing')
  const page = new LaddersPage(app)
  await page.goto()
  await page.open('Завсегдатай')
  const other = await OtherWorkstation.login(sandbox.url)
  const base = await ladderNamed(other, 'Завсегдатай')
  if (!base) throw new Error('The demo seed has no «Завсегдатай» ladder')

  // Mine: «Знакомый» gives 4 % and a fifth step «Легенда». Theirs: «Знакомый» gives 3,5 % and «Свой» starts at 20.
  await page.step(1).bonus.fill('4')
  await page.addStepButton.click()
  await page.step(4).fill({ name: 'Легенда', threshold: '50', bonus: '10' })
  await page.editor.expectDraftSaved()
  const { id: _id, version, created_at: _c, updated_at: _u, updated_by: _b, ...body } = base
  await other.request('PUT', `/ladders/${base.id}`, {
    ...body,
    version,
    steps: base.steps.map((step) =>
      step.name === 'Знакомый'
        ? { ...step, bonus_percent: 3.5 }
        : step.name === 'Свой'
          ? { ...step, threshold: 20 }
          : step,
    ),
  })
  await page.editor.publish()
  await page.editor.resolveButton.click()
  const view = app.getByTestId('conflict-view')
  const choice = (step: string) =>
    view.getByRole('radiogroup', { name: new RegExp(`«Ступень \\d: ${step}»`) })
  // Three-way defaults: a step only I changed or added is mine, one only they changed is theirs.
  await expect(choice('Легенда').getByLabel('моё')).toBeChecked()
  await expect(choice('Свой').getByLabel('с сервера')).toBeChecked()
  await choice('Знакомый').getByLabel('с сервера').check()
  expect(await seriousViolations(app)).toEqual([])
  await view.getByTestId('conflict-apply').click()
  await expect(view).toBeHidden()

  await expect.poll(async () => (await ladderNamed(other, 'Завсегдатай'))?.steps.length).toBe(5)
  const merged = await ladderNamed(other, 'Завсегдатай')
  expect(merged?.steps.map((step) => [step.name, step.threshold, step.bonus_percent])).toEqual([
    ['Новичок', 0, 2],
    ['Знакомый', 5, 3.5],
    ['Свой', 20, 5],
    ['Завсегдатай', 30, 7],
    ['Легенда', 50, 10],
  ])
  await expect(page.editor.badge).toHaveCount(0)
})
