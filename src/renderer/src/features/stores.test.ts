// The stores are projections of main: they read once, then follow main's events (and never poll).
import { afterEach, describe, expect, it } from 'vitest'
import type { DraftsList, SessionState, SyncStatus } from '@shared/ipc'
import { configureIpc } from '../ipc/client'
import { installFakeBridge } from '../testing/fake-bridge'
import { useDraftsStore } from './drafts/store'
import { useSessionStore } from './session/store'
import { useSyncStore } from './sync/store'

const signedOut: SessionState = {
  status: 'signed_out',
  profile: { id: 'p1', name: 'Локальная песочница', base_url: 'http://127.0.0.1:1', last_login: null },
  login: null,
  user: null,
  role: null,
  server: null,
  remembered: false,
  reason: 'start',
}
const counts = { drafts: 0, queued: 0, syncing: 0, failed: 0, conflicts: 0 }
const status: SyncStatus = {
  online: true,
  checked_at: null,
  last_sync_at: null,
  paused: false,
  paused_reason: null,
  next_attempt_at: null,
  last_error: null,
  counts,
}
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const stops: (() => void)[] = []
afterEach(() => {
  while (stops.length) stops.pop()?.()
})

describe('stores', () => {
  it('session: reads the state and the profiles, then follows session:changed', async () => {
    const bridge = installFakeBridge({
      'session:state': () => ({ ok: true, data: signedOut }),
      'profiles:list': () => ({ ok: true, data: { items: [signedOut.profile!], selected_id: 'p1' } }),
    })
    stops.push(useSessionStore.getState().init())
    await flush()
    expect(useSessionStore.getState()).toMatchObject({ loaded: true, selectedProfileId: 'p1' })
    expect(useSessionStore.getState().state?.status).toBe('signed_out')
    bridge.emit('session:changed', {
      ...signedOut,
      status: 'expired',
      login: 'admin',
      role: 'admin',
      reason: 'refresh_failed',
    })
    expect(useSessionStore.getState().state).toMatchObject({ status: 'expired', role: 'admin' })
  })

  it('session: a bridge that is down is an error state, not a crash', async () => {
    configureIpc(() => Promise.reject(new Error('The host does not answer')))
    useSessionStore.setState({ loaded: false, state: null, loadError: null })
    await useSessionStore.getState().reload()
    expect(useSessionStore.getState()).toMatchObject({ loaded: true, state: null })
    expect(useSessionStore.getState().loadError).toEqual({
      code: 'internal',
      message: 'The host does not answer',
    })
  })

  it('drafts: re-read on drafts:changed, counts at once from the event', async () => {
    let list: DraftsList = { items: [], counts }
    const bridge = installFakeBridge({ 'drafts:list': () => ({ ok: true, data: list }) })
    stops.push(useDraftsStore.getState().init())
    await flush()
    expect(useDraftsStore.getState().counts.drafts).toBe(0)
    const reads = () => bridge.calls.filter((call) => call.channel === 'drafts:list').length
    const before = reads()
    list = { items: [], counts: { ...counts, drafts: 2 } }
    bridge.emit('drafts:changed', { ids: ['a', 'b'], counts: { ...counts, drafts: 2 } })
    expect(useDraftsStore.getState().counts.drafts).toBe(2)
    await flush()
    expect(reads()).toBe(before + 1)
  })

  it('sync: follows sync:status', async () => {
    const bridge = installFakeBridge({ 'sync:status': () => ({ ok: true, data: status }) })
    stops.push(useSyncStore.getState().init())
    await flush()
    expect(useSyncStore.getState().status?.online).toBe(true)
    bridge.emit('sync:status', { ...status, online: false })
    expect(useSyncStore.getState().status?.online).toBe(false)
  })
})
