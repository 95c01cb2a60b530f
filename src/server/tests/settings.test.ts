import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Account, type Settings, settings as settingsSchema } from '@shared/api'
import { fromKopecks, toKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { HttpError } from '../errors'
import { accountLimits } from '../services/bonus-balance'
import { createAccount, getAccount } from '../services/accounts'
import { createOperation, recordPurchase } from '../services/operations'
import { getSettings, updateSettings } from '../services/settings'
import { createLadder } from '../services/ladders'
import { createAccountGroup } from '../services/account-groups'
import { call, demoTokens, locsOf, startTestServer } from '../test-support'

// The program settings and what they change at the till: required account fields, limits of paying with bonus
// per business day/week/month (rolling over exactly at the day change time, across a DST change too), the
// step's cap, deferred accruals, and the ledger identity paid + available + pending = credited − withdrawn.

let now = Date.parse('2026-03-15T12:00:00.000Z')
let server: Awaited<ReturnType<typeof startTestServer>>
let ctx: ServerContext
let tokens: Awaited<ReturnType<typeof demoTokens>>

beforeAll(async () => {
  server = await startTestServer({ now: () => now })
  ctx = server.app.sandbox
  tokens = await demoTokens(server.apiUrl)
})
afterAll(() => server.close())

const withSettings = (change: Partial<Settings>): Settings => {
  const { updated_at: _at, updated_by: _by, ...current } = getSettings(ctx)
  return updateSettings(ctx, { ...current, ...change }, 'admin')
}

let serial = 0
/** A fresh account in a group of its own, on a one-step ladder (bonus 10 %, pay up to `cap` % with bonus). */
function freshAccount(cap: number | null = null, extra: Record<string, unknown> = {}): Account {
  serial += 1
  const ladder = createLadder(
    ctx,
    {
      name: `Правила ${serial}`,
      basis: 'spend',
      period: 'all_time',
      period_days: null,
      downgrade: true,
      active: true,
      steps: [
        { name: 'Все', threshold: 0, rk_discount_id: null, bonus_percent: 10, max_payment_percent: cap },
      ],
    },
    'admin',
  )
  const group = createAccountGroup(
    ctx,
    { name: `Группа правил ${serial}`, ladder_id: ladder.id, active: true },
    'admin',
  )
  return createAccount(
    ctx,
    {
      number: `RULE-${serial}`,
      holder_name: 'Гость Правил',
      phone: '+79990000000',
      group_id: group.id,
      ...extra,
    },
    'admin',
  )
}

let keySerial = 0
const deposit = (accountId: number, amount: number) =>
  createOperation(ctx, { account_id: accountId, type: 'deposit', amount, comment: null }, 'admin')
const withdraw = (accountId: number, amount: number) =>
  createOperation(ctx, { account_id: accountId, type: 'withdraw', amount, comment: null }, 'admin')
const purchase = (accountId: number, amount: number, paid?: number) =>
  recordPurchase(ctx, { account_id: accountId, amount, paid_with_bonus: paid ?? null }, `till-${keySerial++}`)

/** The 422 a call throws: its loc, type and message. */
function refusal(run: () => unknown): { loc: unknown; type: string; msg: string } {
  try {
    run()
  } catch (error) {
    if (error instanceof HttpError && Array.isArray(error.body.detail)) {
      const [item] = error.body.detail
      return { loc: item?.loc, type: item?.type ?? '', msg: item?.msg ?? '' }
    }
    if (error instanceof HttpError) return { loc: null, type: String(error.statusCode), msg: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

describe('settings: the document', () => {
  it('defaults, a versioned PUT by admin, 409 on a stale version, 403 for others, 422 at the field', async () => {
    const read = await call(server.apiUrl, 'GET', '/settings', { token: tokens.viewer })
    expect(read.status).toBe(200)
    const current = settingsSchema.parse(read.body)
    expect(current).toMatchObject({
      day_change_time: '00:00',
      timezone: 'Europe/Moscow',
      required_account_fields: [],
      bonus_payment_limits: { per_day: null, per_week: null, per_month: null },
      accrual_delay_days: 0,
      temporary_identifiers: { enabled: false, ttl_minutes: 15, length: 6 },
    })
    const { updated_at: _at, updated_by: _by, ...body } = current
    const put = (json: unknown, token = tokens.admin) =>
      call(server.apiUrl, 'PUT', '/settings', { token, json })
    const saved = await put({ ...body, day_change_time: '04:00' })
    expect(saved.status).toBe(200)
    expect(saved.body).toMatchObject({
      day_change_time: '04:00',
      version: current.version + 1,
      updated_by: 'admin',
    })
    const stale = await put({ ...body, day_change_time: '05:00' })
    expect(stale.status).toBe(409)
    expect((stale.body as { current: Settings }).current.day_change_time).toBe('04:00')
    expect((await put({ ...body, version: current.version + 1 }, tokens.marketing)).status).toBe(403)
    const bad = await put({
      ...body,
      version: current.version + 1,
      day_change_time: '24:00',
      timezone: 'Mars/Base',
    })
    expect(locsOf(bad)).toEqual([
      ['body', 'day_change_time'],
      ['body', 'timezone'],
    ])
    // Back to midnight for the rules below.
    expect((await put({ ...body, version: current.version + 1 })).status).toBe(200)
  })

  it('required account fields: a missing one is 422 at that field, on create and on update', () => {
    withSettings({ required_account_fields: ['email', 'birth_date'] })
    try {
      const missing = refusal(() => freshAccount(null, { email: null }))
      expect(missing.loc).toEqual(['body', 'email'])
      const created = freshAccount(null, { email: 'guest@example.ru', birth_date: '1990-01-01' })
      expect(created.email).toBe('guest@example.ru')
    } finally {
      withSettings({ required_account_fields: [] })
    }
  })
})

describe('paying with bonus at the till', () => {
  it('the step’s cap and the available balance: refused above, with the allowed amount named', () => {
    const guest = freshAccount(30)
    deposit(guest.id, 500)
    const capped = refusal(() => purchase(guest.id, 1000, 300.01))
    expect(capped).toMatchObject({ loc: ['body', 'paid_with_bonus'], type: 'payment_above_step_cap' })
    expect(capped.msg).toContain('300')
    const paid = purchase(guest.id, 1000, 300)
    expect(paid).toMatchObject({ paid_with_bonus: 300, bonus_credited: 100, balance_after: 300 })
    const broke = refusal(() => purchase(guest.id, 5000, 300.01))
    expect(broke).toMatchObject({ type: 'payment_above_balance' })
    expect(broke.msg).toContain('300')
  })

  it('limits per business day roll over exactly at the day change time, across a DST change too', () => {
    // Berlin falls back on 2026-10-25 (03:00 → 02:00): the business day of the 25th is 25 hours long.
    withSettings({
      timezone: 'Europe/Berlin',
      day_change_time: '02:30',
      bonus_payment_limits: { per_day: 100, per_week: 250, per_month: null },
    })
    try {
      now = Date.parse('2026-10-25T00:30:00.000Z') // 02:30 CEST: the 25th's business day starts
      const guest = freshAccount()
      deposit(guest.id, 1000)
      purchase(guest.id, 1000, 100)
      expect(refusal(() => purchase(guest.id, 1000, 0.01)).type).toBe('payment_above_per_day')
      expect(accountLimits(ctx, guest.id).per_day).toEqual({ limit: 100, used: 100, left: 0 })
      // 25 hours later, one millisecond before 02:30 CET on the 26th: still the 25th.
      now = Date.parse('2026-10-26T01:29:59.999Z')
      expect(refusal(() => purchase(guest.id, 1000, 0.01)).type).toBe('payment_above_per_day')
      now = Date.parse('2026-10-26T01:30:00.000Z')
      expect(accountLimits(ctx, guest.id).per_day).toEqual({ limit: 100, used: 0, left: 100 })
      purchase(guest.id, 1000, 100)
      // The week (from Monday the 26th, 02:30) started with that payment; Sunday's did not count.
      expect(accountLimits(ctx, guest.id).per_week).toEqual({ limit: 250, used: 100, left: 150 })
      now = Date.parse('2026-10-27T01:30:00.000Z')
      purchase(guest.id, 1000, 100)
      now = Date.parse('2026-10-28T01:30:00.000Z') // a new day (100 left) in the same week (50 left)
      const week = refusal(() => purchase(guest.id, 1000, 50.01))
      expect(week.type).toBe('payment_above_per_week')
      expect(week.msg).toContain('50')
    } finally {
      now = Date.parse('2026-03-15T12:00:00.000Z')
      withSettings({
        timezone: 'Europe/Moscow',
        day_change_time: '00:00',
        bonus_payment_limits: { per_day: null, per_week: null, per_month: null },
      })
    }
  })

  it('deferred accruals stay pending exactly accrual_delay_days business days and cannot be spent before', () => {
    withSettings({ accrual_delay_days: 2, day_change_time: '04:00', timezone: 'Europe/Moscow' })
    try {
      now = Date.parse('2026-03-05T23:30:00.000Z') // 02:30 on the 6th in Moscow: business day of the 5th
      const guest = freshAccount()
      const bought = purchase(guest.id, 1000)
      expect(bought).toMatchObject({
        bonus_credited: 100,
        bonus_pending: 100,
        available_at: '2026-03-07T01:00:00.000Z',
      })
      expect(getAccount(ctx, guest.id)).toMatchObject({ balance: 100, pending_balance: 100 })
      expect(refusal(() => withdraw(guest.id, 0.01)).type).toBe('422')
      expect(refusal(() => purchase(guest.id, 10, 0.01)).type).toBe('payment_above_balance')
      now = Date.parse('2026-03-07T00:59:59.999Z')
      expect(getAccount(ctx, guest.id).pending_balance).toBe(100)
      now = Date.parse('2026-03-07T01:00:00.000Z')
      expect(getAccount(ctx, guest.id)).toMatchObject({ balance: 100, pending_balance: 0 })
      withdraw(guest.id, 100)
    } finally {
      now = Date.parse('2026-03-15T12:00:00.000Z')
      withSettings({ accrual_delay_days: 0, day_change_time: '00:00' })
    }
  })

  it('property: paid with bonus + available + pending = everything credited − everything withdrawn', () => {
    withSettings({
      accrual_delay_days: 1,
      bonus_payment_limits: { per_day: 300, per_week: null, per_month: null },
    })
    const step = fc.oneof(
      fc.record({ kind: fc.constant('deposit' as const), amount: fc.integer({ min: 1, max: 50_000 }) }),
      fc.record({ kind: fc.constant('withdraw' as const), amount: fc.integer({ min: 1, max: 50_000 }) }),
      fc.record({
        kind: fc.constant('purchase' as const),
        amount: fc.integer({ min: 1, max: 500_000 }),
        paid: fc.integer({ min: 0, max: 50_000 }),
      }),
      fc.record({ kind: fc.constant('hours' as const), amount: fc.integer({ min: 1, max: 60 }) }),
    )
    try {
      fc.assert(
        fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
          const guest = freshAccount(50)
          const sum = { credited: 0, withdrawn: 0, paid: 0 }
          for (const s of steps) {
            try {
              if (s.kind === 'deposit') {
                deposit(guest.id, fromKopecks(s.amount))
                sum.credited += s.amount
              } else if (s.kind === 'withdraw') {
                withdraw(guest.id, fromKopecks(s.amount))
                sum.withdrawn += s.amount
              } else if (s.kind === 'purchase') {
                const answer = purchase(guest.id, fromKopecks(s.amount), fromKopecks(s.paid))
                sum.credited += toKopecks(answer.bonus_credited)
                sum.paid += toKopecks(answer.paid_with_bonus)
              } else now += s.amount * 3_600_000
            } catch (error) {
              if (!(error instanceof HttpError) || error.statusCode !== 422) throw error
            }
          }
          const after = getAccount(ctx, guest.id)
          const available = toKopecks(after.balance) - toKopecks(after.pending_balance)
          expect(available).toBeGreaterThanOrEqual(0)
          expect(sum.paid + available + toKopecks(after.pending_balance)).toBe(sum.credited - sum.withdrawn)
        }),
        { numRuns: 40 },
      )
    } finally {
      now = Date.parse('2026-03-15T12:00:00.000Z')
      withSettings({
        accrual_delay_days: 0,
        bonus_payment_limits: { per_day: null, per_week: null, per_month: null },
      })
    }
  })
})

describe('temporary identifiers', () => {
  it('409 while off; a code of the set length finds its account until it expires, then never again', async () => {
    const guest = freshAccount()
    const issue = () =>
      call(server.apiUrl, 'POST', `/accounts/${guest.id}/temporary_identifier`, { token: tokens.admin })
    const off = await issue()
    expect(off.status, JSON.stringify(off.body)).toBe(409)
    withSettings({ temporary_identifiers: { enabled: true, ttl_minutes: 10, length: 8 } })
    try {
      const issued = await issue()
      expect(issued.status).toBe(201)
      const { value, expires_at } = issued.body as { value: string; expires_at: string }
      expect(value).toMatch(/^\d{8}$/)
      expect(Date.parse(expires_at) - now).toBe(10 * 60_000)
      const find = async () =>
        (await call(server.apiUrl, 'GET', `/accounts/list?q=${value}`, { token: tokens.viewer })).body as {
          items: { id: number }[]
          total: number
        }
      expect(await find()).toMatchObject({ items: [{ id: guest.id }], total: 1 })
      now = Date.parse(expires_at) - 1
      expect((await find()).items.map((item) => item.id)).toEqual([guest.id])
      now = Date.parse(expires_at)
      expect((await find()).items.map((item) => item.id)).not.toContain(guest.id)
      expect(
        (
          await call(server.apiUrl, 'POST', '/accounts/99999999/temporary_identifier', {
            token: tokens.admin,
          })
        ).status,
      ).toBe(404)
      expect(
        (
          await call(server.apiUrl, 'POST', `/accounts/${guest.id}/temporary_identifier`, {
            token: tokens.marketing,
          })
        ).status,
      ).toBe(403)
    } finally {
      now = Date.parse('2026-03-15T12:00:00.000Z')
      withSettings({ temporary_identifiers: { enabled: false, ttl_minutes: 15, length: 6 } })
    }
  })
})
