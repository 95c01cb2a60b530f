// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionState } from '@shared/ipc'
import { useToastStore } from '../components/toast-store'
import { useSessionStore } from '../features/session/store'
import { installFakeBridge } from '../testing/fake-bridge'
import { startStores } from './boot'

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
