import { describe, expect, it } from 'vitest'
import type { Ladder } from '@shared/api'
import type { EntitiesChanged } from '@shared/ipc'
import type { TestCore } from '../testing/harness'
import { workstations, type ServerReader } from '../testing/workstations'

let first: TestCore
let second: TestCore
let read: ServerReader
// Two administrators' workstations: the second links a group to a ladder the first then deletes.
workstations(['admin', 'admin'], (cores, reader) => {
  ;[first, second] = cores as [TestCore, TestCore]
  read = reader
})

const groupsChanged = (core: TestCore, from: number) =>
  core.events
    .slice(from)
    .some((e) => e.event === 'entities:changed' && (e.payload as EntitiesChanged).entity === 'account_group')

describe('a delete the server refuses because of data this workstation has not seen', () => {
  it('re-reads what the refusal is about: the groups that use the ladder reach the cache and the screens', async () => {
    await first.ok('drafts:save', {
      entity: 'ladder',
      payload: {
        name: 'Лестница для кафе',
        basis: 'spend',
        period: 'all_time',
        downgrade: true,
        active: true,
        steps: [{ name: 'Базовая', threshold: 0, bonus_percent: 3 }],
      },
      publish: true,
    })
    await first.core.whenSynced()
    const ladder = (await read<{ items: Ladder[] }>(`/ladders/list?q=${encodeURIComponent('для кафе')}`))
      .items[0]!
    // The first workstation's list of groups: nobody uses the new ladder.
    const before = await first.ok('account-groups:list', { refresh: true })
    expect(before.items.some((group) => group.ladder_id === ladder.id)).toBe(false)

    // A colleague gives it to a new group.
    await second.ok('drafts:save', {
      entity: 'account_group',
      payload: { name: 'Кафе', description: null, ladder_id: ladder.id, active: true },
      publish: true,
    })
    await second.core.whenSynced()

    const from = first.events.length
    const row = await first.ok('ladders:delete', { id: ladder.id })
    await first.core.whenSynced()
    const refused = (await first.ok('drafts:list', { entity: 'ladder' })).items.find((d) => d.id === row.id)
    expect(refused).toMatchObject({ state: 'failed', error_reason: { code: 'ladder_in_use' } })

    // The groups were read again, and the screens told so.
    expect(groupsChanged(first, from)).toBe(true)
    const after = await first.ok('account-groups:list', {})
    expect(after.items.filter((group) => group.ladder_id === ladder.id).map((group) => group.name)).toEqual([
      'Кафе',
    ])
    // Still on the server: nothing was dropped.
    expect((await read<Ladder>(`/ladders/${ladder.id}`)).id).toBe(ladder.id)
  })
})
