import { useId } from 'react'
import { useController, type Control } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { z } from 'zod'
import { requiredAccountField, type RequiredAccountField } from '@shared/api'
import { serverSettings, SINGLETON_ID, type SettingsDocument } from '@shared/resources'
import { formatDataTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { ipcErrorOf, useIpcQuery } from '../../app/queries'
import { MoneyField, NumberField, Switch, TextField } from '../../components/fields'
import { Screen } from '../../components/Screen'
import { ErrorState, LoadingState } from '../../components/states'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { useEntityEditor } from '../entities/useEntityEditor'
import { settingsToForm, type SettingsForm } from './form'
import './settings.css'

/**
 * The program settings (ProBonus «Настройки»): administrators edit them as a draft like every other editor
 * (autosaved, published through the outbox, a colleague's change meanwhile becomes a conflict); other roles read.
 * The fields are grouped as a person thinks of them, each saying what it changes at the till.
 */
export function SettingsScreen(): React.JSX.Element {
  const t = useT()
  const query = useIpcQuery('settings:get', {})
  const item = query.data?.item ?? null
  const error = ipcErrorOf(query.error)
  return (
    <Screen
      title={t('settingsScreen.title')}
      subtitle={t('settingsScreen.subtitle')}
      fetchedAt={query.data?.fetched_at}
      stale={query.data?.stale}
    >
      {item ? (
        <SettingsEditor server={item} />
      ) : error ? (
        <ErrorState
          message={t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })}
          onRetry={() => void query.refetch()}
        />
      ) : (
        <LoadingState />
      )}
    </Screen>
  )
}

function SettingsEditor({ server }: { server: SettingsDocument }): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const editor = useEntityEditor<SettingsForm, SettingsDocument>({
    entity: 'settings',
    entityId: SINGLETON_ID,
    server,
    schema: serverSettings.create as unknown as z.ZodType<unknown, SettingsForm>,
    toForm: settingsToForm,
  })
  const { control } = editor.form
  if (!editor.ready) return <LoadingState />
  return (
    <div className="settings-editor">
      <EntityEditorFrame
        editor={editor}
        title={t('settingsScreen.editorTitle')}
        limits={serverSettings.limits}
        testId="settings-editor"
        before={
          server.updated_by && (
            <p className="muted">
              {t('settingsScreen.updated', {
                time: formatDataTime(server.updated_at, language),
                by: server.updated_by,
              })}
            </p>
          )
        }
      >
        <Group title={t('settingsScreen.groups.day')} testId="settings-group-day">
          <TextField
            control={control}
            name="day_change_time"
            label={t('settingsScreen.dayChangeTime')}
            hint={t('settingsScreen.dayChangeTimeHint')}
            placeholder="04:00"
            mono
            autoComplete="off"
          />
          <TextField
            control={control}
            name="timezone"
            label={t('settingsScreen.timezone')}
            hint={t('settingsScreen.timezoneHint')}
            autoComplete="off"
          />
        </Group>
        <Group title={t('settingsScreen.groups.account')} testId="settings-group-account">
          <RequiredFields control={control} readOnly={editor.readOnly} />
        </Group>
        <Group title={t('settingsScreen.groups.payment')} testId="settings-group-payment">
          <p className="field__hint">{t('settingsScreen.limitsHint')}</p>
          <div className="settings-row">
            <MoneyField
              control={control}
              name="bonus_payment_limits.per_day"
              label={t('settingsScreen.perDay')}
            />
            <MoneyField
              control={control}
              name="bonus_payment_limits.per_week"
              label={t('settingsScreen.perWeek')}
            />
            <MoneyField
              control={control}
              name="bonus_payment_limits.per_month"
              label={t('settingsScreen.perMonth')}
            />
          </div>
        </Group>
        <Group title={t('settingsScreen.groups.accruals')} testId="settings-group-accruals">
          <NumberField
            control={control}
            name="accrual_delay_days"
            label={t('settingsScreen.accrualDelay')}
            hint={t('settingsScreen.accrualDelayHint')}
            integer
          />
        </Group>
        <Group title={t('settingsScreen.groups.temporary')} testId="settings-group-temporary">
          <Switch
            control={control}
            name="temporary_identifiers.enabled"
            label={t('settingsScreen.tempEnabled')}
            hint={t('settingsScreen.tempEnabledHint')}
          />
          <div className="settings-row">
            <NumberField
              control={control}
              name="temporary_identifiers.ttl_minutes"
              label={t('settingsScreen.tempTtl')}
              hint={t('settingsScreen.tempTtlHint')}
              integer
            />
            <NumberField
              control={control}
              name="temporary_identifiers.length"
              label={t('settingsScreen.tempLength')}
              hint={t('settingsScreen.tempLengthHint')}
              integer
            />
          </div>
        </Group>
      </EntityEditorFrame>
    </div>
  )
}

function Group({
  title,
  testId,
  children,
}: {
  title: string
  testId: string
  children: React.ReactNode
}): React.JSX.Element {
  const id = useId()
  return (
    <section className="settings-group" aria-labelledby={id} data-testid={testId}>
      <h3 className="settings-group__title" id={id}>
        {title}
      </h3>
      {children}
    </section>
  )
}

/** The account fields the server requires: one checkbox per field, in the schema's order. */
function RequiredFields({
  control,
  readOnly,
}: {
  control: Control<SettingsForm>
  readOnly: boolean
}): React.JSX.Element {
  const t = useT()
  const hintId = useId()
  const { field } = useController({ control, name: 'required_account_fields' })
  const chosen = new Set<RequiredAccountField>(field.value ?? [])
  const toggle = (name: RequiredAccountField, on: boolean) => {
    const next = requiredAccountField.options.filter((option) => (option === name ? on : chosen.has(option)))
    field.onChange(next)
  }
  return (
    <fieldset className="settings-checks" aria-describedby={hintId}>
      <legend className="field__label">{t('settingsScreen.requiredFields')}</legend>
      <div className="settings-row">
        {requiredAccountField.options.map((option) => (
          <label key={option} className="field__inline-label">
            <input
              type="checkbox"
              className="checkbox"
              checked={chosen.has(option)}
              disabled={readOnly}
              onChange={(event) => toggle(option, event.target.checked)}
              onBlur={field.onBlur}
              data-testid={`required-${option}`}
            />
            <span>{t(`settingsScreen.requiredField.${option}`)}</span>
          </label>
        ))}
      </div>
      <p className="field__hint" id={hintId}>
        {t('settingsScreen.requiredFieldsHint')}
      </p>
    </fieldset>
  )
}
