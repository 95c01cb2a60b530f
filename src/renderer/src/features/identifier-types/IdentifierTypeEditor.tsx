import { useEffect, useMemo, useRef } from 'react'
import { useWatch } from 'react-hook-form'
import { useT } from '../../app/useT'
import { identifierKind } from '@shared/api'
import { Button } from '../../components/Button'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { NumberField, Select, Switch, TextField } from '../../components/fields'
import { useEditorPane, type EditorPaneProps } from '../entities/useEditorPane'
import { identifierTypeToForm } from './form'
import { TestValue } from './TestValue'

export function IdentifierTypeEditor(props: EditorPaneProps<'identifier_type'>): React.JSX.Element {
  const t = useT()
  const pane = useEditorPane('identifier_type', props, {
    toForm: identifierTypeToForm,
    newTitle: t('identifierTypes.newTitle'),
  })
  const { server, editor, lifecycle } = pane
  const { form, readOnly } = editor
  const { control } = form
  const [pattern, active] = useWatch({ control, name: ['pattern', 'active'] })

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

  if (pane.message) return <>{pane.message}</>

  const deactivate = async () => {
    form.setValue('active', false, { shouldDirty: true })
    await editor.publish()
  }
  const canDeactivate = !readOnly && server !== null && server.active && lifecycle.deleteRow === null

  return (
    <EntityEditorFrame
      {...pane.frame}
      before={pane.deleteBanner(
        lifecycle.deleteRow?.state === 'failed' && server?.active ? (
          <Button size="sm" variant="primary" onClick={() => void lifecycle.cancelDelete().then(deactivate)}>
            {t('identifierTypes.deactivate')}
          </Button>
        ) : undefined,
      )}
      after={<TestValue control={control} saved={server} />}
    >
      <div className="form-grid">
        <TextField
          control={control}
          name="code"
          label={t('identifierTypes.code')}
          hint={t('identifierTypes.codeHint')}
          mono
          autoComplete="off"
        />
        <TextField control={control} name="name" label={t('identifierTypes.name')} autoComplete="off" />
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
    </EntityEditorFrame>
  )
}
