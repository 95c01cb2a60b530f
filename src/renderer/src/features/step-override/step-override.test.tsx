// @vitest-environment happy-dom
// The panel of a level set by hand against the in-memory bridge (main and the server are out of the picture here;
// the channels are proved against a real sandbox in src/main/ipc/handlers/step-override.test.ts).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account, Role } from '@shared/api'
import { guestLadderExample } from '@shared/domain/example-ladder'
import type { SessionState, SyncStatus } from '@shared/ipc'
import { i18n, initI18n } from '../../app/i18n'
import { useSessionStore } from '../session/store'
import { useSyncStore } from '../sync/store'
import { installFakeBridge } from '../../testing/fake-bridge'
import { renderUi } from '../../testing/render'
import { endOfMonth, localToday, stepOverrideWhy } from './model'
import { StepOverridePanel } from './StepOverridePanel'

const ladder = { id: 1, steps: guestLadderExample.steps }

const guest: Account = {
  id: 7,
  number: '000123',
  holder_name: 'Иванов Иван',
  phone: null,
  email: null,
  birth_date: null,
  group_id: 1,
  identifiers: [],
  blocked: false,
  balance: 0,
  pending_balance: 0,
  spend_total: 45000,
  visits: 12,
  step: { ladder_id: 1, index: 1, name: 'Серебро' },
  step_override: null,
  version: 3,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  updated_by: 'admin',
}

const pinned: Account = {
  ...guest,
  step: { ladder_id: 1, index: 2, name: 'Золото' },
  step_override: {
    ladder_id: 1,
    index: 2,
    name: 'Золото',
    mode: 'pin',
    until: '2026-12-31',
    ends_at: '2026-12-31T21:00:00.000Z',
    reason: 'Новый VIP',
    set_by: 'marketing',
    set_at: '2026-12-01T09:00:00Z',
    computed_step: { ladder_id: 1, index: 1, name: 'Серебро' },
  },
  version: 4,
}

function signIn(role: Role): void {
  const state: SessionState = {
    status: 'signed_in',
    profile: { id: 'p1', name: 'Песочница', base_url: 'http://127.0.0.1:1', last_login: null },
    login: role,
    user: { id: 2, login: role, name: role, role },
    role,
    server: null,
    remembered: false,
    reason: 'login',
  }
  useSessionStore.setState({ loaded: true, state })
}

const status = (online: boolean): SyncStatus => ({
  online,
  checked_at: null,
  last_sync_at: null,
  paused: false,
  paused_reason: null,
  next_attempt_at: null,
  last_error: null,
  counts: { drafts: 0, queued: 0, syncing: 0, failed: 0, conflicts: 0 },
})

beforeEach(() => {
  signIn('marketing')
  useSyncStore.setState({ status: status(true) })
})
afterEach(() => cleanup())

describe('the panel of a level set by hand', () => {
  it('sets a floor until the end of the month with a reason: the channel gets it with the account’s version', async () => {
    const bridge = installFakeBridge({ 'accounts:set-step-override': () => ({ ok: true, data: pinned }) })
    await renderUi(<StepOverridePanel account={guest} ladder={ladder} />)
    expect(screen.getByText('Не задан: ступень считается по накоплениям.')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Задать вручную' }))
    // Each mode says what it does in one sentence.
    expect(
      screen.getByText('Не выше и не ниже: гость стоит на этой ступени, сколько бы ни накопил.'),
    ).toBeTruthy()
    fireEvent.click(screen.getByLabelText(/Не ниже ступени/))
    fireEvent.change(screen.getByLabelText(/Ступень/), { target: { value: '2' } })
    fireEvent.click(screen.getByRole('button', { name: 'До конца месяца' }))
    fireEvent.change(screen.getByLabelText(/Причина/), { target: { value: 'Жалоба улажена' } })
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }))
    await waitFor(() =>
      expect(bridge.calls.map((call) => call.channel)).toContain('accounts:set-step-override'),
    )
    expect(bridge.calls.find((call) => call.channel === 'accounts:set-step-override')?.input).toEqual({
      id: 7,
      override: {
        index: 2,
        mode: 'floor',
        until: endOfMonth(localToday()),
        reason: 'Жалоба улажена',
        version: 3,
      },
    })
  })

  it('a reason is required; the server’s refusal at index is said at the step', async () => {
    const bridge = installFakeBridge({
      'accounts:set-step-override': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'no such step',
          fields: [
            { path: ['index'], message: 'x', code: 'step_not_in_ladder', params: { index: 2, steps: 2 } },
          ],
        },
      }),
    })
    await renderUi(<StepOverridePanel account={guest} ladder={ladder} />)
    fireEvent.click(screen.getByRole('button', { name: 'Задать вручную' }))
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }))
    await waitFor(() => expect(screen.getAllByRole('alert').length).toBeGreaterThan(0))
    expect(bridge.calls.some((call) => call.channel === 'accounts:set-step-override')).toBe(false)
    fireEvent.change(screen.getByLabelText(/Причина/), { target: { value: 'VIP' } })
    fireEvent.click(screen.getByRole('button', { name: 'Сохранить' }))
    await waitFor(() =>
      expect(screen.getByText('В лестнице группы нет такой ступени: её могли удалить')).toBeTruthy(),
    )
  })

  it('shows what holds and removes it after a confirmation', async () => {
    const bridge = installFakeBridge({ 'accounts:remove-step-override': () => ({ ok: true, data: guest }) })
    await renderUi(<StepOverridePanel account={pinned} ladder={ladder} />)
    const summary = screen.getByTestId('step-override-summary').textContent ?? ''
    expect(summary).toContain('Закреплена ступень «Золото»: не выше и не ниже.')
    expect(summary).toContain('Причина: Новый VIP')
    expect(summary).toContain('По накоплениям: «Серебро».')
    fireEvent.click(screen.getByRole('button', { name: 'Снять' }))
    const dialog = await screen.findByRole('alertdialog')
    fireEvent.click(Array.from(dialog.querySelectorAll('button')).find((b) => b.textContent === 'Снять')!)
    await waitFor(() =>
      expect(bridge.calls.find((call) => call.channel === 'accounts:remove-step-override')?.input).toEqual({
        id: 7,
        version: 4,
      }),
    )
  })

  it('a viewer reads it; offline nothing is offered and the panel says why', async () => {
    installFakeBridge({})
    signIn('viewer')
    const view = await renderUi(<StepOverridePanel account={pinned} ladder={ladder} />)
    expect(screen.queryByRole('button', { name: 'Изменить' })).toBeNull()
    expect(screen.getByText('Задать уровень вручную могут администратор и маркетолог.')).toBeTruthy()
    view.unmount()
    signIn('admin')
    useSyncStore.setState({ status: status(false) })
    await renderUi(<StepOverridePanel account={pinned} ladder={ladder} />)
    expect(screen.queryByRole('button', { name: 'Изменить' })).toBeNull()
    expect(screen.getByRole('status').textContent).toContain('черновиком он не сохраняется')
  })
})

describe('the card’s why', () => {
  initI18n('ru')
  const t = i18n.getFixedT('ru')
  it('says who set it, how, why and until when — and when a floor changes nothing', () => {
    expect(stepOverrideWhy(pinned, t, 'ru')).toBe(
      'Ступень задана вручную (marketing): закреплена «Золото» — «Новый VIP». Действует до 31 декабря 2026 г. включительно.',
    )
    const floor = { ...pinned.step_override!, mode: 'floor' as const, index: 0, name: 'Гость', until: null }
    expect(stepOverrideWhy({ ...pinned, step_override: floor }, t, 'ru')).toBe(
      'Вручную задано «не ниже «Гость»» (marketing, «Новый VIP»), но по накоплениям гость и так не ниже. Действует, пока не снимут.',
    )
    expect(stepOverrideWhy(guest, t, 'ru')).toBeNull()
  })
})
