// The ladder simulator (renderer, features/ladders/insight) computes with the shared simulateBill what a bill gives
// a guest, without asking the server. Here, against a real sandbox with its demo guests: its figures equal what
// the server's `operations/purchase` answers for the same bill — the bonus credited, the step after the bill, and
// the most that may be paid with bonus (the server's refusal of one kopeck more names that amount).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, Ladder, RkDiscount } from '@shared/api'
import { fromKopecks, toKopecks } from '@shared/domain'
import { guestPlacement, simulateBill } from '@shared/domain/simulate'
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
      if (await expectServerAgrees(account, ladder, discounts)) capsChecked++
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

/**
 * One bill of 12 345,67 ₽ for `account`: the simulator's bonus and step after the bill equal the purchase's
 * answer, and paying one kopeck more with bonus than the simulator allows is refused naming that amount (checked
 * when the allowance is below the bill; answers whether it was).
 */
async function expectServerAgrees(account: Account, ladder: Ladder, discounts: readonly RkDiscount[]) {
  const figures = simulateFor(account, ladder, discounts, 1_234_567)
  const amount = fromKopecks(figures.toPayKopecks)
  // The most that may be paid with bonus: the step's cap of what is paid, and at most the spendable balance.
  const spendable = toKopecks(account.balance) - toKopecks(account.pending_balance)
  const allowed = Math.min(figures.benefits.maxBonusPaymentKopecks, spendable)
  const capChecked = allowed < figures.toPayKopecks
  if (capChecked) {
    const refused = await purchase({
      account_id: account.id,
      amount,
      paid_with_bonus: fromKopecks(allowed + 1),
    })
    expect(refused.status).toBe(422)
    const [item] = (refused.body as { detail: { code: string; params: { allowed: number } }[] }).detail
    expect(item).toMatchObject({ code: 'payment_above_allowed', params: { allowed: fromKopecks(allowed) } })
  }
  const answer = await purchase({ account_id: account.id, amount })
  expect(answer.status).toBe(200)
  const result = answer.body as { step: { index: number; name: string } | null; bonus_credited: number }
  expect({
    bonus: result.bonus_credited,
    after: result.step && { index: result.step.index, name: result.step.name },
  }).toEqual({ bonus: fromKopecks(figures.benefits.bonusKopecks), after: figures.after })
  return capChecked
}
