import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Ladder,
  type LadderCreate,
  accountGroup,
  balancesReport,
  ladder as ladderSchema,
  ladderPreview,
  ladderStepsReport,
  listOf,
  operationsReport,
  account,
} from '@shared/api'
import { benefitsFor, fromKopecks } from '@shared/domain'
import { call, demoTokens, locsOf, startTestServer } from '../test-support'
import { openSandboxDb } from './direct-db'
import {
  asPreview,
  movableClock,
  purchasesByAccount,
  readLedger,
  recountLadder,
  type RecountLadder,
  recountStep,
  type PreviewSample,
  withDb,
} from './ledger-support'

// Reports and the ladder preview against brute-force recounts: every account placed one by one with the shared
// stepFor from its own rows (the server counts index ranges, reads aggregates and sums windows in SQL).
const clock = movableClock()
let server: Awaited<ReturnType<typeof startTestServer>>
let api: string
let tokens: Awaited<ReturnType<typeof demoTokens>>
let demoLadders: Ladder[]

beforeAll(async () => {
  server = await startTestServer({ now: clock.now })
  api = server.apiUrl
  tokens = await demoTokens(api)
  demoLadders = listOf(ladderSchema).parse(
    (await call(api, 'GET', '/ladders/list', { token: tokens.viewer })).body,
  ).items
})
afterAll(() => server.close())

const dbPath = (): string => server.app.sandbox.db.sqlite.name
const get = async (path: string, token = tokens.viewer) => call(api, 'GET', path, { token })
const ladderBody = (ladder: Ladder): LadderCreate & { id: number } => {
  const { version: _v, created_at: _c, updated_at: _u, updated_by: _b, ...body } = ladder
  return body
}

/**
 * Accounts per step before and after, moves, the first 20 movers each way (groups in the given order, accounts
 * by id) and the bonus of the last 30 days' bills on the step now and proposed — recounted account by account.
 */
function recount(proposed: RecountLadder, stepCount: number, groupIds: number[]) {
  const ledger = readLedger(dbPath())
  const purchases = purchasesByAccount(ledger.purchases)
  const ladders = new Map(demoLadders.map((l) => [l.id, recountLadder(l)]))
  const groupLadder = new Map(ledger.groups.map((g) => [g.id, g.ladder_id]))
  const counts = Array.from({ length: stepCount }, () => 0)
  const before = Array.from({ length: stepCount }, () => 0)
  const moves = { moved_up: 0, moved_down: 0, unchanged: 0 }
  const samples = { moved_up: [] as PreviewSample[], moved_down: [] as PreviewSample[] }
  const bonus = { current: 0, proposed: 0 }
  const since = clock.now() - 30 * 24 * 60 * 60 * 1000
  const bonusOn = (ladder: RecountLadder | undefined, index: number, amount: number) => {
    const percent = index >= 0 ? ladder?.bonusPercents[index] : null
    return percent === null || percent === undefined
      ? 0
      : benefitsFor({ bonus_percent: percent }, amount).bonusKopecks
  }
  const stepRef = (ladder: RecountLadder | undefined, index: number) =>
    ladder && index >= 0 ? { index, name: ladder.names[index]! } : null
  for (const groupId of groupIds) {
    for (const accountFacts of ledger.accounts) {
      if (accountFacts.group_id !== groupId) continue
      const own = purchases.get(accountFacts.id) ?? []
      const next = recountStep(proposed, accountFacts, own, clock.now())
      const currentId = groupLadder.get(accountFacts.group_id) ?? null
      const current = currentId === null ? undefined : ladders.get(currentId)
      const now = current ? recountStep(current, accountFacts, own, clock.now()) : -1
      if (next >= 0) counts[next]! += 1
      if (now >= 0 && now < stepCount) before[now]! += 1
      const direction = next > now ? 'moved_up' : next < now ? 'moved_down' : 'unchanged'
      moves[direction] += 1
      if (direction !== 'unchanged' && samples[direction].length < 20) {
        samples[direction].push({
          account_id: accountFacts.id,
          number: accountFacts.number,
          holder_name: accountFacts.holder_name,
          from_step: stepRef(current, now),
          to_step: stepRef(proposed, next),
        })
      }
      for (const purchase of own) {
        if (Date.parse(purchase.created_at) <= since) continue
        bonus.current += bonusOn(current, now, purchase.amount)
        bonus.proposed += bonusOn(proposed, next, purchase.amount)
      }
    }
  }
  return { counts, before, ...moves, samples, bonus }
}

const groupsOf = (ladderId: number): number[] =>
  readLedger(dbPath())
    .groups.filter((g) => g.ladder_id === ladderId)
    .map((g) => g.id)

async function preview(body: unknown, query = '') {
  const response = await call(api, 'POST', `/ladders/preview${query}`, {
    token: tokens.marketing,
    json: body,
  })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return ladderPreview.parse(response.body)
}

describe('reports', () => {
  it('balances: every group with its accounts and the sum of their balances', async () => {
    const report = balancesReport.parse((await get('/reports/balances')).body)
    const expected = withDb(
      dbPath(),
      (db) =>
        db
          .prepare(
            `SELECT g.id AS group_id, g.name, count(a.id) AS accounts, coalesce(sum(a.balance), 0) AS balance_total
           FROM account_groups g LEFT JOIN accounts a ON a.group_id = g.id GROUP BY g.id ORDER BY g.id`,
          )
          .all() as { group_id: number; name: string; accounts: number; balance_total: number }[],
    )
    expect(report.items).toEqual(
      expected.map((row) => ({ ...row, balance_total: fromKopecks(row.balance_total) })),
    )
    expect(report.items.every((item) => item.accounts > 0)).toBe(true)
  })

  it('operations: per day and type within the range, equal to a recount of the ledger', async () => {
    const recountDays = (from: string, to: string) =>
      withDb(dbPath(), (db) =>
        (
          db
            .prepare(
              `SELECT substr(created_at, 1, 10) AS day, type, count(*) AS count, sum(amount) AS amount FROM operations
               WHERE substr(created_at, 1, 10) BETWEEN ? AND ? GROUP BY day, type ORDER BY day, type`,
            )
            .all(from, to) as {
            day: string
            type: 'deposit' | 'withdraw' | 'bonus'
            count: number
            amount: number
          }[]
        ).map((row) => ({ ...row, amount: fromKopecks(row.amount) })),
      )
    const year = operationsReport.parse((await get('/reports/operations?from=2000-01-01&to=2100-01-01')).body)
    expect(year.items).toEqual(recountDays('2000-01-01', '2100-01-01'))
    expect(new Set(year.items.map((item) => item.type))).toEqual(new Set(['deposit', 'withdraw', 'bonus']))
    const someDay = year.items[Math.floor(year.items.length / 2)]!.day
    const week = operationsReport.parse((await get(`/reports/operations?from=${someDay}&to=${someDay}`)).body)
    expect(week.items).toEqual(recountDays(someDay, someDay))
    const bad = await get('/reports/operations?from=2026-01-02&to=2026-01-01')
    expect(locsOf(bad)).toEqual([['query', 'to']])
    expect(locsOf(await get('/reports/operations?from=2026-13-01'))).toEqual([
      ['query', 'from'],
      ['query', 'to'],
    ])
  })

  it('ladder_steps of every demo ladder equals the brute-force recount', async () => {
    for (const ladder of demoLadders) {
      const report = ladderStepsReport.parse((await get(`/reports/ladder_steps?ladder_id=${ladder.id}`)).body)
      const { counts } = recount(recountLadder(ladder), ladder.steps.length, groupsOf(ladder.id))
      expect(report.items, ladder.name).toEqual(
        ladder.steps.map((step, index) => ({ index, name: step.name, accounts: counts[index] })),
      )
      expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(100)
    }
    expect((await get('/reports/ladder_steps?ladder_id=999999')).status).toBe(404)
    expect(locsOf(await get('/reports/ladder_steps'))).toEqual([['query', 'ladder_id']])
  })
})

describe('ladders/preview', () => {
  it('proposals for each demo ladder equal the brute-force recount, and store nothing', async () => {
    // data_version of one connection changes when any other connection commits.
    const watcher = openSandboxDb(dbPath()).db
    const before = watcher.pragma('data_version', { simple: true })
    for (const ladder of demoLadders) {
      const body = ladderBody(ladder)
      const proposals: LadderCreate[] = [
        body,
        {
          ...body,
          steps: body.steps.map((step, i) => ({
            ...step,
            threshold: i === 0 ? 0 : Math.floor(step.threshold / 2) + 1,
          })),
        },
        {
          ...body,
          basis: 'visits',
          steps: body.steps.map((step, i) => ({ ...step, threshold: [0, 3, 8, 20][i] ?? 40 + i })),
        },
        { ...body, period: 'rolling_days', period_days: 90, downgrade: false },
        { ...body, steps: body.steps.slice(0, 2) },
        // Bonus shares that leave fractions of a kopeck: each bill is rounded half-up on its own.
        {
          ...body,
          steps: body.steps.map((step, i) => ({
            ...step,
            bonus_percent: [0.5, 1.25, 3.33, 7.77][i] ?? 9.99,
          })),
        },
      ]
      for (const proposal of proposals) {
        const answer = await preview({ ...proposal, id: ladder.id })
        const expected = recount(
          recountLadder(proposal, ladder.id),
          proposal.steps.length,
          groupsOf(ladder.id),
        )
        expect(answer, `${ladder.name}: ${JSON.stringify(proposal.steps.map((s) => s.threshold))}`).toEqual(
          asPreview(proposal, expected),
        )
      }
      const same = await preview({ ...body, id: ladder.id })
      expect(same.moved_up + same.moved_down).toBe(0)
      expect(same.bonus_estimate.proposed).toBe(same.bonus_estimate.current)
      expect(same.steps.map((step) => step.accounts)).toEqual(same.steps.map((step) => step.accounts_before))
      const halved = await preview({ ...proposals[1]!, id: ladder.id })
      expect(halved.samples.moved_up.length).toBe(Math.min(20, halved.moved_up))
      expect(halved.samples.moved_up.length).toBeGreaterThan(0)
      expect(halved.bonus_estimate.proposed).toBeGreaterThan(halved.bonus_estimate.current)
    }
    // A new ladder over another group (?group_id=), compared with that group's current ladder.
    const guest = ladderBody(demoLadders[0]!)
    const { id: _id, ...unsaved } = guest
    const over = await preview(unsaved, '?group_id=2')
    const expected = recount(recountLadder(unsaved), unsaved.steps.length, [2])
    expect(over).toEqual(asPreview(unsaved, expected))
    expect(await preview(unsaved)).toMatchObject({ moved_up: 0, moved_down: 0, unchanged: 0 })
    expect(watcher.pragma('data_version', { simple: true })).toBe(before)
    watcher.close()
  })

  it('downgrade: false after a ladder edit: held steps in ladder_steps and preview equal the recount', async () => {
    const body: LadderCreate = {
      name: 'Удержание',
      basis: 'spend',
      period: 'all_time',
      period_days: null,
      downgrade: false,
      active: true,
      steps: [
        { name: 'A', threshold: 0, rk_discount_id: null, bonus_percent: 1, max_payment_percent: null },
        { name: 'B', threshold: 1000, rk_discount_id: null, bonus_percent: 2, max_payment_percent: null },
        { name: 'C', threshold: 5000, rk_discount_id: null, bonus_percent: 3, max_payment_percent: null },
      ],
    }
    const admin = tokens.admin
    const created = ladderSchema.parse(
      (await call(api, 'POST', '/ladders/create', { token: admin, json: body })).body,
    )
    const group = accountGroup.parse(
      (
        await call(api, 'POST', '/account_groups/create', {
          token: admin,
          json: { name: 'Удержанные', ladder_id: created.id, active: true },
        })
      ).body,
    )
    for (const [i, spend] of [6000, 2000, 500, 5000].entries()) {
      const made = account.parse(
        (
          await call(api, 'POST', '/accounts/create', {
            token: admin,
            json: { number: `HOLD-${i}`, group_id: group.id },
          })
        ).body,
      )
      await call(api, 'POST', '/operations/purchase', {
        token: admin,
        json: { account_id: made.id, amount: spend },
      })
    }
    const raised = {
      ...body,
      steps: body.steps.map((step, i) => ({ ...step, threshold: [0, 3000, 10_000][i]! })),
    }
    const updated = ladderSchema.parse(
      (await call(api, 'PUT', `/ladders/${created.id}`, { token: admin, json: { ...raised, version: 1 } }))
        .body,
    )
    demoLadders = [...demoLadders, updated]
    const report = ladderStepsReport.parse((await get(`/reports/ladder_steps?ladder_id=${created.id}`)).body)
    expect(report.items.map((item) => item.accounts)).toEqual([1, 1, 2])
    expect(report.items.map((item) => item.accounts)).toEqual(
      recount(recountLadder(updated), 3, [group.id]).counts,
    )
    const proposal = {
      ...raised,
      steps: raised.steps.map((step, i) => ({ ...step, threshold: [0, 100_000, 200_000][i]! })),
    }
    const answer = await preview({ ...proposal, id: created.id })
    const expected = recount(recountLadder(proposal, created.id), 3, [group.id])
    expect(answer.steps.map((step) => step.accounts)).toEqual(expected.counts)
    expect(answer).toMatchObject({
      moved_up: expected.moved_up,
      moved_down: expected.moved_down,
      unchanged: 4,
    })
  })

  it('422 at the rule’s loc; unknown id 422 at body.id; unknown group 404; every role may preview', async () => {
    const body = ladderBody(demoLadders[0]!)
    const bad = await call(api, 'POST', '/ladders/preview', {
      token: tokens.viewer,
      json: { ...body, steps: [body.steps[0], { ...body.steps[1], threshold: 0 }] },
    })
    expect(bad.status).toBe(422)
    expect(locsOf(bad)).toEqual([['body', 'steps', 1, 'threshold']])
    const unknown = await call(api, 'POST', '/ladders/preview', {
      token: tokens.viewer,
      json: { ...body, id: 999_999 },
    })
    expect(locsOf(unknown)).toEqual([['body', 'id']])
    const group = await call(api, 'POST', '/ladders/preview?group_id=999999', {
      token: tokens.viewer,
      json: body,
    })
    expect(group.status).toBe(404)
    expect((await call(api, 'POST', '/ladders/preview', { json: body })).status).toBe(401)
    for (const path of [
      '/reports/balances',
      '/reports/operations?from=2026-01-01&to=2026-01-02',
      '/reports/ladder_steps?ladder_id=1',
    ]) {
      expect((await call(api, 'GET', path)).status).toBe(401)
      expect((await get(path, tokens.viewer)).status).toBe(200)
    }
  })
})
