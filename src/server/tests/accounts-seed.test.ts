import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type BetterSqlite3 from 'better-sqlite3'
import { identifierType, listOf } from '@shared/api'
import { seedAccountGroups } from '../seed/account-groups'
import { seedAccounts } from '../seed/accounts'
import { seedIdentifierTypes } from '../seed/identifier-types'
import { seedLadders } from '../seed/ladders'
import { seedRkDiscounts } from '../seed/rk-discounts'
import { accountSearchTerms } from '../services/account-search'
import { identifierValueProblems } from '../services/identifier-types'
import { call, demoTokens, startTestServer } from '../test-support'
import { movableClock, type SearchableRow, withDb } from './ledger-support'

// What the seeds write must be what the API itself would have written: checked on the rows.

const DEMO_TRIGGERS = [
  'accounts_count_delete',
  'accounts_count_insert',
  'accounts_count_move',
  'group_balances_delete',
  'group_balances_insert',
  'group_balances_update',
  'operations_days_insert',
]

/** Every invariant the ledger, the search keys and the aggregates must keep, checked row by row. */
function checkSeededRows(db: BetterSqlite3.Database): void {
  const accounts = db
    .prepare(
      'SELECT id, number, holder_name, phone, email, group_id, balance, spend_total, visits FROM accounts',
    )
    .all() as (SearchableRow & { balance: number; spend_total: number; visits: number })[]
  const ledger = new Map<number, { sum: number; last: number }>()
  for (const op of db
    .prepare('SELECT account_id, type, amount, balance_after FROM operations ORDER BY created_at, id')
    .iterate() as Iterable<{
    account_id: number
    type: string
    amount: number
    balance_after: number
  }>) {
    const entry = ledger.get(op.account_id) ?? { sum: 0, last: 0 }
    entry.sum += op.type === 'withdraw' ? -op.amount : op.amount
    expect(op.balance_after).toBe(entry.sum)
    expect(op.balance_after).toBeGreaterThanOrEqual(0)
    entry.last = op.balance_after
    ledger.set(op.account_id, entry)
  }
  const purchases = new Map(
    (
      db
        .prepare(
          'SELECT account_id, sum(amount) AS spend, count(*) AS visits FROM purchases GROUP BY account_id',
        )
        .all() as {
        account_id: number
        spend: number
        visits: number
      }[]
    ).map((row) => [row.account_id, row]),
  )
  const identifiers = new Map<number, string[]>()
  for (const row of db
    .prepare('SELECT account_id, value FROM account_identifiers ORDER BY account_id, position')
    .all() as {
    account_id: number
    value: string
  }[]) {
    identifiers.set(row.account_id, [...(identifiers.get(row.account_id) ?? []), row.value])
  }
  const terms = new Map<number, string[]>()
  const groupOfTerms = new Map<number, number>()
  for (const row of db.prepare('SELECT term, account_id, group_id FROM account_search').all() as {
    term: string
    account_id: number
    group_id: number
  }[]) {
    terms.set(row.account_id, [...(terms.get(row.account_id) ?? []), row.term])
    groupOfTerms.set(row.account_id, row.group_id)
  }
  for (const a of accounts) {
    expect(a.balance, `account ${a.id}`).toBe(ledger.get(a.id)?.sum ?? 0)
    expect(a.spend_total, `account ${a.id}`).toBe(purchases.get(a.id)?.spend ?? 0)
    expect(a.visits, `account ${a.id}`).toBe(purchases.get(a.id)?.visits ?? 0)
    expect([...(terms.get(a.id) ?? [])].sort()).toEqual(
      accountSearchTerms(a, identifiers.get(a.id) ?? []).sort(),
    )
  }

  const aggregate = (sql: string) => JSON.stringify(db.prepare(sql).all())
  expect(aggregate('SELECT id, accounts_count FROM account_groups ORDER BY id')).toBe(
    aggregate(
      'SELECT g.id, count(a.id) AS accounts_count FROM account_groups g LEFT JOIN accounts a ON a.group_id = g.id GROUP BY g.id ORDER BY g.id',
    ),
  )
  expect(
    aggregate(
      'SELECT group_id, balance_total FROM group_balances WHERE balance_total <> 0 ORDER BY group_id',
    ),
  ).toBe(
    aggregate(
      'SELECT group_id, sum(balance) AS balance_total FROM accounts GROUP BY group_id HAVING sum(balance) <> 0 ORDER BY group_id',
    ),
  )
  expect(aggregate('SELECT day, type, group_id, count, amount FROM operation_days ORDER BY 1, 2, 3')).toBe(
    aggregate(
      'SELECT substr(created_at, 1, 10) AS day, type, group_id, count(*) AS count, sum(amount) AS amount FROM operations GROUP BY 1, 2, 3 ORDER BY 1, 2, 3',
    ),
  )
  // The load ran with triggers and indexes dropped: they are all back.
  expect(
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all(),
  ).toEqual(DEMO_TRIGGERS)
  for (const index of [
    'accounts_group_totals',
    'accounts_highest_step',
    'operations_time',
    'purchases_account_time',
  ]) {
    expect(
      db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(index),
    ).toBe(1)
  }
}

describe('demo seed', () => {
  const clock = movableClock()
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer({ now: clock.now })
  })
  afterAll(() => server.close())

  it('2,000 guests over every group, a year of purchases, deposits and withdrawals, one group deposit', () => {
    withDb(server.app.sandbox.db.sqlite.name, (db) => {
      expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(2000)
      const perGroup = db.prepare('SELECT group_id, count(*) AS n FROM accounts GROUP BY group_id').all() as {
        n: number
      }[]
      expect(perGroup).toHaveLength(4)
      expect(perGroup.every((g) => g.n >= 50)).toBe(true)
      const span = db
        .prepare('SELECT min(created_at) AS first, max(created_at) AS last FROM purchases')
        .get() as {
        first: string
        last: string
      }
      expect(Date.parse(span.last) - Date.parse(span.first)).toBeGreaterThan(360 * 86_400_000)
      expect(Date.parse(span.last)).toBeLessThan(clock.now())
      const types = db.prepare('SELECT type, count(*) AS n FROM operations GROUP BY type ORDER BY type').all()
      expect(types).toEqual([
        { type: 'bonus', n: expect.any(Number) },
        { type: 'deposit', n: expect.any(Number) },
        { type: 'withdraw', n: expect.any(Number) },
      ])
      expect(
        db
          .prepare('SELECT count(DISTINCT batch_id) FROM operations WHERE batch_id IS NOT NULL')
          .pluck()
          .get(),
      ).toBe(1)
      const names = db.prepare('SELECT holder_name FROM accounts LIMIT 50').pluck().all() as string[]
      expect(
        names.every((name) => /^[А-ЯЁ][а-яё-]+ [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+(вич|вна|ич|чна)$/u.test(name)),
      ).toBe(true)
      checkSeededRows(db)
    })
  })

  it('every seeded identifier is valid for its type, and unique types hold distinct values', async () => {
    const tokens = await demoTokens(server.apiUrl)
    const types = listOf(identifierType).parse(
      (await call(server.apiUrl, 'GET', '/identifier_types/list', { token: tokens.viewer })).body,
    ).items
    withDb(server.app.sandbox.db.sqlite.name, (db) => {
      for (const type of types) {
        const values = db
          .prepare('SELECT value FROM account_identifiers WHERE type_id = ?')
          .pluck()
          .all(type.id) as string[]
        expect(values.length, type.code).toBeGreaterThan(0)
        for (const value of values)
          expect(identifierValueProblems(type, value), `${type.code} ${value}`).toEqual([])
        if (type.unique) expect(new Set(values).size, type.code).toBe(values.length)
      }
      const phones = db
        .prepare('SELECT phone FROM accounts WHERE phone IS NOT NULL')
        .pluck()
        .all() as string[]
      expect(phones.every((phone) => /^\+79\d{9}$/.test(phone))).toBe(true)
      expect(db.prepare('SELECT count(*) FROM accounts WHERE blocked <> 0').pluck().get()).toBeGreaterThan(0)
    })
  })

  it('is deterministic: the same day gives the same accounts and ledger', async () => {
    const other = await startTestServer({ now: clock.now })
    try {
      const digest = (path: string) =>
        withDb(path, (db) => {
          const hash = createHash('sha256')
          for (const sql of [
            'SELECT number, holder_name, phone, email, birth_date, group_id, balance, spend_total, visits FROM accounts ORDER BY id',
            'SELECT account_id, type, amount, balance_after, comment, created_at FROM operations ORDER BY id',
            'SELECT account_id, position, type_id, value FROM account_identifiers ORDER BY 1, 2',
          ]) {
            for (const row of db.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row))
          }
          return hash.digest('hex')
        })
      expect(digest(other.app.sandbox.db.sqlite.name)).toBe(digest(server.app.sandbox.db.sqlite.name))
    } finally {
      await other.close()
    }
  })
})

describe('large seed (the bulk path, at a small count)', () => {
  it('loads with indexes and triggers rebuilt, a corporate group of 10,000, and every invariant kept', async () => {
    const server = await startTestServer({ seed: 'none' })
    try {
      const ctx = server.app.sandbox
      ctx.db.tx(() => {
        const ladders = seedLadders(ctx, seedRkDiscounts(ctx))
        seedAccounts(ctx, 'large', seedAccountGroups(ctx, ladders), seedIdentifierTypes(ctx), { count: 3000 })
      })
      withDb(ctx.db.sqlite.name, (db) => {
        expect(db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(13_000)
        expect(
          db
            .prepare("SELECT accounts_count FROM account_groups WHERE name = 'Корпоративные клиенты'")
            .pluck()
            .get(),
        ).toBe(10_000)
        checkSeededRows(db)
      })
    } finally {
      await server.close()
    }
  })
})
