import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Account,
  account,
  accountGroup,
  type LadderCreate,
  ladder,
  listOf,
  operation,
  groupOperationResult,
  purchaseResult,
} from '@shared/api'
import { benefitsFor, toKopecks } from '@shared/domain'
import { call, demoTokens, locsOf, login, messageOf, startTestServer } from '../test-support'
import { BLOCKED_IN_GROUP } from '../services/operations'
import { editable, movableClock, withDb } from './ledger-support'

const clock = movableClock()
let server: Awaited<ReturnType<typeof startTestServer>>
let api: string
let admin: string
let tokens: Awaited<ReturnType<typeof demoTokens>>

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
  api = server.apiUrl
  tokens = await demoTokens(api)
  admin = tokens.admin
})
afterAll(() => server.close())

let keys = 0
const post = (path: string, json: unknown, options: { key?: string | null; token?: string } = {}) => {
  const key = options.key === undefined ? `op-${++keys}` : options.key
  return call(api, 'POST', path, {
    token: options.token ?? admin,
    json,
    headers: key === null ? {} : { 'idempotency-key': key },
  })
}
const getAccount = async (id: number): Promise<Account> =>
  account.parse((await call(api, 'GET', `/accounts/${id}`, { token: admin })).body)

const spendLadder = (overrides: Partial<LadderCreate> = {}): LadderCreate => ({
  name: `Тест ${++keys}`,
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: true,
  active: true,
  steps: [
    { name: 'Старт', threshold: 0, rk_discount_id: null, bonus_percent: 1, max_payment_percent: null },
    { name: 'Серебро', threshold: 1000, rk_discount_id: null, bonus_percent: 5, max_payment_percent: null },
    { name: 'Золото', threshold: 5000, rk_discount_id: null, bonus_percent: 10, max_payment_percent: null },
  ],
  ...overrides,
})

/** Moves the server's clock; the admin logs in again (access tokens live 15 minutes of that clock). */
async function moveDays(days: number): Promise<void> {
  clock.advanceDays(days)
  admin = (await login(api, 'admin')).access_token
}

/** A new ladder, a group on it and `count` accounts in the group. */
async function fixture(ladderBody: LadderCreate | null, count: number) {
  const ladderId = ladderBody
    ? ladder.parse((await post('/ladders/create', ladderBody, { key: null })).body).id
    : null
  const group = accountGroup.parse(
    (
      await post(
        '/account_groups/create',
        { name: `Группа ${++keys}`, ladder_id: ladderId, active: true },
        { key: null },
      )
    ).body,
  )
  const accounts: Account[] = []
  for (let i = 0; i < count; i++) {
    const response = await post(
      '/accounts/create',
      { number: `OP-${++keys}`, group_id: group.id },
      { key: null },
    )
    accounts.push(account.parse(response.body))
  }
  return { ladderId, group, accounts }
}

/** Sum of an account's ledger in kopecks (deposits and bonus in, withdrawals out) and the number of entries. */
function ledgerOf(accountId: number): { sum: number; count: number; lastBalance: number | null } {
  return withDb(server.app.sandbox.db.sqlite.name, (db) => {
    const rows = db
      .prepare('SELECT type, amount, balance_after FROM operations WHERE account_id = ? ORDER BY id')
      .all(accountId) as { type: string; amount: number; balance_after: number }[]
    return {
      sum: rows.reduce((sum, row) => sum + (row.type === 'withdraw' ? -row.amount : row.amount), 0),
      count: rows.length,
      lastBalance: rows.at(-1)?.balance_after ?? null,
    }
  })
}

describe('operations: the ledger property', () => {
  it('random deposits, withdrawals and purchases: balance = sum of operations, never negative, no kopeck lost', async () => {
    const { accounts } = await fixture(spendLadder(), 1)
    const accountId = accounts[0]!.id
    const steps = spendLadder().steps
    const kopecks = fc.integer({ min: 1, max: 2_000_000 })
    const action = fc.oneof(
      fc.record({ kind: fc.constant('deposit' as const), kopecks }),
      fc.record({ kind: fc.constant('withdraw' as const), kopecks }),
      fc.record({ kind: fc.constant('purchase' as const), kopecks }),
    )
    // The model: balance and spend in kopecks, as the API should keep them.
    let balance = 0
    let spend = 0
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 12 }), async (actions) => {
        for (const { kind, kopecks: amount } of actions) {
          const roubles = amount / 100
          if (kind === 'purchase') {
            const before = await getAccount(accountId)
            const step = steps[before.step?.index ?? -1]
            const bonus = benefitsFor(step, amount).bonusKopecks
            const response = await post('/operations/purchase', { account_id: accountId, amount: roubles })
            expect(response.status).toBe(200)
            const result = purchaseResult.parse(response.body)
            expect(toKopecks(result.bonus_credited)).toBe(bonus)
            balance += bonus
            spend += amount
            expect(toKopecks(result.balance_after)).toBe(balance)
          } else {
            const response = await post('/operations/create', {
              account_id: accountId,
              type: kind,
              amount: roubles,
            })
            if (kind === 'withdraw' && amount > balance) {
              expect(response.status).toBe(422)
              expect(messageOf(response)).toContain(`${(balance / 100).toFixed(2)} ₽`)
            } else {
              expect(response.status).toBe(201)
              balance += kind === 'deposit' ? amount : -amount
              expect(toKopecks(operation.parse(response.body).balance_after)).toBe(balance)
            }
          }
          const now = await getAccount(accountId)
          const ledger = ledgerOf(accountId)
          expect(toKopecks(now.balance)).toBe(balance)
          expect(ledger.sum).toBe(balance)
          expect(ledger.lastBalance ?? 0).toBe(balance)
          expect(balance).toBeGreaterThanOrEqual(0)
          expect(toKopecks(now.spend_total)).toBe(spend)
        }
      }),
      { numRuns: 15 },
    )
  })
})

describe('operations: create', () => {
  it('a replayed Idempotency-Key returns the same operation and changes nothing; another body is 409', async () => {
    const { accounts } = await fixture(null, 1)
    const id = accounts[0]!.id
    const body = { account_id: id, type: 'deposit', amount: 123.45, comment: 'Компенсация' }
    const first = await post('/operations/create', body, { key: 'same-key' })
    expect(first.status).toBe(201)
    const again = await post('/operations/create', body, { key: 'same-key' })
    expect(again.status).toBe(201)
    expect(operation.parse(again.body)).toEqual(operation.parse(first.body))
    expect((await getAccount(id)).balance).toBe(123.45)
    expect(ledgerOf(id).count).toBe(1)
    const other = await post('/operations/create', { ...body, amount: 1 }, { key: 'same-key' })
    expect(other.status).toBe(409)
    expect((await getAccount(id)).balance).toBe(123.45)
  })

  it('the key is mandatory; amounts are validated at their loc; an unknown account is 422 at account_id', async () => {
    const missing = await post(
      '/operations/create',
      { account_id: 1, type: 'deposit', amount: 1 },
      { key: null },
    )
    expect(missing.status).toBe(422)
    expect(locsOf(missing)).toEqual([['header', 'idempotency-key']])
    const bad = await post('/operations/create', { account_id: 1, type: 'gift', amount: 1.005 })
    expect(locsOf(bad)).toEqual([
      ['body', 'type'],
      ['body', 'amount'],
    ])
    const unknown = await post('/operations/create', { account_id: 99_999_999, type: 'deposit', amount: 1 })
    expect(locsOf(unknown)).toEqual([['body', 'account_id']])
    const group = await post('/operations/create_group', { group_id: 99_999_999, type: 'deposit', amount: 1 })
    expect(locsOf(group)).toEqual([['body', 'group_id']])
  })

  it('a blocked account refuses operations and purchases: 409', async () => {
    const { accounts } = await fixture(spendLadder(), 1)
    const blocked = accounts[0]!
    const id = blocked.id
    await call(api, 'PUT', `/accounts/${id}`, { token: admin, json: { ...editable(blocked), blocked: true } })
    expect((await post('/operations/create', { account_id: id, type: 'deposit', amount: 5 })).status).toBe(
      409,
    )
    expect((await post('/operations/purchase', { account_id: id, amount: 5 })).status).toBe(409)
    expect(ledgerOf(id).count).toBe(0)
  })

  it('amounts that would overflow what the API can express are refused, never a 500', async () => {
    // A day of its own: the limit on one day's volume of deposits is not shared with the other tests.
    await moveDays(400)
    try {
      await overflow()
    } finally {
      await moveDays(-400)
    }
  })

  async function overflow() {
    const { accounts } = await fixture(spendLadder(), 1)
    const id = accounts[0]!.id
    expect((await post('/operations/create', { account_id: id, type: 'deposit', amount: 1e12 })).status).toBe(
      201,
    )
    const over = await post('/operations/create', { account_id: id, type: 'deposit', amount: 0.01 })
    expect(over.status).toBe(422)
    expect((await post('/operations/purchase', { account_id: id, amount: 1e12 })).status).toBe(422)
    expect((await getAccount(id)).balance).toBe(1e12)
    const report = await call(api, 'GET', '/reports/balances', { token: admin })
    expect(report.status).toBe(200)
  }

  it('roles: only admin writes; everyone reads the ledger; no token is 401', async () => {
    for (const token of [tokens.marketing, tokens.viewer]) {
      for (const path of ['/operations/create', '/operations/create_group', '/operations/purchase']) {
        expect((await post(path, {}, { token })).status).toBe(403)
      }
      expect((await call(api, 'GET', '/operations/list', { token })).status).toBe(200)
    }
    expect((await call(api, 'GET', '/operations/list')).status).toBe(401)
    expect((await call(api, 'POST', '/operations/purchase', { json: {} })).status).toBe(401)
  })
})

describe('operations: group', () => {
  it('atomic: one blocked account or one short balance changes nothing; else every account, one batch', async () => {
    const { group, accounts } = await fixture(null, 3)
    for (const a of accounts)
      await post('/operations/create', { account_id: a.id, type: 'deposit', amount: 100 })
    const [, second] = accounts
    if (!second) throw new Error('fixture')
    const id = second.id
    const rest = editable(second)
    await call(api, 'PUT', `/accounts/${id}`, { token: admin, json: { ...rest, blocked: true } })
    const state = async () =>
      Promise.all(accounts.map(async (a) => [(await getAccount(a.id)).balance, ledgerOf(a.id).count]))
    const before = await state()

    const refused = await post('/operations/create_group', {
      group_id: group.id,
      type: 'deposit',
      amount: 50,
    })
    expect(refused.status).toBe(409)
    expect(messageOf(refused)).toContain(`${id} (${second.number})`)
    expect(await state()).toEqual(before)

    await call(api, 'PUT', `/accounts/${id}`, { token: admin, json: { ...rest, version: 2, blocked: false } })
    await post('/operations/create', { account_id: id, type: 'withdraw', amount: 60 })
    const short = await post('/operations/create_group', { group_id: group.id, type: 'withdraw', amount: 50 })
    expect(short.status).toBe(422)
    expect(messageOf(short)).toContain('has 40.00 ₽')
    const afterShort = await state()
    expect(afterShort.map(([balance]) => balance)).toEqual([100, 40, 100])

    const done = await post('/operations/create_group', { group_id: group.id, type: 'deposit', amount: 0.5 })
    expect(done.status).toBe(201)
    const result = groupOperationResult.parse(done.body)
    expect(result).toMatchObject({ accounts: 3, total: 1.5 })
    expect((await state()).map(([balance]) => balance)).toEqual([100.5, 40.5, 100.5])
    const batch = listOf(operation).parse(
      (await call(api, 'GET', `/operations/list?group_id=${group.id}&limit=500`, { token: admin })).body,
    )
    expect(batch.items.filter((op) => op.batch_id === result.batch_id)).toHaveLength(3)
  })

  it('a group with more blocked accounts than it names: five named in id order, the rest counted', async () => {
    const { group, accounts } = await fixture(null, 8)
    const blocked = accounts.slice(0, 7)
    for (const a of blocked) {
      await call(api, 'PUT', `/accounts/${a.id}`, { token: admin, json: { ...editable(a), blocked: true } })
    }
    const refused = await post('/operations/create_group', { group_id: group.id, type: 'deposit', amount: 1 })
    expect(refused.status).toBe(409)
    const named = blocked.slice(0, 5).map((a) => `${a.id} (${a.number})`)
    expect(messageOf(refused)).toContain(`${named.join(', ')} and 2 more`)
    expect(refused.body).toMatchObject({
      code: 'group_has_blocked_accounts',
      params: { numbers: blocked.slice(0, 5).map((a) => a.number), count: 7 },
    })
  })

  it("reads a group's blocked accounts from the partial index, never the whole group", () => {
    const plan = withDb(server.app.sandbox.db.sqlite.name, (db) =>
      db
        .prepare(`EXPLAIN QUERY PLAN SELECT id, number ${BLOCKED_IN_GROUP} ORDER BY id LIMIT 5`)
        .all(1)
        .map((row) => (row as { detail: string }).detail),
    )
    expect(plan).toEqual([expect.stringContaining('USING INDEX accounts_blocked (group_id=?)')])
  })
})

describe('operations: purchases and steps', () => {
  it('a purchase that brings spend_total exactly to a threshold moves the account up', async () => {
    const { ladderId, accounts } = await fixture(spendLadder(), 1)
    const id = accounts[0]!.id
    const first = purchaseResult.parse(
      (await post('/operations/purchase', { account_id: id, amount: 999.99 })).body,
    )
    expect(first).toEqual({
      step: { ladder_id: ladderId, index: 0, name: 'Старт' },
      bonus_credited: 10,
      balance_after: 10,
      paid_with_bonus: 0,
      bonus_pending: 0,
      available_at: null,
    })
    const exact = purchaseResult.parse(
      (await post('/operations/purchase', { account_id: id, amount: 0.01 })).body,
    )
    expect(exact.step).toEqual({ ladder_id: ladderId, index: 1, name: 'Серебро' })
    expect((await getAccount(id)).step).toEqual(exact.step)
    // The next bill earns the new step's 5 %.
    const next = purchaseResult.parse(
      (await post('/operations/purchase', { account_id: id, amount: 100 })).body,
    )
    expect(next.bonus_credited).toBe(5)
  })

  it('downgrade: false keeps the highest step when the window rolls; downgrade: true drops', async () => {
    const rolling = { period: 'rolling_days' as const, period_days: 30 }
    const kept = await fixture(spendLadder({ ...rolling, downgrade: false }), 1)
    const dropped = await fixture(spendLadder({ ...rolling, downgrade: true }), 1)
    for (const f of [kept, dropped]) {
      const result = purchaseResult.parse(
        (await post('/operations/purchase', { account_id: f.accounts[0]!.id, amount: 6000 })).body,
      )
      expect(result.step?.index).toBe(2)
    }
    await moveDays(31)
    try {
      expect((await getAccount(kept.accounts[0]!.id)).step?.index).toBe(2)
      expect((await getAccount(dropped.accounts[0]!.id)).step?.index).toBe(0)
      // The held step also earns its bonus: 10 % of the next bill, against 1 % on the dropped ladder.
      const heldBonus = purchaseResult.parse(
        (await post('/operations/purchase', { account_id: kept.accounts[0]!.id, amount: 100 })).body,
      )
      const droppedBonus = purchaseResult.parse(
        (await post('/operations/purchase', { account_id: dropped.accounts[0]!.id, amount: 100 })).body,
      )
      expect([heldBonus.bonus_credited, droppedBonus.bonus_credited]).toEqual([10, 1])
    } finally {
      await moveDays(-31)
    }
  })

  it('a group without a ladder earns no bonus, and its accounts have no step', async () => {
    const { accounts } = await fixture(null, 1)
    const result = purchaseResult.parse(
      (await post('/operations/purchase', { account_id: accounts[0]!.id, amount: 500 })).body,
    )
    expect(result).toEqual({
      step: null,
      bonus_credited: 0,
      balance_after: 0,
      paid_with_bonus: 0,
      bonus_pending: 0,
      available_at: null,
    })
    expect(await getAccount(accounts[0]!.id)).toMatchObject({ spend_total: 500, visits: 1, step: null })
  })
})

describe('operations: list', () => {
  it('filters by account, group, type and days; newest first; totals exact', async () => {
    const count = (where: string, ...params: unknown[]) =>
      withDb(server.app.sandbox.db.sqlite.name, (db) =>
        db
          .prepare(`SELECT count(*) FROM operations ${where}`)
          .pluck()
          .get(...params),
      )
    const list = async (query: string) => {
      const response = await call(api, 'GET', `/operations/list?${query}`, { token: tokens.viewer })
      expect(response.status).toBe(200)
      return listOf(operation).parse(response.body)
    }
    const all = await list('limit=500')
    expect(all.total).toBe(count(''))
    const times = all.items.map((op) => op.created_at)
    expect(times).toEqual([...times].sort().reverse())
    const day = times[times.length - 1]!.slice(0, 10)
    const cases: [string, string, unknown[]][] = [
      ['type=withdraw', "WHERE type = 'withdraw'", []],
      ['group_id=2&type=bonus', "WHERE group_id = 2 AND type = 'bonus'", []],
      ['account_id=5', 'WHERE account_id = 5', []],
      [`from=${day}&to=${day}`, 'WHERE substr(created_at, 1, 10) = ?', [day]],
      [`group_id=3&from=${day}`, 'WHERE group_id = 3 AND substr(created_at, 1, 10) >= ?', [day]],
    ]
    for (const [query, where, params] of cases) {
      const page = await list(`${query}&limit=500`)
      expect(page.total, query).toBe(count(where, ...params))
      expect(page.items.length, query).toBe(Math.min(500, page.total))
    }
    const backwards = await call(api, 'GET', '/operations/list?from=2026-02-02&to=2026-02-01', {
      token: admin,
    })
    expect(locsOf(backwards)).toEqual([['query', 'to']])
  })
})
