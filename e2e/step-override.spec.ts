// A guest's discount level set by hand, end to end against a real sandbox: pinned to the top step until the end of
// the month with a reason, the card's why says so, the ladder's impact preview counts them apart, then removed.
import type { Account, AccountGroup, Ladder } from '../src/shared/api'
import { expect, test } from './fixtures'
import { AccountsPage } from './pages/accounts-page'
import { LadderInsightPanels } from './pages/ladder-insight-page'
import { LaddersPage } from './pages/ladders-page'
import { signIn } from './pages/login-page'
import { OtherWorkstation } from './pages/sandbox-api'
import { StepOverridePanel } from './pages/step-override-panel'

test('pin a guest to the top step until the end of the month; the why and the preview say so; remove it', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const ladder = (await other.request<{ items: Ladder[] }>('GET', '/ladders/list')).items.find(
    (item) => item.name === 'Гостевая',
  )!
  const group = (await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list')).items.find(
    (item) => item.ladder_id === ladder.id,
  )!
  const guest = (
    await other.request<{ items: Account[] }>('GET', `/accounts/list?group_id=${group.id}&limit=100`)
  ).items.find((item) => item.step?.index === 0)!
  const top = ladder.steps.length - 1
  const topName = ladder.steps[top]!.name

  await signIn(app, 'marketing')
  const accounts = new AccountsPage(app)
  await accounts.goto()
  await accounts.find(guest.number)
  await accounts.open(guest.number)
  const panel = new StepOverridePanel(app)
  await panel.set({
    mode: /Закрепить ступень/,
    step: `${top + 1} · ${topName}`,
    reason: 'Новый VIP',
    endOfMonth: true,
  })
  await expect(panel.summary).toContainText(`Закреплена ступень «${topName}»: не выше и не ниже.`)
  await expect(app.getByTestId('step-override-why')).toContainText(
    `Ступень задана вручную (marketing): закреплена «${topName}» — «Новый VIP». Действует до `,
  )
  const held = await other.request<Account>('GET', `/accounts/${guest.id}`)
  expect(held.step?.index).toBe(top)
  expect(held.step_override?.until?.slice(0, 7)).toBe(new Date().toISOString().slice(0, 7))

  const ladders = new LaddersPage(app)
  await ladders.goto()
  await ladders.open('Гостевая')
  const insight = new LadderInsightPanels(app)
  await insight.openTab('impact')
  await insight.impact.run.click()
  await expect(insight.impact.result).toBeVisible()
  await expect(insight.impact.figure('held')).toHaveText('1')

  await accounts.goto()
  await accounts.find(guest.number)
  await accounts.open(guest.number)
  await panel.remove()
  await expect(app.getByTestId('step-override-why')).toHaveCount(0)
  expect((await other.request<Account>('GET', `/accounts/${guest.id}`)).step_override).toBeNull()
})
