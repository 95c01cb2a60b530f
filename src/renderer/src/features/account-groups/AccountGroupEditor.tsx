import { useMemo } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { accountGroupCreate, type AccountGroup, type Ladder } from '@shared/api'
import { hrefTo } from '../../app/router'
import type { EditorRoute } from '../entities/editor-route'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { DeleteBanner, EditorPaneMessage } from '../entities/entity-screen'
import { Select, Switch, TextField, type SelectOption } from '../../components/fields'
import { Icon } from '../../components/Icon'
import { useEditorLifecycle } from '../entities/useEditorLifecycle'
import { useEntityEditor } from '../entities/useEntityEditor'
import './account-groups.css'
import { accountGroupToForm, findCreatedGroup, type AccountGroupForm } from './form'

export function AccountGroupEditor({
  route,
  items,
  listStatus,
  ladders,
}: {
  route: EditorRoute
  items: readonly AccountGroup[]
  listStatus: 'loading' | 'ready' | 'error'
  ladders: readonly Ladder[]
}): React.JSX.Element {
  const { t } = useTranslation()
  const server = useMemo(
    () => (route.entityId === null ? null : (items.find((item) => item.id === route.entityId) ?? null)),
    [items, route.entityId],
  )
  const editor = useEntityEditor<AccountGroupForm, AccountGroup>({
    entity: 'account_group',
    entityId: route.entityId,
    draftId: route.draftId,
    server,
    schema: accountGroupCreate,
    toForm: accountGroupToForm,
    onClose: route.close,
  })
  const lifecycle = useEditorLifecycle({
    editor,
    route,
    server,
    listStatus,
    items,
    findCreated: findCreatedGroup,
    titleOf: (group) => group.name,
  })
  const { control } = editor.form
  const [name, ladderId] = useWatch({ control, name: ['name', 'ladder_id'] })

  const ladderOptions = useMemo<SelectOption[]>(() => {
    const options = [...ladders]
      .sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name))
      .map((ladder) => ({
        value: String(ladder.id),
        label: ladder.active ? ladder.name : t('accountGroups.ladderInactive', { name: ladder.name }),
      }))
    // The group's ladder may be missing from the cache (deleted, or not fetched yet): keep it choosable.
    for (const id of [ladderId, server?.ladder_id]) {
      if (typeof id === 'number' && !options.some((option) => option.value === String(id))) {
        options.push({ value: String(id), label: t('accountGroups.ladderMissing', { id }) })
      }
    }
    return options
  }, [ladders, ladderId, server, t])

  if (lifecycle.view !== 'editor')
    return (
      <EditorPaneMessage
        view={lifecycle.view}
        onClose={route.close}
        conflictId={editor.conflictRow?.id ?? null}
      />
    )

  const ladder = typeof ladderId === 'number' ? ladders.find((item) => item.id === ladderId) : undefined
  const accounts = server?.accounts_count ?? 0

  return (
    <EntityEditorFrame
      editor={lifecycle.frameEditor}
      title={name?.trim() || (server ? server.name : t('accountGroups.newTitle'))}
      onClose={route.close}
      focusFirstField={route.entityId === null}
      deletable={server !== null && lifecycle.deleteRow === null}
      deleteBlocked={accounts > 0 ? t('accountGroups.deleteBlocked') : null}
      testId="account-group-editor"
      before={
        lifecycle.deleteRow && (
          <DeleteBanner row={lifecycle.deleteRow} onCancel={() => void lifecycle.cancelDelete()} />
        )
      }
      after={
        server && (
          <dl className="props" data-testid="group-accounts">
            <div className="props__row">
              <dt>{t('accountGroups.accounts')}</dt>
              <dd>
                {accounts > 0
                  ? t('accountGroups.accountsInGroup', { count: accounts })
                  : t('accountGroups.accountsNone')}
                {accounts > 0 && !editor.readOnly && (
                  <p className="field__hint">{t('accountGroups.accountsBlockDelete')}</p>
                )}
              </dd>
            </div>
          </dl>
        )
      }
    >
      <fieldset className="editor__fieldset" disabled={lifecycle.deleteRow !== null}>
        <legend className="visually-hidden">{t('accountGroups.title')}</legend>
        <TextField
          control={control}
          name="name"
          label={t('accountGroups.name')}
          required
          maxLength={200}
          autoComplete="off"
        />
        <TextField
          control={control}
          name="description"
          label={t('accountGroups.description')}
          hint={t('accountGroups.descriptionHint')}
          multiline
          rows={3}
          maxLength={2000}
          emptyAsNull
        />
        <div className="group-ladder">
          <Select
            control={control}
            name="ladder_id"
            label={t('accountGroups.ladder')}
            hint={t('accountGroups.ladderHint')}
            options={ladderOptions}
            emptyLabel={t('accountGroups.ladderNone')}
            numeric
          />
          {ladder && (
            <a
              className="group-ladder__link"
              href={hrefTo('ladders', ladder.id)}
              title={t('accountGroups.openLadder', { name: ladder.name })}
              aria-label={t('accountGroups.openLadder', { name: ladder.name })}
            >
              <Icon name="ladder" />
            </a>
          )}
        </div>
        <Switch control={control} name="active" label={t('accountGroups.active')} />
      </fieldset>
    </EntityEditorFrame>
  )
}
