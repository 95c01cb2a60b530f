// @vitest-environment happy-dom
// The bonus panel reads main's `accounts:bonus` (here a stand-in for main; the channel itself is tested against the
// sandbox in main): pending credits with their dates, the limits left, and a temporary identifier.
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Account } from '@shared/api'
import type { AccountBonus, SessionState } from '@shared/ipc'
import { installFakeBridge } from '../../testing/fake-bridge'
import { renderUi } from '../../testing/render'
import { useSessionStore } from '../session/store'
import { AccountBonusPanel } from './AccountBonusPanel'

const admin: SessionState = {
  status: 'signed_in',
  profile: { id: 'p1', name: 'Песочница', base_url: 'http://127.0.0.1:1', last_login: null },
  login: 'admin',
  user: { id: 1, login: 'admin', name: 'admin', role: 'admin' },
  role: 'admin',
  server: null,
  remembered: false,
  reason: 'login',
}

const bonus = (change: Partial<AccountBonus> = {}): AccountBonus => ({
  account_id: 7,
  balance: 150,
  pending_balance: 50,
  pending: [
    { amount: 20, available_at: '2026-12-02T01:00:00Z' },
    { amount: 30, available_at: '2026-12-03T01:00:00Z' },
  ],
  pending_complete: true,
  limits: {
    per_day: { limit: 500, used: 120.5, left: 379.5 },
    per_week: { limit: null, used: 120.5, left: null },
    per_month: { limit: 3000, used: 120.5, left: 2879.5 },
  },
  temporary_identifiers: true,
  ...change,
})

beforeEach(() => useSessionStore.setState({ loaded: true, state: admin }))
afterEach(cleanup)

describe('the bonus panel of an account card', () => {
  it('shows what is spendable, each pending credit from when, and the limits left', async () => {
    installFakeBridge({ 'accounts:bonus': () => ({ ok: true, data: bonus() }) })
    await renderUi(<AccountBonusPanel account={{ id: 7 } as Account} />)
    expect((await screen.findByTestId('bonus-available')).textContent).toBe('100\u00a0₽')
    const pending = screen.getByTestId('bonus-pending').textContent ?? ''
    expect(pending).toContain('50\u00a0₽')
    expect(pending).toMatch(/20\u00a0₽ — с 02\.12\.2026/)
    expect(pending).toMatch(/30\u00a0₽ — с 03\.12\.2026/)
    const limits = screen.getByTestId('bonus-limits').textContent ?? ''
    expect(limits).toContain('379,50\u00a0₽ из 500\u00a0₽')
    expect(limits).toContain('без ограничения')
  })

  it('issues a temporary identifier and shows it with its expiry', async () => {
    const bridge = installFakeBridge({
      'accounts:bonus': () => ({ ok: true, data: bonus() }),
      'accounts:temporary-identifier': () => ({
        ok: true,
        data: { value: '48213907', expires_at: '2026-12-01T12:30:00Z' },
      }),
    })
    await renderUi(<AccountBonusPanel account={{ id: 7 } as Account} />)
    const button = await screen.findByTestId('bonus-issue')
    await screen.findByTestId('bonus-available')
    fireEvent.click(button)
    expect((await screen.findByText(/Код 48213907 действует до/)).textContent).toMatch(/01\.12\.2026/)
    expect(bridge.calls.map((call) => call.channel)).toContain('accounts:temporary-identifier')
  })

  it('while they are off in the settings, the button says so before the click', async () => {
    installFakeBridge({
      'accounts:bonus': () => ({ ok: true, data: bonus({ temporary_identifiers: false }) }),
    })
    await renderUi(<AccountBonusPanel account={{ id: 7 } as Account} />)
    await screen.findByTestId('bonus-available')
    expect((screen.getByTestId('bonus-issue') as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText('Временные идентификаторы выключены в настройках программы')).toBeTruthy()
  })
})
