// The ladder editor: a three-step ladder built from RK discounts and published; the shared validator's messages
// at their steps in Russian; duplicate, and delete refused while a group uses the ladder; an edit made with the
// server down survives a restart and syncs; a ladder and a group that uses it, both created offline, land linked;
// a conflict with a colleague resolved per step.
import type { Ladder } from '../src/shared/api'
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { LaddersPage } from './pages/ladders-page'
import { signIn } from './pages/login-page'
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
    'Ступень 3: порог 20000.5 должен быть больше 30000 у ступени 2',
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
