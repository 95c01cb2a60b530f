// The RK import against a real sandbox: the warning about discounts ladder steps use, and "add and update only".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RkDiscount, RkDiscountImportItem } from '@shared/api'
import { startSandbox, type Sandbox } from '@server/testing'
import { openCore, tempDir, type TestCore } from '../../testing/harness'

let sandbox: Sandbox
let c: TestCore
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({ dataDir: dir.path, defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }] })
  await c.ok('session:login', { username: 'admin', password: '111' })
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

const asRow = ({ rk_code, name, kind, value, active }: RkDiscount): RkDiscountImportItem => ({
  rk_code,
  name,
  kind,
  value,
  active,
})
const byCode = (items: readonly RkDiscount[], code: number) => {
  const found = items.find((discount) => discount.rk_code === code)
  if (!found) throw new Error(`The demo catalog has no discount ${code}`)
  return found
}

describe('an import that would deactivate discounts ladders use', () => {
  it('names the discounts, their ladders and steps, for a missing discount and one the file turns inactive', async () => {
    const current = (await c.ok('catalog:list', { refresh: true })).items
    // 110 is used by three ladders, 120 by «VIP за год» only; 221 by none.
    const rows = current
      .filter((discount) => discount.active && ![110, 221].includes(discount.rk_code))
      .map((discount) => (discount.rk_code === 120 ? { ...asRow(discount), active: false } : asRow(discount)))
    const preview = await c.ok('catalog:import-preview', { discounts: rows })
    expect(preview.deactivated.map((discount) => discount.rk_code).sort()).toEqual([110, 221])
    expect(
      preview.deactivated_in_use.map(({ rk_code, name, reason, ladders }) => ({
        rk_code,
        name,
        reason,
        ladders: ladders.map(
          (ladder) => `${ladder.name}: ${ladder.steps.map((step) => step.name).join(', ')}`,
        ),
      })),
    ).toEqual([
      {
        rk_code: 110,
        name: 'Скидка 10%',
        reason: 'missing',
        ladders: expect.arrayContaining(['Завсегдатай: Завсегдатай', 'VIP за год: Премиум']) as unknown,
      },
      { rk_code: 120, name: 'Скидка 20%', reason: 'inactive_in_file', ladders: ['VIP за год: Бриллиант'] },
    ])
    expect(preview.deactivated_in_use[0]?.ladders).toHaveLength(3)
  })

  it('"add and update only" creates and updates but leaves the discounts missing from the file active', async () => {
    const current = (await c.ok('catalog:list', { refresh: true })).items
    const changed = byCode(current, 105)
    const rows = [
      { ...asRow(changed), value: 5.5 },
      { rk_code: 9001, name: 'Гость шефа: десерт', kind: 'amount' as const, value: 250.5, active: true },
    ]
    const activeBefore = current.filter((discount) => discount.active).length
    const result = await c.ok('catalog:import', { discounts: rows, mode: 'add_update' })
    expect(result).toEqual({ created: 1, updated: 1, deactivated: 0 })

    const after = (await c.ok('catalog:list', { refresh: true })).items
    expect(after.filter((discount) => discount.active)).toHaveLength(activeBefore + 1)
    expect(byCode(after, 105).value).toBe(5.5)
    expect(byCode(after, 110)).toMatchObject({ name: 'Скидка 10%', kind: 'percent', value: 10, active: true })
    // Already inactive ones stay inactive; nothing else changed.
    for (const before of current.filter((discount) => discount.rk_code !== 105)) {
      expect(byCode(after, before.rk_code)).toMatchObject(asRow(before))
    }

    // A full sync of the same file deactivates every other discount.
    const full = await c.ok('catalog:import', { discounts: rows, mode: 'full' })
    expect(full).toEqual({ created: 0, updated: 0, deactivated: activeBefore - 1 })
    expect(byCode((await c.ok('catalog:list', { refresh: true })).items, 110).active).toBe(false)
  })
})
