// The ladder editor's insight against a real sandbox: the simulator's figures for a demo guest (who paid part of
// the day's limit with bonus already) are what the server's purchase then answers, and the impact preview and the
// history say what the server says.
import type { Account, AccountGroup, Ladder, LadderPreview, Settings } from '../src/shared/api'
import { formatMoney, fromKopecks, parseMoney, toKopecks } from '../src/shared/domain'
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { signIn } from './pages/login-page'
import { LadderInsightPanels } from './pages/ladder-insight-page'
import { LaddersPage } from './pages/ladders-page'
import { OtherWorkstation } from './pages/sandbox-api'

async function demoLadder(other: OtherWorkstation, name: string) {
  const ladder = (await other.request<{ items: Ladder[] }>('GET', '/ladders/list')).items.find(
    (item) => item.name === name,
  )
  const groups = (await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list')).items
  const group = groups.find((item) => item.ladder_id === ladder?.id)
  if (!ladder || !group) throw new Error(`The demo seed has no group on «${name}»`)
  return { ladder, group }
}

const kopecksIn = async (figure: { textContent(): Promise<string | null> }): Promise<number> => {
  const kopecks = parseMoney((await figure.textContent()) ?? '', 'ru')
  if (kopecks === null) throw new Error('Not an amount')
  return kopecks
}

test('the simulator’s figures for a demo guest are what operations/purchase then answers', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const { group } = await demoLadder(other, 'Гостевая')
  const accounts = (
    await other.request<{ items: Account[] }>('GET', `/accounts/list?group_id=${group.id}&limit=200`)
  ).items
  // A guest on «Серебро» (an RK discount and a bonus, no cap of its own) with bonus to spend.
  const guest = accounts.find(
    (account) =>
      account.step?.index === 1 &&
      account.balance >= 1 &&
      account.spend_total + account.balance < 90_000 &&
      !account.blocked,
  )
  if (!guest?.holder_name) throw new Error('The demo seed has no guest with a balance on «Серебро»')
  // A daily limit as large as the balance, half of it paid with bonus today: what is left of the limit, not the
  // balance (topped up by that purchase's bonus), caps the next payment.
  const { updated_at, updated_by, ...settings } = await other.request<Settings>('GET', '/settings')
  void [updated_at, updated_by]
  await other.request('PUT', '/settings', {
    ...settings,
    bonus_payment_limits: { per_day: guest.balance, per_week: null, per_month: null },
  })
  const paidToday = fromKopecks(Math.floor(toKopecks(guest.balance) / 2))
  await other.request('POST', '/operations/purchase', {
    account_id: guest.id,
    amount: paidToday,
    paid_with_bonus: paidToday,
  })

  await signIn(app, 'marketing')
  const ladders = new LaddersPage(app)
  await ladders.goto()
  await ladders.open('Гостевая')
  const insight = new LadderInsightPanels(app)
  await expect(insight.chartSteps).toHaveCount(3)
  await insight.chart.scrollIntoViewIfNeeded()
  // The step chart is drawn: a step line per benefit the steps give, a bar per step with guests on it.
  await expect(insight.chartCanvas).toBeVisible()
  await expect(insight.chartCanvas).toHaveAttribute('data-lines', 'discount bonus cap')
  await expect(insight.chartCanvas).toHaveAttribute('data-bars', '3')
  // …on the bitmap itself: the bonus line's green is there.
  expect(await insight.chartPixels('#2b8a3e')).toBeGreaterThan(100)
  await insight.openTab('simulator')
  // The tab replaces the steps (it is not appended under a long list of them).
  await expect(ladders.steps.first()).toBeHidden()
  const simulator = insight.simulator
  await simulator.pickGuest(guest.number, `${guest.number} · ${guest.holder_name}`)
  await expect(simulator.picked).toContainText(guest.holder_name)
  await simulator.bill.fill('12 345,67')
  await expect(simulator.figure('step')).toHaveText('2 · Серебро')
  await expect(simulator.figure('discount')).toContainText('Скидка 5%')
  await expect(simulator.figure('max-payment-rule')).toContainText('на рабочие сутки')
  expect(await seriousViolations(app)).toEqual([])

  const toPay = await kopecksIn(simulator.figure('to-pay'))
  const maxPayment = await kopecksIn(simulator.figure('max-payment'))
  // One kopeck above what the simulator allows to pay with bonus is refused, naming that amount.
  const refused = await other.answer('POST', '/operations/purchase', {
    account_id: guest.id,
    amount: fromKopecks(toPay),
    paid_with_bonus: fromKopecks(maxPayment + 1),
  })
  expect(refused.status).toBe(422)
  const [item] = (refused.body as { detail: { params: { allowed: number; rule: string } }[] }).detail
  expect(toKopecks(item!.params.allowed)).toBe(maxPayment)
  expect(item!.params.rule).toBe('per_day')

  const answer = await other.request<{ step: { name: string } | null; bonus_credited: number }>(
    'POST',
    '/operations/purchase',
    { account_id: guest.id, amount: fromKopecks(toPay) },
  )
  await expect(simulator.figure('bonus')).toHaveText(formatMoney(toKopecks(answer.bonus_credited), 'ru'))
  await expect(simulator.figure('after')).toContainText(answer.step?.name ?? '—')
})

test('the impact preview and the history say what the server says; a version restores into the editor', async ({
  app,
  sandbox,
}) => {
  // The preview counts every guest of the groups, and axe runs on two panels.
  test.slow()
  const other = await OtherWorkstation.login(sandbox.url)
  const { ladder } = await demoLadder(other, 'Гостевая')
  const { id, version, created_at, updated_at, updated_by, ...body } = ladder
  void [created_at, updated_at, updated_by]
  // A colleague renamed it: the history has two versions.
  await other.request('PUT', `/ladders/${id}`, { ...body, name: 'Гостевая 2026', version })

  await signIn(app, 'marketing')
  const ladders = new LaddersPage(app)
  await ladders.goto()
  await ladders.open('Гостевая 2026')
  // «Серебро» from 20 000 ₽ instead of 30 000 ₽: some guests move up.
  await ladders.step(1).threshold.fill('20 000')
  const insight = new LadderInsightPanels(app)
  await expect(insight.chartSteps.nth(1)).toContainText('20 000 ₽')

  await insight.openTab('impact')
  await insight.impact.run.click()
  await expect(insight.impact.result).toBeVisible()
  const proposed = {
    ...body,
    name: 'Гостевая 2026',
    steps: body.steps.map((step, index) => (index === 1 ? { ...step, threshold: 20_000 } : step)),
    id,
  }
  const server = await other.request<LadderPreview>('POST', '/ladders/preview', proposed)
  expect(server.moved_up).toBeGreaterThan(0)
  const count = (value: number) => value.toLocaleString('ru-RU')
  await expect(insight.impact.figure('up')).toHaveText(count(server.moved_up))
  await expect(insight.impact.figure('down')).toHaveText(count(server.moved_down))
  await expect(insight.impact.figure('same')).toHaveText(count(server.unchanged))
  await expect(insight.impact.steps).toHaveText(
    server.steps.map(
      (step) => `${step.index + 1} · ${step.name}${count(step.accounts_before)}${count(step.accounts)}`,
    ),
  )
  await expect(insight.impact.movedUpSamples).toContainText(server.samples.moved_up[0]!.number)
  await expect(insight.impact.figure('bonus-proposed')).toHaveText(
    formatMoney(toKopecks(server.bonus_estimate.proposed), 'ru'),
  )
  expect(await seriousViolations(app)).toEqual([])

  await insight.openTab('history')
  await expect(insight.history.versions).toHaveCount(2)
  // First what the editor changes against the current version, then the colleague's change.
  await expect(insight.history.stepChanges).toHaveText(['Ступень 2 «Серебро»Порог30 000 ₽ → 20 000 ₽'])
  await insight.history.from.selectOption('1')
  await insight.history.to.selectOption('2')
  await expect(insight.history.fieldChanges).toHaveText(['НазваниеГостевая → Гостевая 2026'])
  expect(await seriousViolations(app)).toEqual([])
  await insight.history.restore(1)
  await expect(ladders.nameField).toHaveValue('Гостевая')
  await expect(ladders.step(1).threshold).toHaveValue('30\u00A0000')
  await ladders.editor.expectDraftSaved()
})
