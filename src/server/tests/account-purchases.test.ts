// `GET accounts/{id}/purchases` and the card's explanation of a step built on it: the shared explainStep over the
// purchases the server lists agrees with the step the server placed the account on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { account, accountGroup, accountPurchase, ladder, listOf } from '@shared/api'
import { explainStep } from '@shared/domain'
import { call, demoTokens, login, startTestServer } from '../test-support'
import { movableClock } from './ledger-support'

const clock = movableClock()
let server: Awaited<ReturnType<typeof startTestServer>>
let api: string
let admin: string
let viewer: string

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
  api = server.apiUrl
  const tokens = await demoTokens(api)
  admin = tokens.admin
  viewer = tokens.viewer
})
afterAll(() => server.close())

/** Moves the clock; tokens issued before would have expired. */
async function advanceDays(days: number): Promise<void> {
  clock.advanceDays(days)
  admin = (await login(api, 'admin')).access_token
  viewer = (await login(api, 'viewer')).access_token
}

let keys = 0
const post = async (path: string, json: unknown) => {
  const response = await call(api, 'POST', path, {
    token: admin,
    json,
    headers: { 'idempotency-key': `p-${++keys}` },
  })
  expect(response.status, JSON.stringify(response.body)).toBeLessThan(300)
  return response.body
}

describe('accounts/{id}/purchases', () => {
  it('lists the bills newest first, pages them, and lets the card explain the held step of a rolling ladder', async () => {
    const rolling = ladder.parse(
      await post('/ladders/create', {
        name: 'Окно 30 дней',
        basis: 'spend',
        period: 'rolling_days',
        period_days: 30,
        downgrade: false,
        active: true,
        steps: [
          { name: 'Старт', threshold: 0, bonus_percent: 1 },
          { name: 'Серебро', threshold: 1000, bonus_percent: 5 },
        ],
      }),
    )
    const group = accountGroup.parse(
      await post('/account_groups/create', { name: 'Окно', ladder_id: rolling.id, active: true }),
    )
    const guest = account.parse(await post('/accounts/create', { number: 'PUR-1', group_id: group.id }))
    await post('/operations/purchase', { account_id: guest.id, amount: 600 })
    await advanceDays(10)
    await post('/operations/purchase', { account_id: guest.id, amount: 400.5 })
    const reachedAt = new Date(clock.now()).toISOString()
    await advanceDays(35)
    await post('/operations/purchase', { account_id: guest.id, amount: 10 })
    const page = await call(api, 'GET', `/accounts/${guest.id}/purchases?limit=2`, { token: viewer })
    expect(page.status).toBe(200)
    const purchases = listOf(accountPurchase).parse(page.body)
    expect(purchases.total).toBe(3)
    expect(purchases.items.map((bill) => bill.amount)).toEqual([10, 400.5])
    const rest = listOf(accountPurchase).parse(
      (await call(api, 'GET', `/accounts/${guest.id}/purchases?offset=2`, { token: viewer })).body,
    )
    expect(rest.items.map((bill) => bill.amount)).toEqual([600])

    const now = account.parse((await call(api, 'GET', `/accounts/${guest.id}`, { token: viewer })).body)
    expect(now.step?.index).toBe(1)
    const explained = explainStep(rolling, now, [...purchases.items, ...rest.items], clock.now())
    expect(explained.accumulated).toBe(10)
    expect(explained.reason).toBe('held')
    expect(explained.held).toEqual({ index: 1, name: 'Серебро', since: reachedAt })
  })

  it('answers 404 for an unknown account', async () => {
    expect((await call(api, 'GET', '/accounts/987654/purchases', { token: viewer })).status).toBe(404)
  })
})
