// A guest's discount level set by hand through main, against a real sandbox: set, replaced and removed with the
// account answered and `entities:changed` pushed; the server's refusals keep their codes and fields; offline it is
// refused at once and nothing is queued (online only: see shared/ipc/step-override.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account } from '@shared/api'
import { startSandbox, type Sandbox } from '@server/testing'
import { openCore, tempDir, type TestCore } from '../../testing/harness'

let sandbox: Sandbox
let c: TestCore
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({ dataDir: dir.path, defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }] })
  await c.ok('session:login', { username: 'marketing', password: '111' })
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

const aGuest = async (): Promise<Account> =>
  (await c.ok('accounts:list', { limit: 50 })).items.find((a) => a.step !== null && a.step.index === 0)!

describe('a discount level set by hand', () => {
  it('set, replaced and removed: the account as it now is, and an entities:changed for it', async () => {
    const guest = await aGuest()
    const pinned = await c.ok('accounts:set-step-override', {
      id: guest.id,
      override: { index: 2, mode: 'pin', until: null, reason: 'Новый VIP', version: guest.version },
    })
    expect(pinned.step?.index).toBe(2)
    expect(pinned.step_override).toMatchObject({
      index: 2,
      mode: 'pin',
      reason: 'Новый VIP',
      set_by: 'marketing',
    })
    expect(c.events).toContainEqual({
      event: 'entities:changed',
      payload: { entity: 'account', ids: [guest.id], reason: 'synced' },
    })
    // The accounts list filters the accounts with a level set by hand.
    const held = await c.ok('accounts:list', { step_override: true })
    expect(held.items.map((a) => a.id)).toEqual([guest.id])
    const floored = await c.ok('accounts:set-step-override', {
      id: guest.id,
      override: { index: 1, mode: 'floor', until: '2099-12-31', reason: 'Жалоба', version: pinned.version },
    })
    expect([floored.step?.index, floored.step_override?.until]).toEqual([1, '2099-12-31'])
    const removed = await c.ok('accounts:remove-step-override', { id: guest.id, version: floored.version })
    expect([removed.step?.index, removed.step_override]).toEqual([0, null])
  })

  it('refusals keep their codes: a step the ladder lacks at index, a stale version with the account now', async () => {
    const guest = await aGuest()
    const missing = await c.call('accounts:set-step-override', {
      id: guest.id,
      override: { index: 40, mode: 'pin', reason: 'x', version: guest.version },
    })
    expect(missing.ok ? null : missing.error).toMatchObject({
      code: 'validation',
      fields: [{ path: ['index'], code: 'step_not_in_ladder' }],
    })
    const stale = await c.call('accounts:remove-step-override', { id: guest.id, version: guest.version + 5 })
    expect(stale.ok ? null : stale.error).toMatchObject({ code: 'conflict', current: { id: guest.id } })
  })

  it('offline: refused at once, nothing queued', async () => {
    const guest = await aGuest()
    await sandbox.stop()
    try {
      const result = await c.call('accounts:set-step-override', {
        id: guest.id,
        override: { index: 1, mode: 'pin', reason: 'x', version: guest.version },
      })
      expect(result.ok ? null : result.error.code).toBe('offline')
      expect((await c.ok('drafts:list')).items).toEqual([])
    } finally {
      await sandbox.start()
    }
  })
})
