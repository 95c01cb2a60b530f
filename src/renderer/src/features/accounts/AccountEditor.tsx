// Creating or editing an account (admin), through a draft like every other editor: autosaved, published through
// the outbox, the server's refusals at the fields. Each identifier is checked live against its type's rules, and
// whether another account holds it (IdentifierCheck).
import { useEffect, useMemo } from 'react'
import { useFieldArray, useWatch, type Control } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { Account, AccountGroup, IdentifierType } from '@shared/api'
import { Button, IconButton } from '../../components/Button'
import { Select, Switch, TextField, type SelectOption } from '../../components/fields'
import type { EditorRoute } from '../entities/editor-route'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { useEditorPane } from '../entities/useEditorPane'
import { accountToForm, type AccountForm } from './form'
import { IdentifierCheck } from './IdentifierCheck'

export interface AccountEditorProps {
  route: EditorRoute
  account: Account | null
  status: 'loading' | 'ready' | 'error'
  groups: readonly AccountGroup[]
  identifierTypes: readonly IdentifierType[]
  /** The group a new account starts in (the list's filter). */
  defaultGroupId: number | null
  /** Back from editing an existing account to its card. */
  onDone: () => void
}

export function AccountEditor({
  route,
  account,
  status,
  groups,
  identifierTypes,
  defaultGroupId,
  onDone,
}: AccountEditorProps): React.JSX.Element {
  const t = useT()
  const items = useMemo(() => (account ? [account] : []), [account])
  const pane = useEditorPane(
    'account',
    { route, items, listStatus: status },
    {
      toForm: (server) => accountToForm(server, defaultGroupId),
      newTitle: t('accounts.newTitle'),
    },
  )
  const { control } = pane.editor.form
  const groupOptions = useMemo<SelectOption[]>(
    () =>
      [...groups]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((group) => ({
          value: String(group.id),
          label: group.active ? group.name : t('accounts.groupInactive', { name: group.name }),
        })),
    [groups, t],
  )

  // Accounts are not a list the screen holds: a create that reached the server opens its card at once.
  const { view, createdId } = pane.lifecycle
  useEffect(() => {
    if (view === 'creating' && createdId !== null) route.open(createdId)
  }, [view, createdId, route])

  if (pane.message) return <>{pane.message}</>

  return (
    <EntityEditorFrame
      {...pane.frame}
      onClose={route.entityId === null ? route.close : onDone}
      deletable={false}
      footerExtra={
        route.entityId !== null && (
          <Button variant="ghost" onClick={onDone}>
            {t('accounts.editor.backToCard')}
          </Button>
        )
      }
    >
      <TextField control={control} name="number" label={t('accounts.number')} mono autoComplete="off" />
      <TextField
        control={control}
        name="holder_name"
        label={t('accounts.holder')}
        autoComplete="off"
        emptyAsNull
      />
      <TextField
        control={control}
        name="phone"
        label={t('accounts.phone')}
        hint={t('accounts.editor.phoneHint')}
        mono
        autoComplete="off"
        emptyAsNull
      />
      <TextField control={control} name="email" label={t('accounts.email')} type="email" emptyAsNull />
      <TextField
        control={control}
        name="birth_date"
        label={t('accounts.birthDate')}
        hint={t('accounts.editor.birthDateHint')}
        placeholder={t('accounts.editor.birthDatePlaceholder')}
        emptyAsNull
      />
      <Select
        control={control}
        name="group_id"
        label={t('accounts.group')}
        options={groupOptions}
        emptyLabel={t('accounts.editor.chooseGroup')}
        numeric
      />
      <Identifiers control={control} identifierTypes={identifierTypes} accountId={account?.id ?? null} />
      <Switch control={control} name="blocked" label={t('accounts.blocked')} />
    </EntityEditorFrame>
  )
}

function Identifiers({
  control,
  identifierTypes,
  accountId,
}: {
  control: Control<AccountForm>
  identifierTypes: readonly IdentifierType[]
  accountId: number | null
}): React.JSX.Element {
  const t = useT()
  const { fields, append, remove } = useFieldArray({ control, name: 'identifiers' as never })
  const values = useWatch({ control, name: 'identifiers' }) ?? []
  const types = useMemo(() => new Map(identifierTypes.map((type) => [type.id, type])), [identifierTypes])
  const options = useMemo<SelectOption[]>(
    () =>
      identifierTypes.map((type) => ({
        value: String(type.id),
        label: type.active ? type.name : t('accounts.groupInactive', { name: type.name }),
      })),
    [identifierTypes, t],
  )
  const firstActive = identifierTypes.find((type) => type.active) ?? identifierTypes[0]

  return (
    <fieldset className="account-identifiers" data-testid="account-identifiers-editor">
      <legend>{t('accounts.identifiers.title')}</legend>
      {fields.length === 0 && <p className="muted">{t('accounts.identifiers.none')}</p>}
      {fields.map((field, index) => {
        const row = values[index]
        const type = row ? types.get(row.type_id) : undefined
        const value = row?.value ?? ''
        const checkId = `identifier-${field.id}-problems`
        return (
          <div className="account-identifiers__row" key={field.id} data-testid="identifier-row">
            <Select
              control={control}
              name={`identifiers.${index}.type_id`}
              label={t('accounts.identifiers.type')}
              options={options}
              numeric
            />
            <TextField
              control={control}
              name={`identifiers.${index}.value`}
              label={t('accounts.identifiers.value')}
              mono
              autoComplete="off"
            />
            <IconButton icon="trash" label={t('accounts.identifiers.remove')} onClick={() => remove(index)} />
            <IdentifierCheck id={checkId} type={type} value={value} accountId={accountId} />
          </div>
        )
      })}
      {firstActive && (
        <Button
          size="sm"
          icon="plus"
          variant="ghost"
          onClick={() => append({ type_id: firstActive.id, value: '' } as never)}
          data-testid="identifier-add"
        >
          {t('accounts.identifiers.add')}
        </Button>
      )}
    </fieldset>
  )
}
