// @vitest-environment happy-dom
// The query layer against the in-memory bridge: debounced search, cancelled superseded requests, the previous page
// kept while the next loads, invalidation by main's events. Timers are vitest's clock, never real waits.
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Account } from '@shared/api'
import type { IpcResult, SessionState } from '@shared/ipc'
import { useSessionStore } from '../features/session/store'
import { installFakeBridge, type FakeBridge } from '../testing/fake-bridge'
import { renderUi } from '../testing/render'
import { createQueryClient, followMainEvents, useCachedList, usePagedList } from './queries'
import { useDebouncedValue } from './useDebouncedValue'

const signedIn = (login: string): SessionState => ({
  status: 'signed_in',
  profile: { id: 'p1', name: 'Песочница', base_url: 'http://127.0.0.1:1', last_login: null },
  login,
  user: { id: 1, login, name: login, role: 'admin' },
  role: 'admin',
  server: null,
  remembered: false,
  reason: 'login',
})

function account(id: number): Account {
  return { id, number: `card-${id}` } as Account
}

function page(input: unknown): IpcResult<unknown> {
  const { offset = 0, limit = 2 } = (input ?? {}) as { offset?: number; limit?: number }
  const items = [offset + 1, offset + 2].map(account)
  return { ok: true, data: { items, total: 6, offset, limit } }
}

/** A promise the test settles when it wants (a request still in flight). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => {}
  const promise = new Promise<T>((settle) => (resolve = settle))
  return { promise, resolve }
}

const accountCalls = (bridge: FakeBridge) => bridge.calls.filter((call) => call.channel === 'accounts:list')

function Accounts({ q, offset, debounceMs }: { q: string; offset: number; debounceMs: number }) {
  const search = useDebouncedValue(q, debounceMs)
  const list = usePagedList('accounts:list', search ? { q: search } : {}, { offset, limit: 2 })
  return (
    <div>
      <p data-testid="state">{list.loading ? 'loading' : list.previous ? 'previous' : 'current'}</p>
      <ul>
        {list.items.map((item) => (
          <li key={item.id}>{item.number}</li>
        ))}
      </ul>
    </div>
  )
}

function Harness({ debounceMs = 300 }: { debounceMs?: number }) {
  const [q, setQ] = useState('')
  const [offset, setOffset] = useState(0)
  return (
    <>
      <input aria-label="q" value={q} onChange={(event) => setQ(event.target.value)} />
      <button type="button" onClick={() => setOffset((value) => value + 2)}>
        next
      </button>
      <Accounts q={q} offset={offset} debounceMs={debounceMs} />
    </>
  )
}

async function type(text: string): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText('q'), { target: { value: text } })
  })
}

beforeEach(() => {
  useSessionStore.setState({ loaded: true, state: signedIn('admin') })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('paged queries', () => {
  it('a debounced search sends one request for the pause in typing, not one per key', async () => {
    vi.useFakeTimers()
    const bridge = installFakeBridge({ 'accounts:list': page })
    await renderUi(<Harness />)
    await act(() => vi.advanceTimersByTimeAsync(0))
    expect(accountCalls(bridge)).toHaveLength(1)
    for (const text of ['И', 'Ив', 'Ива', 'Иван']) {
      await type(text)
      await act(() => vi.advanceTimersByTimeAsync(100))
    }
    await act(() => vi.advanceTimersByTimeAsync(300))
    expect(accountCalls(bridge).map((call) => call.input)).toEqual([
      { offset: 0, limit: 2 },
      { q: 'Иван', offset: 0, limit: 2 },
    ])
  })

  it('a superseded request is cancelled through the bridge, and the newer answer is shown', async () => {
    const slow = deferred<IpcResult<unknown>>()
    const bridge = installFakeBridge({
      'accounts:list': (input) => ((input as { q?: string }).q === 'Ив' ? slow.promise : page(input)),
    })
    await renderUi(<Harness debounceMs={0} />)
    await screen.findByText('card-1')
    await type('Ив')
    await vi.waitFor(() => expect(accountCalls(bridge)).toHaveLength(2))
    const superseded = accountCalls(bridge)[1]
    expect(superseded?.callId).toBeTypeOf('number')
    await type('Иван')
    await vi.waitFor(() => expect(bridge.cancelled).toEqual([superseded?.callId]))
    // The late answer of the cancelled call changes nothing.
    slow.resolve({ ok: true, data: { items: [account(99)], total: 1, offset: 0, limit: 2 } })
    await vi.waitFor(() => expect(screen.getByTestId('state').textContent).toBe('current'))
    expect(screen.queryByText('card-99')).toBeNull()
    expect(screen.getByText('card-1')).toBeTruthy()
  })

  it('keeps the previous page on screen while the next one loads', async () => {
    const next = deferred<IpcResult<unknown>>()
    installFakeBridge({
      'accounts:list': (input) => ((input as { offset: number }).offset === 2 ? next.promise : page(input)),
    })
    await renderUi(<Harness debounceMs={0} />)
    await screen.findByText('card-1')
    act(() => screen.getByText('next').click())
    await vi.waitFor(() => expect(screen.getByTestId('state').textContent).toBe('previous'))
    expect(screen.getByText('card-1')).toBeTruthy()
    next.resolve(page({ offset: 2, limit: 2 }))
    await screen.findByText('card-3')
    expect(screen.getByTestId('state').textContent).toBe('current')
    expect(screen.queryByText('card-1')).toBeNull()
  })
})

function Groups() {
  const list = useCachedList('account-groups:list')
  return (
    <p data-testid="groups">
      {list.status === 'ready' ? list.items.map((g) => g.name).join(',') : list.status}
    </p>
  )
}

describe('cached lists', () => {
  it("are re-read on entities:changed of their kind only, and never on a screen's revisit while fresh", async () => {
    let names = ['Гости']
    const bridge = installFakeBridge({
      'account-groups:list': () => ({
        ok: true,
        data: { items: names.map((name, i) => ({ id: i + 1, name })), fetched_at: null, stale: false },
      }),
    })
    const client = createQueryClient()
    const stop = followMainEvents(client)
    try {
      const reads = () => bridge.calls.filter((call) => call.channel === 'account-groups:list').length
      const first = await renderUi(<Groups />, 'ru', client)
      await vi.waitFor(() => expect(screen.getByTestId('groups').textContent).toBe('Гости'))
      first.unmount()
      await renderUi(<Groups />, 'ru', client)
      expect(screen.getByTestId('groups').textContent).toBe('Гости')
      expect(reads()).toBe(1)

      bridge.emit('entities:changed', { entity: 'ladder', ids: [1], reason: 'synced' })
      names = ['Гости', 'Сотрудники']
      bridge.emit('entities:changed', { entity: 'account_group', ids: [2], reason: 'synced' })
      await vi.waitFor(() => expect(screen.getByTestId('groups').textContent).toBe('Гости,Сотрудники'))
      expect(reads()).toBe(2)

      // Another login never sees the previous one's answers: its own read.
      act(() => useSessionStore.setState({ state: signedIn('marketing') }))
      await vi.waitFor(() => expect(reads()).toBe(3))
    } finally {
      stop()
    }
  })
})
