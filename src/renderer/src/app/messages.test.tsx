// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { identifierTypeCreate, type IdentifierType } from '@shared/api'
import type { Draft, IpcError } from '@shared/ipc'
import { TextField } from '../components/fields'
import { useDraftsStore } from '../features/drafts/store'
import { EntityEditorFrame } from '../features/entities/EntityEditor'
import { useEntityEditor } from '../features/entities/useEntityEditor'
import { useSessionStore } from '../features/session/store'
import { installFakeBridge } from '../testing/fake-bridge'
import { renderUi } from '../testing/render'
import { i18n, initI18n } from './i18n'
import { fieldMessage, messageFor } from './messages'

// Refusals are said by their code in the UI language: never the server's English detail, never zod's wording.

const groupHasAccounts = (accounts: number): IpcError => ({
  code: 'conflict',
  message: `The group «Постоянные гости» still has ${accounts} accounts; move them to another group first.`,
  reason: { code: 'group_has_accounts', params: { group: 'Постоянные гости', accounts } },
})

async function inLanguage(language: 'ru' | 'en'): Promise<void> {
  initI18n(language)
  await i18n.changeLanguage(language)
}

describe('messageFor', () => {
  it('a 409 group_has_accounts in Russian, with the count in the right form', async () => {
    await inLanguage('ru')
    expect(messageFor(groupHasAccounts(477))).toBe(
      'В группе 477 счетов: перенесите их в другую группу, прежде чем удалять группу',
    )
    expect(messageFor(groupHasAccounts(1))).toMatch(/^В группе 1 счёт: перенесите его/)
    expect(messageFor(groupHasAccounts(3))).toMatch(/^В группе 3 счёта:/)
  })

  it('the same in English', async () => {
    await inLanguage('en')
    expect(messageFor(groupHasAccounts(477))).toBe(
      'The group has 477 accounts: move them to another group before deleting the group',
    )
    await inLanguage('ru')
  })

  it('a code this app does not know falls back to the category, never to the English detail', async () => {
    await inLanguage('ru')
    const unknown: IpcError = {
      code: 'conflict',
      message: 'Something new',
      reason: { code: 'new_rule', params: {} },
    }
    expect(messageFor(unknown)).toBe('Запись изменили на сервере после вас')
  })

  it('ladder issue codes use the shared ladder messages', async () => {
    await inLanguage('ru')
    const field = {
      path: ['steps', 1, 'threshold'],
      code: 'first_threshold_not_zero',
      params: { step: 1, threshold: 5 },
    }
    expect(fieldMessage(field)).toBe('Первая ступень начинается с 0 (сейчас 5)')
    // Amounts as Russian writes them; step numbers plain.
    const order = {
      path: ['steps', 12, 'threshold'],
      code: 'threshold_not_increasing',
      params: { step: 13, threshold: 20000.5, previous: 30000, previousStep: 12 },
    }
    expect(fieldMessage(order).replace(/[\u00a0\u202f]/g, ' ')).toBe(
      'Ступень 13: порог 20 000,5 должен быть больше 30 000 у ступени 12',
    )
    await inLanguage('en')
    expect(fieldMessage(order)).toBe('Step 13: the threshold 20,000.5 must be greater than 30,000 of step 12')
  })
})

type Values = z.input<typeof identifierTypeCreate>
const type: IdentifierType = {
  id: 4,
  code: 'guest_card',
  name: 'Гостевая карта',
  kind: 'card_number',
  pattern: null,
  min_length: null,
  max_length: null,
  unique: true,
  active: true,
  version: 2,
  created_at: '2026-01-01T10:00:00Z',
  updated_at: '2026-01-01T10:00:00Z',
  updated_by: 'admin',
}
const toForm = (item: IdentifierType | null): Values => ({
  code: item?.code ?? '',
  name: item?.name ?? '',
  kind: item?.kind ?? 'other',
  pattern: item?.pattern ?? null,
  min_length: item?.min_length ?? null,
  max_length: item?.max_length ?? null,
  unique: item?.unique ?? false,
  active: item?.active ?? true,
})

function Editor(): React.JSX.Element {
  const editor = useEntityEditor<Values, IdentifierType>({
    entity: 'identifier_type',
    entityId: type.id,
    server: type,
    schema: identifierTypeCreate,
    toForm,
    autosaveMs: 20,
  })
  if (!editor.ready) return <p>loading</p>
  return (
    <EntityEditorFrame editor={editor} title={type.name}>
      <TextField control={editor.form.control} name="code" label="Код" />
      <TextField control={editor.form.control} name="name" label="Название" />
    </EntityEditorFrame>
  )
}

/** The outbox row of a publish the server refused with 409 code_taken. */
const refusedRow: Draft = {
  id: 'op-1',
  kind: 'outbox',
  entity: 'identifier_type',
  action: 'update',
  entity_id: type.id,
  base_version: type.version,
  base: type,
  payload: { ...toForm(type), code: 'card' },
  title: 'Гостевая карта (card)',
  state: 'failed',
  created_at: '2026-01-02T10:00:00Z',
  updated_at: '2026-01-02T10:00:00Z',
  draft_id: null,
  error: 'An identifier type with code "card" already exists (id 1)',
  error_code: 'conflict',
  error_reason: { code: 'code_taken', params: { code: 'card' } },
  fields: [],
  conflict: null,
  attempts: 1,
  next_attempt_at: null,
}

describe('messages in the editor', () => {
  beforeEach(() => {
    installFakeBridge({
      'drafts:save': () => ({ ok: false, error: { code: 'internal', message: 'not in this test' } }),
    })
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
  })
  afterEach(() => {
    cleanup()
    useDraftsStore.setState({ loaded: true, items: [] })
  })

  it('a duplicate code (409 code_taken) lands at the «Код» field, in Russian', async () => {
    useDraftsStore.setState({ loaded: true, items: [refusedRow] })
    await renderUi(<Editor />, 'ru')
    const code = screen.getByLabelText('Код')
    await waitFor(() => expect(code.getAttribute('aria-invalid')).toBe('true'))
    const describedBy = (code.getAttribute('aria-describedby') ?? '').split(' ')
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent ?? '')
    expect(texts).toContain('Код «card» уже занят другим типом')
    expect(document.body.textContent).not.toContain('already exists')
  })

  it('an empty name says «Введите название», not zod’s wording, in both languages', async () => {
    useDraftsStore.setState({ loaded: true, items: [] })
    await renderUi(<Editor />, 'ru')
    const name = screen.getByLabelText('Название')
    fireEvent.change(name, { target: { value: '' } })
    fireEvent.blur(name)
    expect(await screen.findByText('Введите название')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/Слишком|ожидалось|Too small|expected/)
    cleanup()
    await renderUi(<Editor />, 'en')
    const english = screen.getByLabelText('Название')
    fireEvent.change(english, { target: { value: '' } })
    fireEvent.blur(english)
    expect(await screen.findByText('Enter a name')).toBeTruthy()
    await inLanguage('ru')
  })

  it('a length limit is read from the schema: «Не больше 50 символов» for a too long code', async () => {
    useDraftsStore.setState({ loaded: true, items: [] })
    await renderUi(<Editor />, 'ru')
    const code = screen.getByLabelText('Код')
    fireEvent.change(code, { target: { value: 'c'.repeat(51) } })
    fireEvent.blur(code)
    expect(await screen.findByText('Не больше 50 символов')).toBeTruthy()
  })
})

describe('a pattern that does not compile', () => {
  it('says what is wrong with it, in Russian and in English', async () => {
    const field = { path: ['pattern'], code: 'regex_invalid', params: { problem: 'unclosed_group' } }
    await inLanguage('ru')
    expect(fieldMessage(field)).toBe(
      'Шаблон — некорректное регулярное выражение: открытая скобка «(» не закрыта',
    )
    await inLanguage('en')
    expect(fieldMessage(field)).toBe(
      'The pattern is not a valid regular expression: an opening «(» is never closed',
    )
  })
})
