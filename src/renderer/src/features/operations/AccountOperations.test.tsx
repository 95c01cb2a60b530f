// @vitest-environment happy-dom
// The account's operations as the person sees them, main played by a fake bridge (main's side runs against a real
// sandbox in src/main/ipc/handlers/operations.test.ts): a retry after a lost answer sends the same
// Idempotency-Key, a new operation a new one; refusals say why with the balance; offline and blocked say why the
// buttons are off; the history pages and filters.
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Operation } from '@shared/api'
import type { IpcResult, SessionState } from '@shared/ipc'
import { installFakeBridge, type FakeBridge } from '../../testing/fake-bridge'
import { renderUi } from '../../testing/render'
import { useSessionStore } from '../session/store'
import { useSyncStore } from '../sync/store'
import { AccountOperations } from './AccountOperations'

const signedIn = (role: 'admin' | 'viewer'): SessionState => ({
  status: 'signed_in',
  profile: { id: 'p1', name: 'Песочница', base_url: 'http://127.0.0.1:1', last_login: null },
  login: role,
  user: { id: 1, login: role, name: role, role },
  role,
  server: null,
  remembered: false,
  reason: 'login',
})

const setOnline = (online: boolean) => useSyncStore.setState({ status: { online } as never })

const account = { id: 7, number: '100007', balance: 500, blocked: false }

const operation = (id: number, amount: number, balance_after: number): Operation => ({
  id,
  account_id: 7,
  type: 'deposit',
  amount,
  balance_after,
  comment: null,
  batch_id: null,
  created_at: '2026-11-30T10:00:00Z',
  created_by: 'admin',
})

const emptyPage = (input: unknown): IpcResult<unknown> => ({
  ok: true,
  data: { items: [], total: 0, offset: (input as { offset?: number }).offset ?? 0, limit: 20 },
})

const keysSent = (bridge: FakeBridge) =>
  bridge.calls
    .filter((call) => call.channel === 'operations:create')
    .map((call) => (call.input as { idempotency_key: string }).idempotency_key)

async function deposit(amount: string): Promise<void> {
  fireEvent.click(screen.getByTestId('operation-deposit'))
  fireEvent.change(screen.getByLabelText(/^Сумма/), { target: { value: amount } })
  await act(async () => {
    fireEvent.click(screen.getByTestId('operation-next'))
  })
  await screen.findByTestId('operation-confirmation')
}

async function confirm(): Promise<void> {
  await act(async () => {
    fireEvent.click(screen.getByTestId('operation-confirm'))
  })
}

beforeEach(() => {
  useSessionStore.setState({ loaded: true, state: signedIn('admin') })
  setOnline(true)
})
afterEach(cleanup)

describe('a deposit', () => {
  it('retried after a lost answer carries the same key; the next deposit, even the same, a new one', async () => {
    let answer: IpcResult<unknown> = {
      ok: false,
      error: { code: 'offline', message: 'no answer within 10 s' },
    }
    const bridge = installFakeBridge({ 'operations:list': emptyPage, 'operations:create': () => answer })
    await renderUi(<AccountOperations account={{ ...account, id: 71 }} />)
    await deposit('100')
    await confirm()
    expect((await screen.findByTestId('operation-error')).textContent).toContain(
      'неизвестно, прошла ли операция. Повторите — дважды она не пройдёт',
    )
    expect(screen.getByTestId('operation-confirm').textContent).toBe('Повторить')
    await confirm()
    answer = { ok: true, data: operation(1, 100, 600) }
    await confirm()
    const [first, second, third] = keysSent(bridge)
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect([second, third]).toEqual([first, first])
    expect(screen.queryByTestId('operation-confirmation')).toBeNull()

    // Confirmed: the same amount again is a new operation with a new key.
    await deposit('100')
    await confirm()
    expect(keysSent(bridge)[3]).not.toBe(first)
  })

  it('closed while its outcome is unknown and asked again: still the same key', async () => {
    const bridge = installFakeBridge({
      'operations:list': emptyPage,
      'operations:create': () => ({ ok: false, error: { code: 'offline', message: 'timeout' } }),
    })
    await renderUi(<AccountOperations account={{ ...account, id: 72 }} />)
    await deposit('250,50')
    await confirm()
    fireEvent.click(screen.getByRole('button', { name: 'Изменить' }))
    fireEvent.click(screen.getByRole('button', { name: 'Отмена' }))
    await deposit('250,50')
    await confirm()
    const keys = keysSent(bridge)
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    // Another amount is another request: a new key.
    fireEvent.click(screen.getByRole('button', { name: 'Изменить' }))
    fireEvent.change(screen.getByLabelText(/^Сумма/), { target: { value: '250' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('operation-next'))
    })
    await confirm()
    expect(keysSent(bridge)[2]).not.toBe(keys[0])
  })
})

describe('refusals and why the buttons are off', () => {
  it('a withdrawal above the balance names the balance, in roubles', async () => {
    installFakeBridge({
      'operations:list': emptyPage,
      'operations:create': () => ({
        ok: false,
        error: {
          code: 'validation',
          message: 'Insufficient balance',
          fields: [],
          reason: { code: 'balance_too_low', params: { balance: 1250.5, amount: 2000 } },
        },
      }),
    })
    await renderUi(<AccountOperations account={{ ...account, id: 73, balance: 1250.5 }} />)
    fireEvent.click(screen.getByTestId('operation-withdraw'))
    expect(screen.getByText(/^На счёте 1.250,50.₽$/).textContent).toBe('На счёте 1\u00a0250,50\u00a0₽')
    fireEvent.change(screen.getByLabelText(/^Сумма/), { target: { value: '2000' } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('operation-next'))
    })
    await confirm()
    expect((await screen.findByTestId('operation-error')).textContent).toBe(
      'Операция не проведена: Недостаточно бонусов: на счёте 1\u00a0250,50\u00a0₽, а списать нужно 2\u00a0000\u00a0₽',
    )
  })

  it('offline: disabled, saying why; blocked: disabled, saying why; a viewer: no operations', async () => {
    const bridge = installFakeBridge({ 'operations:list': emptyPage })
    setOnline(false)
    await renderUi(<AccountOperations account={account} />)
    const reason = screen.getByTestId('operations-disabled-reason')
    expect(reason.textContent).toBe(
      'Нет связи с сервером: операции с бонусами проводятся только при связи и не откладываются',
    )
    for (const kind of ['deposit', 'withdraw']) {
      const button = screen.getByTestId(`operation-${kind}`) as HTMLButtonElement
      expect(button.disabled).toBe(true)
      expect(button.getAttribute('aria-describedby')).toBe(reason.id)
    }
    cleanup()
    setOnline(true)
    await renderUi(<AccountOperations account={{ ...account, blocked: true }} />)
    expect(screen.getByTestId('operations-disabled-reason').textContent).toBe(
      'Счёт заблокирован: операции по нему невозможны',
    )
    cleanup()
    useSessionStore.setState({ loaded: true, state: signedIn('viewer') })
    await renderUi(<AccountOperations account={account} />, 'en')
    expect(screen.getByTestId('operations-disabled-reason').textContent).toBe(
      'Operations are made by an administrator',
    )
    expect(bridge.calls.some((call) => call.channel === 'operations:create')).toBe(false)
  })
})

describe('the history', () => {
  it('pages and filters on the server; empty and error states', async () => {
    const bridge = installFakeBridge({
      'operations:list': (input) => {
        const { offset = 0, type } = input as { offset?: number; type?: string }
        if (type === 'bonus') return { ok: false, error: { code: 'offline', message: 'down' } }
        if (type === 'withdraw') return emptyPage(input)
        const items = Array.from({ length: 20 }, (_, i) => operation(offset + i + 1, 10, 500))
        return { ok: true, data: { items, total: 45, offset, limit: 20 } }
      },
    })
    await renderUi(<AccountOperations account={account} />)
    expect(await screen.findAllByTestId('operation-row')).toHaveLength(20)
    expect(screen.getByText('1–20 из 45')).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Дальше' }))
    })
    expect(await screen.findByText('21–40 из 45')).toBeTruthy()
    await act(async () => {
      fireEvent.change(screen.getByTestId('operations-type'), { target: { value: 'withdraw' } })
    })
    expect(await screen.findByText('Нет операций с таким отбором')).toBeTruthy()
    await act(async () => {
      fireEvent.change(screen.getByTestId('operations-type'), { target: { value: 'bonus' } })
    })
    expect(await screen.findByText('Не удалось загрузить операции')).toBeTruthy()
    const inputs = bridge.calls
      .filter((call) => call.channel === 'operations:list')
      .map((call) => call.input as Record<string, unknown>)
    expect(inputs).toContainEqual({ account_id: 7, offset: 20, limit: 20 })
    expect(inputs).toContainEqual({ account_id: 7, type: 'withdraw', offset: 0, limit: 20 })
  })
})
