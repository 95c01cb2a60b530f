// An account's bonus through main against a real sandbox: pending credits with the moment each becomes spendable
// (the same instant the till's purchase answered), the limits left, and temporary identifiers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PurchaseResult } from '@shared/api'
import { SINGLETON_ID } from '@shared/resources'
import { startSandbox, type Sandbox } from '@server/testing'
import { openCore, tempDir, type TestCore } from '../../testing/harness'

let sandbox: Sandbox
let c: TestCore
const dir = tempDir()
let token = ''

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(`${sandbox.apiUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

async function editSettings(change: Record<string, unknown>): Promise<void> {
  const current = (await c.ok('settings:get', { refresh: true })).item
  await c.ok('drafts:save', {
    entity: 'settings',
    entity_id: SINGLETON_ID,
    payload: { ...current, ...change },
    publish: true,
  })
  await c.core.whenSynced()
}

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({ dataDir: dir.path, defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }] })
  await c.ok('session:login', { username: 'admin', password: '111' })
  const login = await fetch(`${sandbox.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: '111' }),
  })
  token = ((await login.json()) as { access_token: string }).access_token
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

describe('accounts:bonus', () => {
  it('lists pending credits with the instant the purchase named, and the limits left', async () => {
    await editSettings({
      accrual_delay_days: 3,
      bonus_payment_limits: { per_day: 500, per_week: null, per_month: 3000 },
    })
    const account = (await c.ok('accounts:list', { limit: 50 })).items.find((a) => a.step && !a.blocked)!
    const before = await c.ok('accounts:bonus', { id: account.id })
    const purchase = await post<PurchaseResult>('/operations/purchase', {
      account_id: account.id,
      amount: 10000,
    })
    expect(purchase.bonus_pending).toBeGreaterThan(0)

    const bonus = await c.ok('accounts:bonus', { id: account.id })
    expect(bonus.pending_balance).toBeCloseTo(before.pending_balance + purchase.bonus_pending, 2)
    expect(bonus.pending_complete).toBe(true)
    expect(bonus.pending).toContainEqual({
      amount: purchase.bonus_pending,
      available_at: purchase.available_at,
    })
    expect(bonus.limits).toEqual({
      per_day: { limit: 500, used: 0, left: 500 },
      per_week: { limit: null, used: 0, left: null },
      per_month: { limit: 3000, used: 0, left: 3000 },
    })
    expect(bonus.temporary_identifiers).toBe(false)
  })

  it('a temporary identifier: refused (coded) while they are off, issued with its expiry when on', async () => {
    const account = (await c.ok('accounts:list', { limit: 1 })).items[0]!
    expect(await c.call('accounts:temporary-identifier', { id: account.id })).toMatchObject({
      ok: false,
      error: { code: 'conflict', reason: { code: 'temporary_identifiers_off' } },
    })
    await editSettings({ temporary_identifiers: { enabled: true, ttl_minutes: 20, length: 8 } })
    const issued = await c.ok('accounts:temporary-identifier', { id: account.id })
    expect(issued.value).toMatch(/^\d{8}$/)
    const minutes = (Date.parse(issued.expires_at) - Date.now()) / 60_000
    expect(minutes).toBeGreaterThan(18)
    expect(minutes).toBeLessThanOrEqual(20)
    const found = await c.ok('accounts:list', { q: issued.value })
    expect(found.items.map((a) => a.id)).toEqual([account.id])
    expect((await c.ok('accounts:bonus', { id: account.id })).temporary_identifiers).toBe(true)
  })
})
