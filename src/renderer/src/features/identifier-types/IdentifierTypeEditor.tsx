import { useEffect, useMemo, useRef } from 'react'
import { useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { identifierKind, identifierTypeCreate, type IdentifierType } from '@shared/api'
import { Button } from '../../components/Button'
import type { EditorRoute } from '../entities/editor-route'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { DeleteBanner, EditorPaneMessage } from '../entities/entity-screen'
import { NumberField, Select, Switch, TextField } from '../../components/fields'
import { useEditorLifecycle } from '../entities/useEditorLifecycle'
import { useEntityEditor } from '../entities/useEntityEditor'
import { identifierTypeToForm, findCreatedType, type IdentifierTypeForm } from './form'
import { TestValue } from './TestValue'

export function IdentifierTypeEditor({
  route,
  items,
  listStatus,
}: {
  route: EditorRoute
  items: readonly IdentifierType[]
  listStatus: 'loading' | 'ready' | 'error'
}): React.JSX.Element {
  const { t } = useTranslation()
  const server = useMemo(
    () => (route.entityId === null ? null : (items.find((item) => item.id === route.entityId) ?? null)),
    [items, route.entityId],
  )
  const editor = useEntityEditor<IdentifierTypeForm, IdentifierType>({
    entity: 'identifier_type',
    entityId: route.entityId,
    draftId: route.draftId,
    server,
    schema: identifierTypeCreate,
    toForm: identifierTypeToForm,
    onClose: route.close,
  })
  const lifecycle = useEditorLifecycle({
    editor,
    route,
    server,
    listStatus,
    items,
    findCreated: findCreatedType,
    titleOf: (type) => type.name,
  })
  const { form, readOnly } = editor
  const { control } = form
  const [name, code, pattern, active] = useWatch({ control, name: ['name', 'code', 'pattern', 'active'] })

  // A pattern that does not compile is shown at the field as it is typed, not only after leaving it.
  const lastPattern = useRef(pattern)
  useEffect(() => {
    if (lastPattern.current === pattern) return
    lastPattern.current = pattern
    if (pattern !== undefined) void form.trigger('pattern')
  }, [pattern, form])

  const kindOptions = useMemo(
    () =>
      identifierKind.options.map((kind) => ({ value: kind, label: t(`identifierTypes.kindValue.${kind}`) })),
    [t],
  )

  if (lifecycle.view !== 'editor')
    return (
      <EditorPaneMessage
        view={lifecycle.view}
        onClose={route.close}
        conflictId={editor.conflictRow?.id ?? null}
      />
    )

  const deactivate = async () => {
    form.setValue('active', false, { shouldDirty: true })
    await editor.publish()
  }
  const canDeactivate = !readOnly && server !== null && server.active && lifecycle.deleteRow === null

  return (
    <EntityEditorFrame
      editor={lifecycle.frameEditor}
      title={name?.trim() || code?.trim() || (server ? server.name : t('identifierTypes.newTitle'))}
      onClose={route.close}
      focusFirstField={route.entityId === null}
      deletable={server !== null && lifecycle.deleteRow === null}
      testId="identifier-type-editor"
      before={
        lifecycle.deleteRow && (
          <DeleteBanner
            row={lifecycle.deleteRow}
            onCancel={() => void lifecycle.cancelDelete()}
            action={
              lifecycle.deleteRow.state === 'failed' && server?.active ? (
                <Button
                  size="sm"
                  variant="primary"
                  onClick={() => void lifecycle.cancelDelete().then(deactivate)}
                >
                  {t('identifierTypes.deactivate')}
                </Button>
              ) : undefined
            }
          />
        )
      }
      after={<TestValue control={control} saved={server} />}
    >
      <fieldset className="editor__fieldset" disabled={lifecycle.deleteRow !== null}>
        <legend className="visually-hidden">{t('identifierTypes.title')}</legend>
        <div className="form-grid">
          <TextField
            control={control}
            name="code"
            label={t('identifierTypes.code')}
            hint={t('identifierTypes.codeHint')}
            required
            mono
            maxLength={50}
            autoComplete="off"
          />
          <TextField
            control={control}
            name="name"
            label={t('identifierTypes.name')}
            required
            maxLength={200}
            autoComplete="off"
          />
          <Select
            control={control}
            name="kind"
            label={t('identifierTypes.kind')}
            options={kindOptions}
            required
          />
          <TextField
            control={control}
            name="pattern"
            label={t('identifierTypes.pattern')}
            hint={t('identifierTypes.patternHint')}
            className="field--wide"
            mono
            maxLength={200}
            emptyAsNull
            autoComplete="off"
          />
          <NumberField control={control} name="min_length" label={t('identifierTypes.minLength')} integer />
          <NumberField control={control} name="max_length" label={t('identifierTypes.maxLength')} integer />
        </div>
        <Switch
          control={control}
          name="unique"
          label={t('identifierTypes.unique')}
          hint={t('identifierTypes.uniqueHint')}
        />
        <div className="row">
          <Switch
            control={control}
            name="active"
            label={t('identifierTypes.active')}
            hint={t('identifierTypes.activeHint')}
          />
          {canDeactivate && active && (
            <Button
              size="sm"
              variant="ghost"
              title={t('identifierTypes.deactivateHint')}
              onClick={() => void deactivate()}
              data-testid="identifier-type-deactivate"
            >
              {t('identifierTypes.deactivate')}
            </Button>
          )}
        </div>
      </fieldset>
    </EntityEditorFrame>
  )
}
