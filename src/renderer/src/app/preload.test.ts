// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import type { SessionState } from '@shared/ipc'
import { useSessionStore } from '../features/session/store'
import { installFakeBridge } from '../testing/fake-bridge'
import { preloadStartScreen } from './preload'
import { queryClient } from './queries'

const signedIn: SessionState = {
  status: 'signed_in',
  profile: { id: 'p1', name: 'Песочница', base_url: 'http://127.0.0.1:1' },
  login: 'admin',
  user: { id: 1, login: 'admin', name: 'Администратор', role: 'admin' },
  role: 'admin',
  server: null,
  remembered: false,
  reason: 'login',
} as SessionState

afterEach(() => {
  queryClient.clear()
  useSessionStore.setState({ loaded: false, state: null })
})

describe('the screen opened from the address bar', () => {
  it('asks for its lists as soon as the session is known, once, before the screen renders', async () => {
    const items = { ok: true as const, data: { items: [], fetched_at: null, stale: false } }
    const bridge = installFakeBridge({ 'catalog:list': () => items, 'catalog:usage': () => items })
    const stop = preloadStartScreen('#/rk-discounts/12')
    const asked = () =>
      bridge.calls.map((call) => call.channel).filter((channel) => channel.startsWith('catalog'))
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(asked()).toEqual([])
    useSessionStore.setState({ loaded: true, state: signedIn })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(asked()).toEqual(['catalog:list', 'catalog:usage'])
    useSessionStore.setState({ state: { ...signedIn } })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(asked()).toHaveLength(2)
    stop()
  })

  it('asks for nothing on a screen without cached lists or an unknown one', async () => {
    useSessionStore.setState({ loaded: true, state: signedIn })
    const bridge = installFakeBridge({})
    preloadStartScreen('#/reports')
    preloadStartScreen('#/nowhere')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(bridge.calls.filter((call) => call.channel.endsWith(':list'))).toEqual([])
  })
})
