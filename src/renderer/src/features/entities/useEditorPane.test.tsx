// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountGroup } from '@shared/api'
import type { Draft, DraftsSynced } from '@shared/ipc'
import { AccountGroupEditor } from '../account-groups/AccountGroupEditor'
import { useDraftsStore } from '../drafts/store'
import { useSyncedStore } from '../drafts/synced'
import { useSessionStore } from '../session/store'
import { installFakeBridge, type FakeBridge } from '../../testing/fake-bridge'
import { renderUi } from '../../testing/render'
import type { EditorRoute } from './editor-route'

const payload = { name: 'Гости', description: null, ladder_id: null, active: true }

const createRow: Draft = {
  id: 'op-1',
  kind: 'outbox',
  entity: 'account_group',
  action: 'create',
  entity_id: null,
  base_version: null,
  base: null,
  payload,
  title: 'Гости',
  state: 'syncing',
  created_at: '2026-01-02T10:00:00Z',
  updated_at: '2026-01-02T10:00:00Z',
  draft_id: 'draft-1',
  error: null,
  error_code: null,
  fields: [],
  conflict: null,
  attempts: 0,
  next_attempt_at: null,
}

const group = (id: number): AccountGroup => ({
  id,
  ...payload,
  accounts_count: 0,
  version: 1,
  created_at: '2026-01-02T10:00:00Z',
  updated_at: '2026-01-02T10:00:00Z',
  updated_by: 'admin',
})

let bridge: FakeBridge
let opened: number[]
let stopSynced: () => void
const route = (): EditorRoute => ({
  target: { kind: 'new', draftId: 'draft-1' },
  key: 'draft:draft-1',
  entityId: null,
  draftId: 'draft-1',
  open: (id) => opened.push(id),
  openNew: () => {},
  close: () => {},
  adoptDraft: () => {},
})

beforeEach(() => {
  opened = []
  bridge = installFakeBridge({})
  stopSynced = useSyncedStore.getState().init()
  useSyncedStore.setState({ created: {} })
  useSessionStore.setState({
    loaded: true,
    state: {
      status: 'signed_in',
      profile: null,
      login: 'admin',
      user: { id: 1, login: 'admin', name: 'admin', role: 'admin' },
      role: 'admin',
      server: null,
      remembered: false,
      reason: 'login',
    },
  })
  useDraftsStore.setState({ loaded: true, items: [createRow] })
})
afterEach(() => {
  stopSynced()
  cleanup()
})

const editor = (items: AccountGroup[]) => (
  <AccountGroupEditor route={route()} items={items} listStatus="ready" ladders={[]} />
)

describe('a new entity’s editor pane', () => {
  it('follows its create to the id main reports, not to the newest entity with the same name', async () => {
    const view = await renderUi(editor([group(7)]))
    expect(screen.getByTestId('account-group-editor')).toBeTruthy()

    // Main says which id the create became, then the row leaves the outbox.
    const synced: DraftsSynced = {
      entity: 'account_group',
      action: 'create',
      op_id: 'op-1',
      draft_id: 'draft-1',
      entity_id: 42,
    }
    act(() => {
      bridge.emit('drafts:synced', synced)
      useDraftsStore.setState({ items: [] })
    })
    // Not in the list yet: the pane waits (no guess, no timer).
    expect(screen.getByText('Запись создаётся на сервере…')).toBeTruthy()
    expect(opened).toEqual([])

    // A colleague's group with the same name is newer; ours is 42.
    view.rerender(editor([group(7), group(42), group(57)]))
    expect(opened).toEqual([42])
  })

  it('says the draft is gone at once when the create left the outbox without reaching the server', async () => {
    await renderUi(editor([group(57)]))
    act(() => useDraftsStore.setState({ items: [] }))
    expect(screen.getByText(/^Черновик не найден/)).toBeTruthy()
    expect(opened).toEqual([])
  })

  it('titles the pane with the name as it is typed (the frame watches the title, not every value)', async () => {
    await renderUi(editor([]))
    const heading = () => screen.getByRole('heading', { level: 2 }).textContent
    expect(heading()).toBe('Гости')
    const name = screen.getByLabelText(/^Название/)
    act(() => {
      fireEvent.change(name, { target: { value: 'Гости VIP' } })
    })
    expect(heading()).toBe('Гости VIP')
    act(() => {
      fireEvent.change(name, { target: { value: '' } })
    })
    expect(heading()).toBe('Новая группа счетов')
  })
})
