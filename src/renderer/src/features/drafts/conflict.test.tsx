// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AccountGroup, Ladder, LadderCreate } from '@shared/api'
import { guestLadderExample } from '@shared/domain/example-ladder'
import { keepMine } from '@shared/domain/merge'
import type { Draft, DraftConflict } from '@shared/ipc'
import { renderUi } from '../../testing/render'
import { buildMerged, defaultChoices, fieldRows, stepRows } from './conflict-model'
import { ConflictView } from './ConflictView'

const audit = {
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-02T10:00:00Z',
  updated_by: 'marketing',
}

function group(fields: Partial<AccountGroup>): AccountGroup {
  return {
    id: 7,
    name: 'Сотрудники',
    description: null,
    ladder_id: null,
    active: true,
    accounts_count: 3,
    version: 1,
    ...audit,
    ...fields,
  }
}

function ladder(body: LadderCreate, version: number): Ladder {
  return {
    id: 3,
    ...body,
    period_days: body.period_days ?? null,
    steps: body.steps.map((step) => ({
      name: step.name,
      threshold: step.threshold,
      rk_discount_id: step.rk_discount_id ?? null,
      bonus_percent: step.bonus_percent ?? null,
      max_payment_percent: step.max_payment_percent ?? null,
    })),
    version,
    ...audit,
  }
}

function row(
  entity: Draft['entity'],
  conflict: DraftConflict,
  action: Draft['action'] = 'update',
): Draft & {
  conflict: DraftConflict
} {
  return {
    id: 'op-1',
    kind: 'outbox',
    entity,
    action,
    entity_id: 7,
    base_version: 1,
    base: conflict.base,
    payload: conflict.mine,
    title: 'Сотрудники',
    state: 'conflict',
    created_at: audit.created_at,
    updated_at: audit.updated_at,
    draft_id: null,
    error: null,
    error_code: 'conflict',
    fields: [],
    conflict,
    attempts: 1,
    next_attempt_at: null,
  }
}

// Base: name «Сотрудники», no description. Mine renamed it; theirs added a description and switched it off.
const groupConflict: DraftConflict = {
  base: group({}),
  mine: { name: 'Персонал', description: null, ladder_id: null, active: true },
  theirs: group({ description: 'Все сотрудники', active: false, version: 2 }),
  detected_at: '2026-01-02T10:05:00Z',
}

afterEach(cleanup)

describe('conflict model', () => {
  it('lists every editable field, marks the differences and suggests the side that changed each', () => {
    const rows = fieldRows('account_group', groupConflict)
    expect(rows.map((r) => r.field)).toEqual(['name', 'description', 'ladder_id', 'active'])
    const byField = Object.fromEntries(rows.map((r) => [r.field, r]))
    expect(byField.name).toMatchObject({ differs: true, suggested: 'mine' })
    expect(byField.description).toMatchObject({ differs: true, suggested: 'theirs' })
    expect(byField.active).toMatchObject({ differs: true, suggested: 'theirs' })
    expect(byField.ladder_id).toMatchObject({ differs: false })
  })

  it('merges the three-way defaults into a body without version or server fields', () => {
    const merged = buildMerged('account_group', groupConflict, defaultChoices('account_group', groupConflict))
    expect(merged).toEqual({
      name: 'Персонал',
      description: 'Все сотрудники',
      ladder_id: null,
      active: false,
    })
  })

  it('shows as defaults exactly what keep mine sends', () => {
    const { base, mine, theirs } = groupConflict
    expect(
      buildMerged('account_group', groupConflict, defaultChoices('account_group', groupConflict)),
    ).toEqual(keepMine('account_group', base, mine, theirs))
  })

  it('follows a per-field choice', () => {
    const merged = buildMerged('account_group', groupConflict, {
      ...defaultChoices('account_group', groupConflict),
      name: 'theirs',
      active: 'mine',
    })
    expect(merged).toEqual({
      name: 'Сотрудники',
      description: 'Все сотрудники',
      ladder_id: null,
      active: true,
    })
  })

  it('matches ladder steps, suggests per step, and keeps steps ordered by threshold', () => {
    const [guest, silver, gold] = guestLadderExample.steps
    if (!guest || !silver || !gold) throw new Error('fixture')
    const base = ladder(guestLadderExample, 1)
    // Mine: silver gives 6 % instead of 5 %, and a new step «Платина» at 300 000.
    const mine: LadderCreate = {
      ...guestLadderExample,
      steps: [guest, { ...silver, bonus_percent: 6 }, gold, { ...gold, name: 'Платина', threshold: 300_000 }],
    }
    // Theirs: gold moved to 120 000 and a new step «Бронза» at 10 000.
    const theirs = ladder(
      {
        ...guestLadderExample,
        name: 'Гостевая 2026',
        steps: [
          guest,
          { ...guest, name: 'Бронза', threshold: 10_000 },
          silver,
          { ...gold, threshold: 120_000 },
        ],
      },
      2,
    )
    const conflict: DraftConflict = { base, mine, theirs, detected_at: audit.updated_at }
    const steps = stepRows(conflict)
    const find = (name: string) =>
      steps.find((s) => (s.mine ?? s.theirs) && JSON.stringify(s.mine ?? s.theirs).includes(name))
    expect(find('Гость')?.kind).toBe('same')
    expect(find('Серебро')).toMatchObject({
      kind: 'changed',
      suggested: 'mine',
      changedFields: ['bonus_percent'],
    })
    expect(find('Золото')).toMatchObject({
      kind: 'changed',
      suggested: 'theirs',
      changedFields: ['threshold'],
    })
    expect(find('Платина')).toMatchObject({ kind: 'added', suggested: 'mine' })
    expect(find('Бронза')).toMatchObject({ kind: 'removed', suggested: 'theirs' })

    const merged = buildMerged('ladder', conflict, defaultChoices('ladder', conflict))
    expect(merged.name).toBe('Гостевая 2026')
    const mergedSteps = merged.steps as { name: string; threshold: number; bonus_percent: number | null }[]
    expect(mergedSteps.map((s) => [s.name, s.threshold])).toEqual([
      ['Гость', 0],
      ['Бронза', 10_000],
      ['Серебро', 30_000],
      ['Золото', 120_000],
      ['Платина', 300_000],
    ])
    expect(mergedSteps.find((s) => s.name === 'Серебро')?.bonus_percent).toBe(6)
    expect(merged).toEqual(keepMine('ladder', base, mine, theirs))
  })
})

describe('ConflictView', () => {
  it('shows base, mine and theirs per field and sends the per-field choice', async () => {
    const onResolve = vi.fn()
    await renderUi(<ConflictView row={row('account_group', groupConflict)} onResolve={onResolve} />)
    const table = screen.getByRole('table')
    const nameRow = within(table).getByRole('row', { name: /Название/ })
    // Base and theirs keep the old name; mine has the new one.
    expect(within(nameRow).getAllByText('Сотрудники')).toHaveLength(2)
    expect(within(nameRow).getByText('Персонал')).toBeTruthy()
    // Unchanged fields are hidden until asked for.
    expect(within(table).queryByRole('row', { name: /Лестница/ })).toBeNull()
    fireEvent.click(screen.getByLabelText('Показать совпадающие поля'))
    expect(within(table).getByRole('row', { name: /Лестница/ })).toBeTruthy()

    const nameChoice = screen.getByRole('radiogroup', { name: 'Что оставить для поля «Название»' })
    fireEvent.click(within(nameChoice).getByLabelText('с сервера'))
    fireEvent.click(screen.getByRole('button', { name: 'Применить выбор' }))
    expect(onResolve).toHaveBeenCalledWith('merged', {
      name: 'Сотрудники',
      description: 'Все сотрудники',
      ladder_id: null,
      active: false,
    })
  })

  it('says in words what keep mine sends: my changed fields, theirs where only they changed', async () => {
    await renderUi(<ConflictView row={row('account_group', groupConflict)} onResolve={vi.fn()} />)
    expect(screen.getByTestId('conflict-keep-mine-summary').textContent).toBe(
      '«Оставить мои» отправит ваши значения: «Название». С сервера останутся: «Описание», «Активна».',
    )
  })

  it('offers keep mine and take theirs as whole choices', async () => {
    const onResolve = vi.fn()
    await renderUi(<ConflictView row={row('account_group', groupConflict)} onResolve={onResolve} />)
    fireEvent.click(screen.getByRole('button', { name: 'Оставить мои' }))
    fireEvent.click(screen.getByRole('button', { name: 'Взять с сервера' }))
    expect(onResolve.mock.calls).toEqual([['keep_mine'], ['take_theirs']])
  })

  it('explains a delete that conflicts and offers no per-field merge', async () => {
    const onResolve = vi.fn()
    const conflict: DraftConflict = { ...groupConflict, mine: null }
    await renderUi(<ConflictView row={row('account_group', conflict, 'delete')} onResolve={onResolve} />)
    expect(screen.getByText('Вы удаляете эту запись, а на сервере её изменили.')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Применить выбор' })).toBeNull()
  })

  it('speaks English too', async () => {
    await renderUi(<ConflictView row={row('account_group', groupConflict)} onResolve={vi.fn()} />, 'en')
    expect(screen.getByRole('button', { name: 'Keep mine' })).toBeTruthy()
    expect(screen.getByRole('columnheader', { name: 'On the server' })).toBeTruthy()
  })
})
