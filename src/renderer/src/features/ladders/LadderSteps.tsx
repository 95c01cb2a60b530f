// The steps of the ladder being edited (react-hook-form `useFieldArray`): each step with its fields, its range in
// words, the guests on it now, its errors and warnings where the shared validator puts them; add, insert, remove
// and reorder by mouse and keyboard (Alt+↑ / Alt+↓ move the step the focus is in).
// A keystroke renders only the step typed into (and the one above, whose range ends where it starts): each step is
// a memoized card watching its own fields, and the list renders again only when steps are added, removed or moved.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
} from 'react'
import { useFieldArray, useFormState, useWatch, type Control } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { RkDiscount } from '@shared/api'
import { stepRangeText, type LadderIssue } from '@shared/domain'
import { MAX } from '@shared/api'
import { fieldErrorText, fieldMessage } from '../../app/messages'
import { Button, IconButton } from '../../components/Button'
import { MoneyField, NumberField, PercentField, TextField } from '../../components/fields'
import { Icon } from '../../components/Icon'
import { currentLanguage } from '../../app/i18n'
import { blankStep, type LadderForm, type LadderFormApi } from './form'
import { useFormSelector } from '../../app/useFormSelector'
import { RkDiscountPicker } from './RkDiscountPicker'

/** An issue of the shared validator as the editor shows it while typing: said by its code, so no English text. */
export type LiveIssue = Omit<LadderIssue, 'message'>

export interface LadderStepsProps {
  form: LadderFormApi
  catalog: readonly RkDiscount[]
  byId: ReadonlyMap<number, RkDiscount>
  /** Warnings (and catalog errors) of the live check, by step index. */
  stepIssues: ReadonlyMap<number, readonly LiveIssue[]>
  /** Guests on each step now, by index (of the server's ladder). */
  accounts: ReadonlyMap<number, number>
  /**
   * The server's thresholds by index: a step shows its guests only while its threshold is still the server's (a
   * moved threshold moves guests). Without it every step with a count shows it.
   */
  savedThresholds?: readonly number[]
  readOnly: boolean
}

interface PendingFocus {
  /** The step's field array key; null for a step not rendered yet (`newIndex`). */
  key: string | null
  newIndex: number | null
  /** How many steps there are once the change is rendered (a render may come before it). */
  length: number
  /** A field's name after `steps.N.` (`threshold`), or a button's `data-step-action`. */
  field: string | null
  action: string | null
}

/** `steps.3.threshold` → `threshold`. */
const fieldOfName = (name: string | null): string | null =>
  name && /^steps\.\d+\./.test(name) ? name.split('.').slice(2).join('.') : null

/** What a step card asks of the list; one object for the list's life (it calls the latest list's functions). */
interface StepActions {
  move: (from: number, to: number) => void
  insertAfter: (index: number) => void
  remove: (index: number) => void
}

const NO_ISSUES: readonly LiveIssue[] = []

export const LadderSteps = memo(function LadderSteps({
  form,
  catalog,
  byId,
  stepIssues,
  accounts,
  savedThresholds,
  readOnly,
}: LadderStepsProps): React.JSX.Element {
  const t = useT()
  const { control } = form
  const { fields, append, insert, remove, move } = useFieldArray({ control, name: 'steps' })
  const basis = useWatch({ control, name: 'basis' })
  // Only the errors of the whole list (`steps`, `steps.root`): a step's own errors are its card's.
  const { errors } = useFormState({ control, name: 'steps', exact: true })
  const listRef = useRef<HTMLOListElement>(null)
  /** Where the focus goes after the next render (a moved step, a new one); read by the effect below. */
  const pendingFocus = useRef<PendingFocus | null>(null)
  const canAdd = fields.length < MAX.ladderSteps
  const canRemove = fields.length > 1

  // After a move, an insert or a remove the focus follows the step (or lands on the new one).
  useEffect(() => {
    const pending = pendingFocus.current
    if (!pending || pending.length !== fields.length) return
    const key = pending.newIndex !== null ? fields[pending.newIndex]?.id : pending.key
    if (!key) return
    pendingFocus.current = null
    const card = listRef.current?.querySelector<HTMLElement>(`[data-step-key="${key}"]`)
    if (!card) return
    const index = card.dataset.stepIndex
    const target =
      (pending.field && card.querySelector<HTMLElement>(`[name="steps.${index}.${pending.field}"]`)) ||
      (pending.action &&
        card.querySelector<HTMLElement>(`[data-step-action="${pending.action}"]:not([disabled])`)) ||
      card.querySelector<HTMLElement>('input:not([disabled])')
    target?.focus()
  })

  const focusAfter = (key: string | undefined, from?: Element | null) => {
    if (!key) return
    const element = from instanceof HTMLElement ? from : null
    pendingFocus.current = {
      key,
      newIndex: null,
      length: fields.length,
      field: fieldOfName(element?.getAttribute('name') ?? null),
      action: element?.dataset.stepAction ?? null,
    }
  }
  const focusNew = (index: number) => {
    pendingFocus.current = {
      key: null,
      newIndex: index,
      length: fields.length + 1,
      field: 'name',
      action: null,
    }
  }
  const latest: StepActions = {
    move: (from, to) => {
      if (to < 0 || to >= fields.length) return
      const key = fields[from]?.id
      const focused = document.activeElement
      move(from, to)
      focusAfter(key, focused)
    },
    insertAfter: (index) => {
      insert(index + 1, blankStep(null), { shouldFocus: false })
      focusNew(index + 1)
    },
    remove: (index) => {
      const next = fields[index + 1] ?? fields[index - 1]
      remove(index)
      if (next) {
        pendingFocus.current = {
          key: next.id,
          newIndex: null,
          length: fields.length - 1,
          field: null,
          action: 'remove',
        }
      }
    },
  }
  const latestRef = useRef(latest)
  useLayoutEffect(() => {
    latestRef.current = latest
  })
  const [actions] = useState<StepActions>(() => ({
    move: (from, to) => latestRef.current.move(from, to),
    insertAfter: (index) => latestRef.current.insertAfter(index),
    remove: (index) => latestRef.current.remove(index),
  }))

  const stepsError = fieldErrorText(errors.steps?.root) ?? fieldErrorText(errors.steps)

  return (
    <section className="ladder-steps" aria-labelledby="ladder-steps-title">
      <div className="ladder-steps__head">
        <h3 id="ladder-steps-title">{t('ladders.stepsTitle')}</h3>
        <span className="muted ladder-steps__hint">{t('ladders.stepsHint')}</span>
      </div>
      {stepsError && (
        <p className="field__error" role="alert">
          {stepsError}
        </p>
      )}
      <ol className="step-cards" ref={listRef}>
        {fields.map((field, index) => (
          <StepCard
            key={field.id}
            fieldKey={field.id}
            form={form}
            index={index}
            last={index === fields.length - 1}
            basis={basis ?? 'spend'}
            issues={stepIssues.get(index) ?? NO_ISSUES}
            count={accounts.get(index)}
            savedThreshold={savedThresholds ? (savedThresholds[index] ?? null) : undefined}
            catalog={catalog}
            byId={byId}
            readOnly={readOnly}
            canAdd={canAdd}
            canRemove={canRemove}
            actions={actions}
          />
        ))}
      </ol>
      {!readOnly && (
        <Button
          icon="plus"
          disabled={!canAdd}
          data-testid="ladder-add-step"
          onClick={() => {
            append(blankStep(null), { shouldFocus: false })
            focusNew(fields.length)
          }}
        >
          {t('ladders.addStep')}
        </Button>
      )}
    </section>
  )
})

interface StepCardProps {
  /** The field array's key of the step (focus follows it through moves). */
  fieldKey: string
  form: LadderFormApi
  index: number
  last: boolean
  basis: LadderForm['basis']
  issues: readonly LiveIssue[]
  count: number | undefined
  /** The server's threshold of this step (null: the server has no such step); undefined: not compared. */
  savedThreshold: number | null | undefined
  catalog: readonly RkDiscount[]
  byId: ReadonlyMap<number, RkDiscount>
  readOnly: boolean
  canAdd: boolean
  canRemove: boolean
  actions: StepActions
}

/**
 * One step: its fields, its title (with its name), its range in words (its threshold up to the next step's), its
 * guests, errors and warnings. Renders when one of these changes, not when another step is typed into.
 */
const StepCard = memo(function StepCard({
  fieldKey,
  form,
  index,
  last,
  basis,
  issues,
  count: savedCount,
  savedThreshold,
  catalog,
  byId,
  readOnly,
  canAdd,
  canRemove,
  actions,
}: StepCardProps): React.JSX.Element {
  const t = useT()
  const { control } = form
  const prefix = `steps.${index}` as const
  // `exact`: `steps.1` must not follow what is typed into `steps.12`.
  const name = useWatch({ control, name: `${prefix}.name`, exact: true })
  const { errors } = useFormState({ control, name: prefix, exact: true })
  const stepErrors = errors.steps?.[index]
  const stepError = fieldErrorText(stepErrors) ?? fieldErrorText(stepErrors?.root)
  const title = name?.trim()
    ? t('ladders.stepTitleNamed', { index: index + 1, name: name.trim() })
    : t('ladders.stepTitle', { index: index + 1 })

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (readOnly || !event.altKey || event.ctrlKey || event.metaKey) return
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault()
      actions.move(index, event.key === 'ArrowUp' ? index - 1 : index + 1)
    }
  }

  return (
    <li
      className={stepError ? 'step-card is-invalid' : 'step-card'}
      data-step-key={fieldKey}
      data-step-index={index}
      data-testid="ladder-step"
      aria-label={title}
      onKeyDown={onKeyDown}
    >
      <div className="step-card__head">
        <h4 className="step-card__title">{title}</h4>
        <StepRange
          form={form}
          index={index}
          last={last}
          basis={basis}
          count={savedCount}
          savedThreshold={savedThreshold}
        />
        <span className="spacer" />
        {!readOnly && (
          <StepButtons index={index} last={last} canAdd={canAdd} canRemove={canRemove} actions={actions} />
        )}
      </div>
      <StepFields control={control} index={index} basis={basis} catalog={catalog} byId={byId} />
      {stepError && (
        <p className="field__error step-card__error" role="alert" data-testid="step-error">
          {stepError}
        </p>
      )}
      {issues.map((issue, i) => (
        <p key={i} className="step-card__warning" data-testid="step-warning">
          <Icon name="alert" /> {fieldMessage(issue)}
        </p>
      ))}
    </li>
  )
})

/**
 * The step's range in words and its guests: they follow its threshold and the next one's, so a keystroke in a
 * threshold renders this line of its card and of the card above, not the cards. Looked at after the keystroke's
 * frame: the digit typed and the chart show first, the words follow a frame later.
 */
const StepRange = memo(function StepRange({
  form,
  index,
  last,
  basis,
  count: savedCount,
  savedThreshold,
}: Pick<StepCardProps, 'form' | 'index' | 'last' | 'basis' | 'count' | 'savedThreshold'>): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const selectThresholds = useCallback((values: LadderForm) => thresholdsAt(values, index), [index])
  const [threshold, nextThreshold] = useFormSelector(form, selectThresholds, {
    afterChange: true,
    names: [`steps.${index}.threshold`, `steps.${index + 1}.threshold`],
  })
  // The guests on the step are the saved step's: shown while its threshold is the saved one. (Their text is
  // made once: a plural is dear to make on every keystroke.)
  const accounts = useMemo(
    () => (savedCount === undefined ? null : t('ladders.accountsOnStep', { count: savedCount })),
    [t, savedCount],
  )
  const showAccounts = savedThreshold === undefined || savedThreshold === threshold
  const range = stepRangeText(last ? [threshold] : [threshold, nextThreshold], 0, basis, language)
  return (
    <>
      <span className="step-card__range" data-testid="step-range">
        {range ?? t('ladders.rangeUnknown')}
      </span>
      {accounts !== null && showAccounts && (
        <span className="step-card__accounts muted" data-testid="step-accounts">
          {accounts}
        </span>
      )}
    </>
  )
})

/** The thresholds of step `index` and of the next one, as typed (undefined past the last step). */
function thresholdsAt(values: LadderForm, index: number): [number | null, number | null] {
  const steps = values.steps as readonly (LadderForm['steps'][number] | undefined)[]
  return [steps[index]?.threshold ?? null, steps[index + 1]?.threshold ?? null]
}

/** The step's move, insert and remove buttons (their labels name the step by number). */
const StepButtons = memo(function StepButtons({
  index,
  last,
  canAdd,
  canRemove,
  actions,
}: {
  index: number
  last: boolean
  canAdd: boolean
  canRemove: boolean
  actions: StepActions
}): React.JSX.Element {
  const t = useT()
  return (
    <span className="step-card__actions">
      <IconButton
        icon="chevronUp"
        size="sm"
        label={t('ladders.moveUp', { index: index + 1 })}
        aria-keyshortcuts="Alt+ArrowUp"
        data-step-action="up"
        disabled={index === 0}
        onClick={() => actions.move(index, index - 1)}
      />
      <IconButton
        icon="chevronDown"
        size="sm"
        label={t('ladders.moveDown', { index: index + 1 })}
        aria-keyshortcuts="Alt+ArrowDown"
        data-step-action="down"
        disabled={last}
        onClick={() => actions.move(index, index + 1)}
      />
      <IconButton
        icon="plus"
        size="sm"
        label={t('ladders.insertAfter', { index: index + 1 })}
        data-step-action="insert"
        disabled={!canAdd}
        onClick={() => actions.insertAfter(index)}
      />
      <IconButton
        icon="trash"
        size="sm"
        label={t('ladders.removeStep', { index: index + 1 })}
        data-step-action="remove"
        disabled={!canRemove}
        onClick={() => actions.remove(index)}
      />
    </span>
  )
})

/**
 * The step's fields. Memoized apart from the card: a card renders again when its title or range changes (typing its
 * name, its threshold or the next step's), and each field follows its own value already.
 */
const StepFields = memo(function StepFields({
  control,
  index,
  basis,
  catalog,
  byId,
}: {
  control: Control<LadderForm>
  index: number
  basis: LadderForm['basis']
  catalog: readonly RkDiscount[]
  byId: ReadonlyMap<number, RkDiscount>
}): React.JSX.Element {
  const t = useT()
  const prefix = `steps.${index}` as const
  return (
    <div className="step-card__fields">
      <TextField
        control={control}
        name={`${prefix}.name`}
        label={t('ladders.stepName')}
        autoComplete="off"
        maxLength={100}
        required
      />
      {basis === 'visits' ? (
        <NumberField
          control={control}
          name={`${prefix}.threshold`}
          label={t('ladders.thresholdVisits')}
          suffix={t('ladders.visitsSuffix')}
          integer
          required
        />
      ) : (
        <MoneyField
          control={control}
          name={`${prefix}.threshold`}
          label={t('ladders.thresholdSpend')}
          required
        />
      )}
      <RkDiscountPicker
        control={control}
        name={`${prefix}.rk_discount_id`}
        label={t('ladders.rkDiscount')}
        catalog={catalog}
        byId={byId}
      />
      <PercentField control={control} name={`${prefix}.bonus_percent`} label={t('ladders.bonus')} />
      <PercentField
        control={control}
        name={`${prefix}.max_payment_percent`}
        label={t('ladders.maxPayment')}
      />
    </div>
  )
})
