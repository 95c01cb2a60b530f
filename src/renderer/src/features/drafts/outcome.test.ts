// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { Draft } from '@shared/ipc'
import { initI18n } from '../../app/i18n'
import { endSessionNotices } from '../../app/boot'
import { useUiStore } from '../../app/ui-store'
import { useToastStore } from '../../components/toast-store'
import { installFakeBridge } from '../../testing/fake-bridge'
import { followPublished, publishOutcome } from './outcome'
import { useDraftsStore } from './store'

const row = (fields: Partial<Draft> = {}): Draft => ({
  id: 'op-1',
  kind: 'outbox',
  entity: 'identifier_type',
  action: 'create',
  entity_id: null,
  base_version: null,
  base: null,
  payload: { code: 'card' },
  title: 'Карта',
  state: 'queued',
  created_at: '2026-01-02T10:00:00Z',
  updated_at: '2026-01-02T10:00:00Z',
  draft_id: 'd-1',
  error: null,
  error_code: null,
  fields: [],
  conflict: null,
  attempts: 0,
  next_attempt_at: null,
  ...fields,
})

const toasts = () => useToastStore.getState().toasts
const setItems = (items: Draft[]) => useDraftsStore.setState({ loaded: true, items })

let stillThere: Draft | null = null
let bridge: ReturnType<typeof installFakeBridge>

beforeEach(() => {
  stillThere = null
  // Main answers `drafts:get` with the row while it exists, else not_found.
  bridge = installFakeBridge({
    'drafts:get': () =>
      stillThere
        ? { ok: true, data: stillThere }
        : { ok: false, error: { code: 'not_found', message: 'No such draft' } },
  })
  initI18n('ru')
  useToastStore.getState().clear()
  useUiStore.setState({ draftsPanel: null, conflictId: null })
  setItems([])
})

describe('publishOutcome', () => {
  it('tells pending, sent, refused and conflict apart; an old refusal counts only after a new attempt', () => {
    expect(publishOutcome('op-1', [row()]).outcome).toBe('pending')
    expect(publishOutcome('op-1', []).outcome).toBe('sent')
    expect(publishOutcome('op-1', [row({ state: 'failed', attempts: 1 })]).outcome).toBe('refused')
    expect(publishOutcome('op-1', [row({ state: 'conflict', attempts: 1 })]).outcome).toBe('conflict')
    expect(publishOutcome('op-1', [row({ state: 'failed', attempts: 1 })], 1).outcome).toBe('pending')
  })
})

describe('the toast that follows a publish', () => {
  it('never shows a green check for a refusal: it says the server refused and why', () => {
    setItems([row()])
    followPublished(row())
    expect(toasts()).toMatchObject([{ tone: 'info', message: 'Отправляем «Карта» на сервер…' }])
    setItems([row({ state: 'failed', attempts: 1, error_code: 'conflict' })])
    expect(toasts()).toHaveLength(1)
    expect(toasts()[0]).toMatchObject({ tone: 'error', message: 'Сервер не принял «Карта»' })
    expect(toasts()[0]?.detail).toMatch(/такой код уже занят/)
  })

  it('says saved once main confirms the row is gone (a late, stale list does not count)', async () => {
    setItems([row()])
    followPublished(row())
    stillThere = row()
    setItems([])
    await vi.waitFor(() => expect(bridge.calls).toHaveLength(1))
    await new Promise((resolve) => setImmediate(resolve)) // let the answer be handled
    expect(toasts()).toMatchObject([{ tone: 'info', message: 'Отправляем «Карта» на сервер…' }])
    stillThere = null
    setItems([])
    await vi.waitFor(() =>
      expect(toasts()).toMatchObject([{ tone: 'success', message: '«Карта» сохранено на сервере' }]),
    )
  })

  it('a conflict: warns with a way to resolve, and the open drafts drawer switches to its conflicts', () => {
    useUiStore.setState({ draftsPanel: 'drafts' })
    setItems([row()])
    followPublished(row())
    setItems([row({ state: 'conflict', attempts: 1 })])
    expect(useUiStore.getState().draftsPanel).toBe('conflicts')
    const [warning] = toasts()
    expect(warning).toMatchObject({ tone: 'warning', action: { label: 'Разобрать конфликт' } })
    warning?.action?.run()
    expect(useUiStore.getState().conflictId).toBe('op-1')
  })

  it('ends with the session: toasts are dropped and nothing more is said about its edits', () => {
    setItems([row()])
    followPublished(row())
    endSessionNotices()
    expect(toasts()).toEqual([])
    setItems([])
    expect(toasts()).toEqual([])
  })
})
