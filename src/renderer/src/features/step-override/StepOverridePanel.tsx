// The account card's panel for a guest's discount level set by hand: what holds now (how, until when, why, who
// set it, and what the accumulation alone gives), and for admin and marketing: set, change or remove it.
// Online only (shared/ipc/step-override.ts says why): offline the panel says so and offers nothing to write.
import { useState } from 'react'
import { useForm } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { Account, StepOverrideMode } from '@shared/api'
import { stepOverrideRequest } from '@shared/api'
import { codedResolver } from '../../app/form-resolver'
import { currentLanguage } from '../../app/i18n'
import { Button } from '../../components/Button'
import { ConfirmDialog } from '../../components/Dialog'
import { Select, TextField } from '../../components/fields'
import { applyFieldErrors } from '../../components/form-errors'
import { toast } from '../../components/toast-store'
import { invoke } from '../../ipc/client'
import { useRole } from '../session/store'
import { useOnline } from '../sync/store'
import { endOfMonth, localToday, maySetStepOverride, stepOverrideSummary } from './model'
import './step-override.css'

export interface StepOverridePanelProps {
  account: Account
  /** The ladder of the account's group (null: none, or not loaded yet); the steps' names are offered. */
  ladder: PanelLadder | null
}

type PanelLadder = { steps: readonly { name: string }[] }

interface OverrideForm {
  index: number
  mode: StepOverrideMode
  until: string | null
  reason: string
}

const formSchema = stepOverrideRequest.omit({ version: true })
const FORM_FIELDS = new Set(['index', 'mode', 'until', 'reason'])

export function StepOverridePanel({ account, ladder }: StepOverridePanelProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const online = useOnline()
  const canSet = maySetStepOverride(useRole())
  const [editing, setEditing] = useState(false)
  const [confirmRemove, setConfirmRemove] = useState(false)
  const [removing, setRemoving] = useState(false)
  const override = account.step_override
  const writable = canSet && online && ladder !== null && ladder.steps.length > 0

  const remove = async () => {
    setRemoving(true)
    const result = await invoke('accounts:remove-step-override', { id: account.id, version: account.version })
    setRemoving(false)
    setConfirmRemove(false)
    if (result.ok) toast.success(t('stepOverride.removed'))
    else toast.ipcError(result.error)
  }

  return (
    <section
      className="step-override account-card__section"
      aria-label={t('stepOverride.title')}
      data-testid="step-override"
    >
      <header className="step-override__header account-card__section-header">
        <h3>{t('stepOverride.title')}</h3>
        {writable && !editing && (
          <div className="step-override__actions">
            <Button variant="secondary" size="sm" onClick={() => setEditing(true)}>
              {override ? t('stepOverride.change') : t('stepOverride.set')}
            </Button>
            {override && (
              <Button variant="ghost" size="sm" onClick={() => setConfirmRemove(true)}>
                {t('stepOverride.remove')}
              </Button>
            )}
          </div>
        )}
      </header>
      {override ? (
        <ul className="step-override__summary" data-testid="step-override-summary">
          {stepOverrideSummary(override, t, language).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="step-override__none">{t('stepOverride.none')}</p>
      )}
      {ladder === null || ladder.steps.length === 0 ? (
        <p className="step-override__note">{t('stepOverride.noLadder')}</p>
      ) : !canSet ? (
        <p className="step-override__note">{t('stepOverride.readOnly')}</p>
      ) : !online ? (
        <p className="step-override__note" role="status">
          {t('stepOverride.onlineOnly')}
        </p>
      ) : null}
      {editing && writable && (
        <OverrideEditor account={account} ladder={ladder} onDone={() => setEditing(false)} />
      )}
      <ConfirmDialog
        open={confirmRemove}
        title={t('stepOverride.confirmRemoveTitle')}
        message={t('stepOverride.confirmRemove')}
        confirmLabel={t('stepOverride.remove')}
        danger
        busy={removing}
        onConfirm={() => void remove()}
        onCancel={() => setConfirmRemove(false)}
      />
    </section>
  )
}

function OverrideEditor({
  account,
  ladder,
  onDone,
}: {
  account: Account
  ladder: PanelLadder
  onDone: () => void
}): React.JSX.Element {
  const t = useT()
  const current = account.step_override
  const { control, register, handleSubmit, setError, setValue, formState } = useForm<OverrideForm>({
    resolver: codedResolver<OverrideForm>(formSchema),
    defaultValues: {
      index: current?.index ?? account.step?.index ?? ladder.steps.length - 1,
      mode: current?.mode ?? 'pin',
      until: current?.until ?? null,
      reason: current?.reason ?? '',
    },
  })
  const submit = handleSubmit(async (values) => {
    const result = await invoke('accounts:set-step-override', {
      id: account.id,
      override: { ...values, version: account.version },
    })
    if (result.ok) {
      toast.success(t('stepOverride.saved'))
      onDone()
      return
    }
    const rest = applyFieldErrors(setError, result.error.fields, (name) => FORM_FIELDS.has(name))
    if (rest.length > 0 || !result.error.fields?.length) toast.ipcError(result.error)
  })
  const modes: StepOverrideMode[] = ['pin', 'floor']
  return (
    <form className="step-override__form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="step-override__modes">
        <legend>{t('stepOverride.mode.label')}</legend>
        {modes.map((mode) => (
          <label key={mode} className="step-override__mode">
            <input type="radio" value={mode} {...register('mode')} />
            <span>
              <strong>{t(`stepOverride.mode.${mode}`)}</strong>
              <span className="step-override__mode-hint">{t(`stepOverride.mode.${mode}Hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Select
        control={control}
        name="index"
        label={t('stepOverride.step')}
        numeric
        required
        options={ladder.steps.map((step, index) => ({
          value: String(index),
          label: t('stepOverride.stepOption', { number: index + 1, name: step.name }),
        }))}
      />
      <div className="step-override__until">
        <TextField
          control={control}
          name="until"
          type="date"
          emptyAsNull
          label={t('stepOverride.until')}
          hint={t('stepOverride.untilHint')}
        />
        <div className="step-override__until-quick">
          <Button
            variant="ghost"
            size="sm"
            onClick={() => setValue('until', endOfMonth(localToday()), { shouldDirty: true })}
          >
            {t('stepOverride.endOfMonth')}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setValue('until', null, { shouldDirty: true })}>
            {t('stepOverride.openEnded')}
          </Button>
        </div>
      </div>
      <TextField
        control={control}
        name="reason"
        label={t('stepOverride.reason')}
        hint={t('stepOverride.reasonHint')}
        multiline
        rows={2}
        required
        maxLength={200}
      />
      <div className="step-override__buttons">
        <Button type="submit" variant="primary" loading={formState.isSubmitting}>
          {t('stepOverride.save')}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          {t('stepOverride.cancel')}
        </Button>
      </div>
    </form>
  )
}
