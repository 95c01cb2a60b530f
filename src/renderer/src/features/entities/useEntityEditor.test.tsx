// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { accountGroupCreate, type AccountGroup, type Role } from '@shared/api'
import type { Draft, DraftSaveInput, SessionState } from '@shared/ipc'
import { useDraftsStore } from '../drafts/store'
import { useSessionStore } from '../session/store'
import { installFakeBridge, type FakeBridge } from '../../testing/fake-bridge'
import { renderUi } from '../../testing/render'
import { EntityEditorFrame } from './EntityEditor'
import { Switch, TextField } from '../../components/fields'
import { useEntityEditor } from './useEntityEditor'

const server: AccountGroup = {
  id: 5,
  name: 'Сотрудники',
  description: null,
  ladder_id: null,
  active: true,
  accounts_count: 2,
  version: 3,
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-01T10:00:00Z',
  updated_by: 'admin',
}

type Values = z.input<typeof accountGroupCreate>
const toForm = (group: AccountGroup | null): Values => ({
  name: group?.name ?? '',
  description: group?.description ?? null,
  ladder_id: group?.ladder_id ?? null,
  active: group?.active ?? true,
})

function Editor(): React.JSX.Element {
  const editor = useEntityEditor<Values, AccountGroup>({
    entity: 'account_group',
    entityId: server.id,
    server,
    schema: accountGroupCreate,
    toForm,
    autosaveMs: 20,
  })
  if (!editor.ready) return <p>loading</p>
  return (
    <EntityEditorFrame editor={editor} title={server.name}>
      <TextField control={editor.form.control} name="name" label="Название" />
      <Switch control={editor.form.control} name="active" label="Активна" />
    </EntityEditorFrame>
  )
}

function NewEditor(): React.JSX.Element {
  const editor = useEntityEditor<Values, AccountGroup>({
    entity: 'account_group',
    entityId: null,
    server: null,
    schema: accountGroupCreate,
    toForm,
    autosaveMs: 20,
  })
  if (!editor.ready) return <p>loading</p>
  return (
    <EntityEditorFrame editor={editor} title="Новая группа">
      <TextField control={editor.form.control} name="name" label="Название" />
    </EntityEditorFrame>
  )
}

function draftRow(input: DraftSaveInput, id: string): Draft {
  return {
    id,
    kind: input.publish ? 'outbox' : 'draft',
    entity: input.entity,
    action: 'update',
    entity_id: input.entity_id ?? null,
    base_version: server.version,
    base: server,
    payload: input.payload,
    title: String((input.payload as Values).name),
    state: input.publish ? 'queued' : 'draft',
    created_at: '2026-01-02T10:00:00Z',
    updated_at: '2026-01-02T10:00:00Z',
    draft_id: input.publish ? (input.id ?? null) : null,
    error: null,
    error_code: null,
    fields: [],
    conflict: null,
    attempts: 0,
    next_attempt_at: null,
  }
}

function signIn(role: Role): void {
  const state: SessionState = {
    status: 'signed_in',
    profile: null,
    login: role,
    user: { id: 1, login: role, name: role, role },
    role,
    server: null,
    remembered: false,
    reason: 'login',
  }
  useSessionStore.setState({ loaded: true, state })
}

let bridge: FakeBridge
let refuseNames = false

beforeEach(() => {
  refuseNames = false
  let next = 1
  bridge = installFakeBridge({
    'drafts:save': (input) => {
      const save = input as DraftSaveInput
      if (save.publish && refuseNames) {
        return {
          ok: false,
          error: {
            code: 'validation',
            message: 'The draft has errors',
            fields: [{ path: ['name'], message: 'Name already used', code: 'duplicate', params: {} }],
          },
        }
      }
      return { ok: true, data: draftRow(save, save.id ?? `d${next++}`) }
    },
  })
  useDraftsStore.setState({ loaded: true, items: [] })
})

afterEach(cleanup)

const saves = () =>
  bridge.calls.filter((call) => call.channel === 'drafts:save').map((c) => c.input as DraftSaveInput)

describe('useEntityEditor', () => {
  it('autosaves edits as one draft of the entity, debounced', async () => {
    signIn('admin')
    await renderUi(<Editor />)
    const name = screen.getByLabelText('Название')
    expect(name).toHaveProperty('value', 'Сотрудники')
    fireEvent.change(name, { target: { value: 'Персонал' } })
    fireEvent.change(name, { target: { value: 'Персонал кухни' } })
    await waitFor(() => expect(saves()).toHaveLength(1))
    expect(saves()[0]).toEqual({
      id: undefined,
      entity: 'account_group',
      entity_id: 5,
      payload: { name: 'Персонал кухни', description: null, ladder_id: null, active: true },
    })
    fireEvent.click(screen.getByLabelText('Активна'))
    await waitFor(() => expect(saves()).toHaveLength(2))
    // The second save updates the same draft.
    expect(saves()[1]).toMatchObject({ id: 'd1', payload: { active: false } })
    expect(await screen.findByText(/Черновик сохранён/)).toBeTruthy()
  })

  it('publishes with Ctrl+S and shows the refusal at the field', async () => {
    signIn('admin')
    refuseNames = true
    await renderUi(<Editor />)
    fireEvent.change(screen.getByLabelText('Название'), { target: { value: 'Гости' } })
    await act(async () => {
      fireEvent.keyDown(window, { key: 's', code: 'KeyS', ctrlKey: true })
    })
    await waitFor(() => expect(saves().some((save) => save.publish)).toBe(true))
    const name = screen.getByLabelText('Название')
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'))
    // Said by its code in the UI language, never main's English message.
    expect(screen.getByText('Такое значение уже указано')).toBeTruthy()
    expect(screen.queryByText('Name already used')).toBeNull()
  })

  it('publishes a valid edit as an outbox row', async () => {
    signIn('admin')
    await renderUi(<Editor />)
    fireEvent.change(screen.getByLabelText('Название'), { target: { value: '  Гости  ' } })
    fireEvent.click(screen.getByTestId('editor-publish'))
    await waitFor(() => expect(saves().find((save) => save.publish)).toBeTruthy())
    // The schema's output is what is published: the name trimmed.
    expect(saves().find((save) => save.publish)?.payload).toMatchObject({ name: 'Гости' })
  })

  it('keeps editing a published create on its outbox row (a refused create is fixed, not left behind)', async () => {
    signIn('admin')
    bridge = installFakeBridge({
      'drafts:save': (input) => {
        const save = input as DraftSaveInput
        const id = save.publish ? 'op-1' : save.id === 'op-1' ? 'd2' : (save.id ?? 'd1')
        const row = draftRow(save, id)
        return {
          ok: true,
          data: { ...row, action: 'create', entity_id: null, base: null, base_version: null },
        }
      },
    })
    await renderUi(<NewEditor />)
    const name = screen.getByLabelText('Название')
    fireEvent.change(name, { target: { value: 'Гости' } })
    await waitFor(() => expect(saves()).toHaveLength(1))
    fireEvent.click(screen.getByTestId('editor-publish'))
    await waitFor(() => expect(saves().some((save) => save.publish)).toBe(true))
    fireEvent.change(name, { target: { value: 'Гости 2' } })
    await waitFor(() => expect(saves()).toHaveLength(3))
    expect(saves()[2]).toMatchObject({ id: 'op-1', entity_id: null, payload: { name: 'Гости 2' } })
  })

  it('is read-only for a viewer and saves nothing', async () => {
    signIn('viewer')
    await renderUi(<Editor />)
    const name = screen.getByLabelText('Название')
    expect(name.closest('fieldset')?.disabled).toBe(true)
    expect(screen.queryByTestId('editor-publish')).toBeNull()
    expect(screen.getByText(/только для просмотра/)).toBeTruthy()
    fireEvent.change(name, { target: { value: 'Не сохранится' } })
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(saves()).toHaveLength(0)
  })
})
