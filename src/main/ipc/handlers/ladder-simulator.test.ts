// The ladder simulator (renderer, features/ladders/insight) computes with the shared simulateBill what a bill gives
// a guest, without asking the server. Here, against a real sandbox with its demo guests: its figures equal what
// the server's `operations/purchase` answers for the same bill — the bonus credited, the step after the bill, and
// the most that may be paid with bonus (the server's refusal of one kopeck more names that amount and its rule),
// the per-account limits of the business day included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, Ladder, RkDiscount, Settings } from '@shared/api'
import { fromKopecks, toKopecks } from '@shared/domain'
import { guestPlacement, simulateBill, simulatedPayment } from '@shared/domain/simulate'
import { startSandbox, type Sandbox } from '@server/testing'
import { call, login } from '@server/test-support'
import { openCore, tempDir, type TestCore } from '../../testing/harness'

let sandbox: Sandbox
let c: TestCore
let token: string
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({ dataDir: dir.path, defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }] })
  await c.ok('session:login', { username: 'admin', password: '111' })
  token = (await login(sandbox.apiUrl, 'admin')).access_token
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

let key = 0
const purchase = (body: { account_id: number; amount: number; paid_with_bonus?: number }) =>
  call(sandbox.apiUrl, 'POST', '/operations/purchase', {
    token,
    json: body,
    headers: { 'idempotency-key': `simulator-${++key}` },
  })

/** What the simulator shows for a guest the user picked (the same inputs LadderSimulator gives it). */
function simulateFor(
  account: Account,
  ladder: Ladder,
  discounts: readonly RkDiscount[],
  billKopecks: number,
) {
  return simulateBill({
    ladder,
    accumulated: ladder.basis === 'spend' ? toKopecks(account.spend_total) : account.visits,
    ...guestPlacement(account, ladder.id),
    billKopecks,
    discountOf: (id) => discounts.find((discount) => discount.id === id),
  })
}

async function guestsOf(ladderName: string) {
  const ladders = (await c.ok('ladders:list', { refresh: true })).items
  const ladder = ladders.find((item) => item.name === ladderName)
  if (!ladder) throw new Error(`The demo has no ladder ${ladderName}`)
  const groups = (await c.ok('account-groups:list', { refresh: true })).items
  const group = groups.find((item) => item.ladder_id === ladder.id)
  if (!group) throw new Error(`No demo group uses ${ladderName}`)
  const accounts = (await c.ok('accounts:list', { group_id: group.id, offset: 0, limit: 200 })).items
  return { ladder, accounts: accounts.filter((account) => !account.blocked) }
}

describe('the simulator against operations/purchase', () => {
  it.each([
    ['Гостевая', 'spend, all time, RK discounts on the upper steps'],
    ['Завсегдатай', 'visits, never lowers a step'],
  ])('gives the server’s figures for demo guests of «%s» (%s)', async (ladderName) => {
    const { ladder, accounts } = await guestsOf(ladderName)
    const discounts = (await c.ok('catalog:list', { refresh: true })).items
    // One guest per step the demo has, so that every step's benefits are compared.
    const byStep = new Map<number, Account>()
    for (const account of accounts) {
      const index = simulateFor(account, ladder, discounts, 0).step?.index ?? -1
      if (!byStep.has(index)) byStep.set(index, account)
    }
    expect(byStep.size).toBeGreaterThanOrEqual(2)

    let capsChecked = 0
    for (const account of byStep.values()) {
      if ((await expectServerAgrees(account, ladder, discounts)).capChecked) capsChecked++
    }
    expect(capsChecked).toBeGreaterThan(0)
  })

  it('gives the server’s figures for guests held by a level set by hand (pin and floor)', async () => {
    const { ladder, accounts } = await guestsOf('Гостевая')
    const discounts = (await c.ok('catalog:list', { refresh: true })).items
    const onFirstStep = accounts.filter((account) => account.step?.index === 0).slice(0, 2)
    expect(onFirstStep).toHaveLength(2)
    for (const [account, mode] of [
      [onFirstStep[0]!, 'pin'],
      [onFirstStep[1]!, 'floor'],
    ] as const) {
      const set = await call(sandbox.apiUrl, 'PUT', `/accounts/${account.id}/step_override`, {
        token,
        json: { index: 2, mode, until: null, reason: 'Гость шефа', version: account.version },
      })
      expect(set.status).toBe(200)
      const held = await c.ok('accounts:get', { id: account.id })
      expect(held.step_override).toMatchObject({ index: 2, mode })
      expect(simulateFor(held, ladder, discounts, 100_000).overridden).toBe(true)
      await expectServerAgrees(held, ladder, discounts)
    }
  })
})

describe('the simulator’s pay-with-bonus cap against the limits of the business day', () => {
  it('gives the server’s cap for a guest who already paid part of the daily limit with bonus today', async () => {
    const { ladder, accounts } = await guestsOf('Гостевая')
    const discounts = (await c.ok('catalog:list', { refresh: true })).items
    // A guest on «Серебро» (no cap of its own): only the balance and the limits bound the payment.
    const guest = accounts.find((account) => account.step?.index === 1)
    if (!guest) throw new Error('The demo has no guest on «Серебро»')
    const deposit = await call(sandbox.apiUrl, 'POST', '/operations/create', {
      token,
      json: { account_id: guest.id, type: 'deposit', amount: 5_000, comment: null },
      headers: { 'idempotency-key': `simulator-deposit-${guest.id}` },
    })
    expect(deposit.status).toBe(201)
    const before = (await call(sandbox.apiUrl, 'GET', '/settings', { token })).body as Settings
    const limited = await call(sandbox.apiUrl, 'PUT', '/settings', {
      token,
      json: {
        ...settingsBody(before),
        bonus_payment_limits: { per_day: 300, per_week: null, per_month: null },
      },
    })
    expect(limited.status).toBe(200)
    try {
      // 100 ₽ of today's 300 ₽ are paid with bonus already: 200 ₽ are left, far below the balance.
      const paid = await purchase({ account_id: guest.id, amount: 1_000, paid_with_bonus: 100 })
      expect(paid.status).toBe(200)
      const account = await c.ok('accounts:get', { id: guest.id })
      const bonus = await c.ok('accounts:bonus', { id: guest.id })
      expect(bonus.limits.per_day).toEqual({ limit: 300, used: 100, left: 200 })
      expect(await expectServerAgrees(account, ladder, discounts)).toMatchObject({
        allowed: 20_000,
        rule: 'per_day',
        capChecked: true,
      })
    } finally {
      const current = (await call(sandbox.apiUrl, 'GET', '/settings', { token })).body as Settings
      await call(sandbox.apiUrl, 'PUT', '/settings', {
        token,
        json: { ...settingsBody(current), bonus_payment_limits: before.bonus_payment_limits },
      })
    }
  })
})

/** A settings document as PUT takes it (without what the server keeps). */
function settingsBody(settings: Settings) {
  const { updated_at, updated_by, ...body } = settings
  void [updated_at, updated_by]
  return body
}

/**
 * One bill of 12 345,67 ₽ for `account`: the simulator's bonus and step after the bill equal the purchase's
 * answer, and paying one kopeck more with bonus than the simulator allows (from the guest's bonus and limits as
 * main's `accounts:bonus` gives them to it) is refused naming that amount and rule (checked when the allowance is
 * below the bill). Answers the simulator's allowance and whether it was checked.
 */
async function expectServerAgrees(account: Account, ladder: Ladder, discounts: readonly RkDiscount[]) {
  const figures = simulateFor(account, ladder, discounts, 1_234_567)
  const amount = fromKopecks(figures.toPayKopecks)
  const payment = simulatedPayment(figures, ladder, await c.ok('accounts:bonus', { id: account.id }))
  expect(payment).toMatchObject({ balanceApplied: true, limitsApplied: true })
  const capChecked = payment.rule !== 'bill'
  if (capChecked) {
    const refused = await purchase({
      account_id: account.id,
      amount,
      paid_with_bonus: fromKopecks(payment.allowed + 1),
    })
    expect(refused.status).toBe(422)
    const [item] = (refused.body as { detail: { code: string; params: { allowed: number } }[] }).detail
    expect(item).toMatchObject({
      code: 'payment_above_allowed',
      params: { allowed: fromKopecks(payment.allowed), rule: payment.rule },
    })
  }
  const answer = await purchase({ account_id: account.id, amount })
  expect(answer.status).toBe(200)
  const result = answer.body as { step: { index: number; name: string } | null; bonus_credited: number }
  expect({
    bonus: result.bonus_credited,
    after: result.step && { index: result.step.index, name: result.step.name },
  }).toEqual({ bonus: fromKopecks(figures.benefits.bonusKopecks), after: figures.after })
  return { ...payment, capChecked }
}
