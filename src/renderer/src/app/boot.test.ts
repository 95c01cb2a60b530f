// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionState } from '@shared/ipc'
import type { HostConnection, HostConnectionState } from '@shared/web/websocket-bridge'
import { useToastStore } from '../components/toast-store'
import { useSessionStore } from '../features/session/store'
import { installFakeBridge } from '../testing/fake-bridge'
import { startStores } from './boot'
import { configureHostConnection } from './host-connection'

const session = (status: SessionState['status']): SessionState => ({
  status,
  profile: null,
  login: status === 'signed_out' ? null : 'admin',
  user: status === 'signed_out' ? null : { id: 1, login: 'admin', name: 'Администратор', role: 'admin' },
  role: status === 'signed_out' ? null : 'admin',
  server: null,
  remembered: false,
  reason: status === 'signed_out' ? 'logout' : 'login',
})

let stop: (() => void) | null = null
afterEach(() => {
  stop?.()
  configureHostConnection({ getState: () => 'open', subscribe: () => () => {} })
  useToastStore.getState().clear()
})

describe('toasts and the session', () => {
  it('a logout drops the toasts of the session that ended; an expired session keeps them', () => {
    installFakeBridge({})
    stop = startStores()
    useSessionStore.setState({ loaded: true, state: session('signed_in') })
    useToastStore.getState().push('info', 'Отправляем «Карта» на сервер…')
    useSessionStore.setState({ state: session('expired') })
    expect(useToastStore.getState().toasts).toHaveLength(1)
    useSessionStore.setState({ state: session('signed_out') })
    expect(useToastStore.getState().toasts).toEqual([])
  })
})

describe('the connection to the app host', () => {
  function connection(): HostConnection & { set(state: HostConnectionState): void } {
    let state: HostConnectionState = 'connecting'
    const listeners = new Set<() => void>()
    return {
      getState: () => state,
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
      set(next) {
        state = next
        for (const listener of listeners) listener()
      },
    }
  }

  it('reads each store once at start, and everything again only after a lost connection came back', async () => {
    const host = connection()
    configureHostConnection(host)
    const bridge = installFakeBridge({})
    const reads = () => bridge.calls.filter((call) => call.channel === 'session:state').length
    stop = startStores()
    host.set('open')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(reads()).toBe(1)
    host.set('unreachable')
    host.set('open')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(reads()).toBe(2)
  })
})

describe('the first session state', () => {
  it('does not read the drafts and the sync status again; a later login does', async () => {
    useSessionStore.setState({ loaded: false, loadError: null, state: null })
    const bridge = installFakeBridge({
      'session:state': () => ({ ok: true, data: session('signed_out') }),
      'profiles:list': () => ({ ok: true, data: { items: [], selected_id: null } }),
    })
    const reads = () => bridge.calls.filter((call) => call.channel === 'drafts:list').length
    stop = startStores()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(useSessionStore.getState().state?.status).toBe('signed_out')
    expect(reads()).toBe(1)
    useSessionStore.setState({ state: session('signed_in') })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(reads()).toBe(2)
  })
})
