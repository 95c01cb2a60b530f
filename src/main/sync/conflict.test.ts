import { describe, expect, it } from 'vitest'
import type { AccountGroup, Ladder } from '@shared/api'
import type { Draft } from '@shared/ipc'
import type { TestCore } from '../testing/harness'
import { workstations, type ServerReader } from '../testing/workstations'

let first: TestCore
let second: TestCore
let third: TestCore
let read: ServerReader
// Two workstations: an administrator and a marketing manager; and a second administrator's (groups are written by
// admins only).
workstations(['admin', 'marketing', 'admin'], (cores, reader) => {
  ;[first, second, third] = cores as [TestCore, TestCore, TestCore]
  read = reader
})

const body = (ladder: Ladder) => {
  const { id: _id, version: _v, created_at: _c, updated_at: _u, updated_by: _b, ...rest } = ladder
  return rest
}

/** A fresh ladder both workstations have read; then the first renames it, the second changes its steps. */
async function conflictOnNewLadder(name: string): Promise<{ base: Ladder; theirs: Ladder; conflict: Draft }> {
  const created = await first.ok('drafts:save', {
    entity: 'ladder',
    payload: {
      name,
      basis: 'spend',
      period: 'all_time',
      downgrade: true,
      active: true,
      steps: [
        { name: 'Базовая', threshold: 0, bonus_percent: 3 },
        { name: 'Серебро', threshold: 30000, bonus_percent: 5 },
      ],
    },
    publish: true,
  })
  await first.core.whenSynced()
  const list = await read<{ items: Ladder[] }>(`/ladders/list?q=${encodeURIComponent(name)}`)
  const base = list.items[0]!
  expect(created.state).toBe('queued')
  // Both open the same version.
  expect((await second.ok('ladders:get', { id: base.id, refresh: true })).item).toEqual(base)
  await second.ok('drafts:save', {
    entity: 'ladder',
    entity_id: base.id,
    payload: {
      ...body(base),
      steps: [base.steps[0], { ...base.steps[1], threshold: 25000, bonus_percent: 6 }],
    },
  })
  await first.ok('drafts:save', {
    entity: 'ladder',
    entity_id: base.id,
    payload: { ...body(base), name: `${name} (переименована)` },
    publish: true,
  })
  await first.core.whenSynced()
  const theirs = await read<Ladder>(`/ladders/${base.id}`)
  expect(theirs.version).toBe(base.version + 1)

  const local = (await second.ok('drafts:list', { entity: 'ladder' })).items.find(
    (d) => d.entity_id === base.id,
  )!
  await second.ok('drafts:publish', { id: local.id })
  await second.core.whenSynced()
  const conflict = (await second.ok('drafts:list')).items.find((d) => d.entity_id === base.id)!
  // Nothing was overwritten: the server still holds the first workstation's version.
  expect(await read<Ladder>(`/ladders/${base.id}`)).toEqual(theirs)
  return { base, theirs, conflict }
}

describe('two workstations edit the same ladder', () => {
  it('the later publish becomes a conflict with base, mine and theirs', async () => {
    const { base, theirs, conflict } = await conflictOnNewLadder('Конфликт А')
    expect(conflict).toMatchObject({
      kind: 'outbox',
      state: 'conflict',
      error_code: 'conflict',
      base_version: base.version,
    })
    expect(conflict.conflict?.base).toEqual(base)
    expect(conflict.conflict?.theirs).toEqual(theirs)
    expect(conflict.conflict?.mine).toMatchObject({
      name: base.name,
      steps: [{}, { threshold: 25000, bonus_percent: 6 }],
    })
    expect((await second.ok('drafts:list')).counts.conflicts).toBe(1)
    expect((await second.ok('sync:status')).counts.conflicts).toBe(1)
    // Further edits wait for the resolution.
    const blocked = await second.call('drafts:save', {
      entity: 'ladder',
      entity_id: base.id,
      payload: body(base),
      publish: true,
    })
    expect(blocked).toMatchObject({ ok: false, error: { code: 'conflict' } })
    const leftover = (await second.ok('drafts:list')).items.find(
      (d) => d.kind === 'draft' && d.entity_id === base.id,
    )
    if (leftover) await second.ok('drafts:discard', { id: leftover.id })
    await second.ok('sync:resolve', { id: conflict.id, resolution: 'take_theirs' })
  })

  it('keep mine: my step edit re-sent on top of theirs, their rename kept (a three-way merge)', async () => {
    const { theirs, conflict } = await conflictOnNewLadder('Конфликт Б')
    const result = await second.ok('sync:resolve', { id: conflict.id, resolution: 'keep_mine' })
    expect(result.draft).toMatchObject({ state: 'queued', base_version: theirs.version })
    await second.core.whenSynced()
    const now = await read<Ladder>(`/ladders/${theirs.id}`)
    expect(now).toMatchObject({
      name: 'Конфликт Б (переименована)',
      version: theirs.version + 1,
      updated_by: 'marketing',
    })
    expect(now.steps[1]).toMatchObject({ threshold: 25000, bonus_percent: 6 })
    expect((await second.ok('drafts:list')).counts.conflicts).toBe(0)
  })

  it('take theirs: mine is dropped, the server keeps theirs', async () => {
    const { theirs, conflict } = await conflictOnNewLadder('Конфликт В')
    expect(await second.ok('sync:resolve', { id: conflict.id, resolution: 'take_theirs' })).toEqual({
      draft: null,
    })
    await second.core.whenSynced()
    expect(await read<Ladder>(`/ladders/${theirs.id}`)).toEqual(theirs)
    expect((await second.ok('ladders:get', { id: theirs.id })).item).toEqual(theirs)
    expect((await second.ok('drafts:list')).items.filter((d) => d.entity_id === theirs.id)).toEqual([])
  })

  it('merged: the given result is sent on top of theirs', async () => {
    const { theirs, conflict } = await conflictOnNewLadder('Конфликт Г')
    const mine = conflict.conflict!.mine as ReturnType<typeof body>
    const merged = { ...mine, name: theirs.name }
    const bad = await second.call('sync:resolve', {
      id: conflict.id,
      resolution: 'merged',
      merged: { ...merged, steps: [] },
    })
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: ['steps'] }] } })
    await second.ok('sync:resolve', { id: conflict.id, resolution: 'merged', merged })
    await second.core.whenSynced()
    const now = await read<Ladder>(`/ladders/${theirs.id}`)
    expect(now).toMatchObject({ name: 'Конфликт Г (переименована)', version: theirs.version + 1 })
    expect(now.steps[1]).toMatchObject({ threshold: 25000, bonus_percent: 6 })
  })

  it('a refused edit (422) is marked failed with the server field errors and does not block the rows behind it', async () => {
    const groups = (await first.ok('account-groups:list', { refresh: true })).items
    const [one, two] = [groups[0]!, groups[1]!]
    // 422 from the server only: a ladder id that does not exist passes the local checks.
    await first.ok('drafts:save', {
      entity: 'account_group',
      entity_id: one.id,
      payload: { ...one, ladder_id: 999_999 },
      publish: true,
    })
    await first.ok('drafts:save', {
      entity: 'account_group',
      entity_id: two.id,
      payload: { ...two, description: 'Проходит' },
      publish: true,
    })
    await first.core.whenSynced()
    const items = (await first.ok('drafts:list')).items
    const failed = items.find((d) => d.entity_id === one.id)!
    expect(failed).toMatchObject({ state: 'failed', error_code: 'validation' })
    expect(failed.fields.map((f) => f.path)).toContainEqual(['ladder_id'])
    expect(items.some((d) => d.entity_id === two.id)).toBe(false)
    expect((await read<{ description: string }>(`/account_groups/${two.id}`)).description).toBe('Проходит')
    // Fix it by editing again: the failed row takes the new body and goes out.
    await first.ok('drafts:save', {
      entity: 'account_group',
      entity_id: one.id,
      payload: { ...one, description: 'Исправлено' },
      publish: true,
    })
    await first.core.whenSynced()
    expect(await read(`/account_groups/${one.id}`)).toMatchObject({
      description: 'Исправлено',
      ladder_id: one.ladder_id,
    })
    expect((await first.ok('drafts:list')).counts).toMatchObject({ failed: 0, queued: 0 })
  })

  it('a draft that breaks the rules stays a draft with the field errors', async () => {
    const saved = await first.ok('drafts:save', {
      entity: 'ladder',
      payload: {
        name: 'Без ступеней',
        basis: 'spend',
        period: 'all_time',
        downgrade: false,
        active: true,
        steps: [],
      },
    })
    const result = await first.call('drafts:publish', { id: saved.id })
    expect(result).toMatchObject({ ok: false, error: { code: 'validation', fields: [{ path: ['steps'] }] } })
    expect(await first.ok('drafts:get', { id: saved.id })).toMatchObject({
      state: 'draft',
      fields: [{ path: ['steps'] }],
    })
    await first.ok('drafts:discard', { id: saved.id })
    expect(await first.call('drafts:get', { id: saved.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})

describe('keep mine is a three-way merge', () => {
  const groupBody = (g: AccountGroup) => ({
    name: g.name,
    description: g.description,
    ladder_id: g.ladder_id,
    active: g.active,
  })

  it('keeps a colleague’s description and re-activation when I only renamed the group offline', async () => {
    // An inactive group both workstations have read.
    const groups = (await first.ok('account-groups:list', { refresh: true })).items
    const start = groups.find((g) => g.ladder_id !== null) ?? groups[0]!
    await first.ok('drafts:save', {
      entity: 'account_group',
      entity_id: start.id,
      payload: { ...groupBody(start), description: 'Старое описание', active: false },
      publish: true,
    })
    await first.core.whenSynced()
    const base = await read<AccountGroup>(`/account_groups/${start.id}`)
    expect(base).toMatchObject({ active: false, description: 'Старое описание' })
    expect((await third.ok('account-groups:get', { id: base.id, refresh: true })).item).toEqual(base)

    // I rename it (a draft, not sent yet); meanwhile the colleague rewrites the description and re-activates it.
    const mine = await third.ok('drafts:save', {
      entity: 'account_group',
      entity_id: base.id,
      payload: { ...groupBody(base), name: `${base.name} (моё)` },
    })
    await first.ok('drafts:save', {
      entity: 'account_group',
      entity_id: base.id,
      payload: { ...groupBody(base), description: 'Описание коллеги', active: true },
      publish: true,
    })
    await first.core.whenSynced()
    const theirs = await read<AccountGroup>(`/account_groups/${base.id}`)

    await third.ok('drafts:publish', { id: mine.id })
    await third.core.whenSynced()
    const conflict = (await third.ok('drafts:list')).items.find((d) => d.entity_id === base.id)!
    expect(conflict).toMatchObject({ state: 'conflict', conflict: { theirs } })

    const resolved = await third.ok('sync:resolve', { id: conflict.id, resolution: 'keep_mine' })
    expect(resolved.draft?.payload).toEqual({
      name: `${base.name} (моё)`,
      description: 'Описание коллеги',
      ladder_id: base.ladder_id,
      active: true,
    })
    await third.core.whenSynced()
    expect(await read<AccountGroup>(`/account_groups/${base.id}`)).toMatchObject({
      name: `${base.name} (моё)`,
      description: 'Описание коллеги',
      active: true,
      version: theirs.version + 1,
    })
  })
})

describe('a refused create', () => {
  it('is a failed row (not a conflict); retry sends it again; fixing it replaces the refusal', async () => {
    const body = {
      code: 'card',
      name: 'Вторая карта',
      kind: 'card_number' as const,
      pattern: null,
      min_length: null,
      max_length: null,
      unique: true,
      active: true,
    }
    const published = await first.ok('drafts:save', {
      entity: 'identifier_type',
      payload: body,
      publish: true,
    })
    await first.core.whenSynced()
    const failed = await first.ok('drafts:get', { id: published.id })
    expect(failed).toMatchObject({ state: 'failed', action: 'create', attempts: 1, conflict: null })
    expect((await first.ok('drafts:list')).counts).toMatchObject({ failed: 1, conflicts: 0 })

    // «Повторить» really sends it again (and the server refuses again: the code is still taken).
    await first.ok('sync:retry', { id: failed.id })
    await first.core.whenSynced()
    expect(await first.ok('drafts:get', { id: failed.id })).toMatchObject({ state: 'failed', attempts: 2 })

    // The editor keeps editing the row it published: the fixed create takes the refused row's place.
    const fixed = await first.ok('drafts:save', {
      id: failed.id,
      entity: 'identifier_type',
      payload: { ...body, code: 'card2' },
      publish: true,
    })
    expect(fixed).toMatchObject({ kind: 'outbox', state: 'queued', action: 'create' })
    await first.core.whenSynced()
    const list = await first.ok('drafts:list')
    expect(list.items.filter((d) => d.entity === 'identifier_type')).toEqual([])
    expect(list.counts).toMatchObject({ failed: 0, queued: 0, drafts: 0 })
    const types = await read<{ items: { code: string }[] }>('/identifier_types/list')
    expect(types.items.filter((t) => t.code === 'card2')).toHaveLength(1)
  })
})
