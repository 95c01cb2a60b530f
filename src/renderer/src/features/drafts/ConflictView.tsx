import { useMemo, useState } from 'react'
import { useT } from '../../app/useT'
import type { ConflictResolution, Draft, DraftConflict } from '@shared/ipc'
import { Button } from '../../components/Button'
import { Banner } from '../../components/states'
import { formatDataTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import {
  asRecord,
  buildMerged,
  defaultChoices,
  fieldRows,
  stepRows,
  type Choices,
  type Side,
  type StepRow,
} from './conflict-model'
import { FieldValue, type NameLookups } from './FieldValue'

export interface ConflictViewProps {
  /** An outbox row in the `conflict` state (with `conflict` set). */
  row: Draft & { conflict: DraftConflict }
  lookups?: NameLookups
  /** The resolution being sent, to show its button busy. */
  busy?: ConflictResolution | null
  onResolve: (resolution: ConflictResolution, merged?: Record<string, unknown>) => void
}

const STEP_SUMMARY_FIELDS = [
  'name',
  'threshold',
  'rk_discount_id',
  'bonus_percent',
  'max_payment_percent',
] as const

function ChoiceCell({
  name,
  label,
  value,
  onChange,
}: {
  name: string
  label: string
  value: Side
  onChange: (side: Side) => void
}): React.JSX.Element {
  const t = useT()
  return (
    <div role="radiogroup" aria-label={label} className="choice">
      {(['mine', 'theirs'] as const).map((side) => (
        <label key={side} className={value === side ? 'choice__option is-chosen' : 'choice__option'}>
          <input
            type="radio"
            name={name}
            value={side}
            checked={value === side}
            onChange={() => onChange(side)}
          />
          <span>{side === 'mine' ? t('conflict.chooseMine') : t('conflict.chooseTheirs')}</span>
        </label>
      ))}
    </div>
  )
}

function StepSummary({
  step,
  highlight,
  lookups,
}: {
  step: unknown
  highlight: readonly string[]
  lookups?: NameLookups
}): React.JSX.Element {
  const t = useT()
  if (step === null || step === undefined) return <span className="muted">{t('conflict.absent')}</span>
  const record = asRecord(step)
  return (
    <dl className="step-summary">
      {STEP_SUMMARY_FIELDS.map((field) => (
        <div
          key={field}
          className={highlight.includes(field) ? 'step-summary__row is-changed' : 'step-summary__row'}
        >
          <dt>{t(`fields.${field}`)}</dt>
          <dd>
            <FieldValue field={field} value={record[field]} lookups={lookups} />
          </dd>
        </div>
      ))}
    </dl>
  )
}

function stepTitle(row: StepRow, t: (key: 'conflict.step', options: { index: number }) => string): string {
  const name = asRecord(row.mine ?? row.theirs).name
  const prefix = t('conflict.step', { index: row.position })
  return typeof name === 'string' && name ? `${prefix}: ${name}` : prefix
}

/** What «Keep mine» sends, in words: my values where I changed them, the server's where only it did. */
function KeepMineSummary({ mine, theirs }: { mine: string[]; theirs: string[] }): React.JSX.Element {
  const t = useT()
  const list = (names: string[]) => names.map((name) => t('conflict.quoted', { name })).join(', ')
  return (
    <p className="muted" data-testid="conflict-keep-mine-summary">
      {theirs.length > 0
        ? t('conflict.keepMineSummary', { mine: list(mine), theirs: list(theirs) })
        : t('conflict.keepMineAll', { mine: list(mine) })}
    </p>
  )
}

/**
 * A conflict side by side: per field (and per ladder step) what it was, what I want, what the server has now,
 * with a choice on every difference. Keep mine, take theirs, or send the merge of the choices.
 */
export function ConflictView({ row, lookups, busy, onResolve }: ConflictViewProps): React.JSX.Element {
  const t = useT()
  const { conflict, entity } = row
  const [showSame, setShowSame] = useState(false)
  const initial = useMemo(() => defaultChoices(entity, conflict), [entity, conflict])
  const [choices, setChoices] = useState<Choices>(initial)
  const fields = useMemo(() => fieldRows(entity, conflict), [entity, conflict])
  const steps = useMemo(() => (entity === 'ladder' ? stepRows(conflict) : []), [entity, conflict])
  const deleting = conflict.mine === null || row.action === 'delete'
  const deletedThere = conflict.theirs === null
  const perField = !deleting && !deletedThere
  const visibleFields = fields.filter((field) => showSame || field.differs)
  const visibleSteps = steps.filter((step) => showSame || step.kind !== 'same')
  const hasDifferences = fields.some((f) => f.differs) || steps.some((s) => s.kind !== 'same')
  const choose = (key: string, side: Side) => setChoices((current) => ({ ...current, [key]: side }))
  const theirs = conflict.theirs
  const fieldLabel = (field: string) => t(`fields.${field}` as 'fields.name', { defaultValue: field })

  return (
    <div className="conflict" data-testid="conflict-view">
      <p className="muted">{t('conflict.description')}</p>
      {theirs && theirs.updated_by && (
        <p className="muted">
          {t('conflict.changedBy', {
            who: theirs.updated_by,
            time: formatDataTime(theirs.updated_at, currentLanguage()),
          })}
        </p>
      )}
      {deletedThere && <Banner tone="warning">{t('conflict.deletedOnServer')}</Banner>}
      {deleting && !deletedThere && <Banner tone="warning">{t('conflict.deleteMine')}</Banner>}
      {perField && !hasDifferences && <Banner tone="info">{t('conflict.noDifferences')}</Banner>}

      {perField && (
        <>
          <label className="checkbox-row">
            <input type="checkbox" checked={showSame} onChange={(e) => setShowSame(e.target.checked)} />
            <span>{t('conflict.showUnchanged')}</span>
          </label>
          <div className="conflict__scroll">
            <table className="conflict__table">
              <thead>
                <tr>
                  <th scope="col">{t('conflict.field')}</th>
                  <th scope="col">{t('conflict.base')}</th>
                  <th scope="col">{t('conflict.mine')}</th>
                  <th scope="col">{t('conflict.theirs')}</th>
                  <th scope="col">{t('conflict.choice')}</th>
                </tr>
              </thead>
              <tbody>
                {visibleFields.map((field) => (
                  <tr
                    key={field.field}
                    className={field.differs ? 'is-different' : undefined}
                    data-field={field.field}
                  >
                    <th scope="row">{fieldLabel(field.field)}</th>
                    <td>
                      <FieldValue field={field.field} value={field.base} lookups={lookups} />
                    </td>
                    <td className="conflict__mine">
                      <FieldValue field={field.field} value={field.mine} lookups={lookups} />
                    </td>
                    <td className="conflict__theirs">
                      <FieldValue field={field.field} value={field.theirs} lookups={lookups} />
                    </td>
                    <td>
                      {field.differs ? (
                        <ChoiceCell
                          name={`choice-${field.field}`}
                          label={t('conflict.chooseFor', { field: fieldLabel(field.field) })}
                          value={choices[field.field] ?? field.suggested}
                          onChange={(side) => choose(field.field, side)}
                        />
                      ) : (
                        <span className="muted">{t('conflict.unchanged')}</span>
                      )}
                    </td>
                  </tr>
                ))}
                {visibleSteps.length > 0 && (
                  <tr className="conflict__section">
                    <th scope="rowgroup" colSpan={5}>
                      {t('fields.steps')}
                    </th>
                  </tr>
                )}
                {visibleSteps.map((step) => {
                  const title = stepTitle(step, t)
                  return (
                    <tr
                      key={step.key}
                      className={step.kind !== 'same' ? 'is-different' : undefined}
                      data-step={step.key}
                    >
                      <th scope="row">
                        {title}
                        {step.kind === 'added' && <span className="muted"> · {t('conflict.stepAdded')}</span>}
                        {step.kind === 'removed' && (
                          <span className="muted"> · {t('conflict.stepRemoved')}</span>
                        )}
                      </th>
                      <td>
                        <StepSummary step={step.base} highlight={[]} lookups={lookups} />
                      </td>
                      <td className="conflict__mine">
                        <StepSummary step={step.mine} highlight={step.changedFields} lookups={lookups} />
                      </td>
                      <td className="conflict__theirs">
                        <StepSummary step={step.theirs} highlight={step.changedFields} lookups={lookups} />
                      </td>
                      <td>
                        {step.kind === 'same' ? (
                          <span className="muted">{t('conflict.unchanged')}</span>
                        ) : (
                          <ChoiceCell
                            name={`choice-step-${step.key}`}
                            label={t('conflict.chooseFor', { field: title })}
                            value={choices[`step:${step.key}`] ?? step.suggested}
                            onChange={(side) => choose(`step:${step.key}`, side)}
                          />
                        )}
                      </td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          </div>
        </>
      )}

      {perField && hasDifferences && (
        <KeepMineSummary
          mine={[
            ...fields.filter((f) => f.differs && f.suggested === 'mine').map((f) => fieldLabel(f.field)),
            ...steps.filter((s) => s.kind !== 'same' && s.suggested === 'mine').map((s) => stepTitle(s, t)),
          ]}
          theirs={[
            ...fields.filter((f) => f.differs && f.suggested === 'theirs').map((f) => fieldLabel(f.field)),
            ...steps.filter((s) => s.kind !== 'same' && s.suggested === 'theirs').map((s) => stepTitle(s, t)),
          ]}
        />
      )}
      <div className="conflict__actions">
        <Button
          onClick={() => onResolve('take_theirs')}
          loading={busy === 'take_theirs'}
          disabled={Boolean(busy)}
          title={t('conflict.takeTheirsHint')}
          data-testid="conflict-take-theirs"
        >
          {t('conflict.takeTheirs')}
        </Button>
        <Button
          onClick={() => onResolve('keep_mine')}
          loading={busy === 'keep_mine'}
          disabled={Boolean(busy)}
          title={t('conflict.keepMineHint')}
          data-testid="conflict-keep-mine"
        >
          {t('conflict.keepMine')}
        </Button>
        {perField && hasDifferences && (
          <Button
            variant="primary"
            onClick={() => onResolve('merged', buildMerged(entity, conflict, { ...initial, ...choices }))}
            loading={busy === 'merged'}
            disabled={Boolean(busy)}
            title={t('conflict.applyChoiceHint')}
            data-testid="conflict-apply"
          >
            {t('conflict.applyChoice')}
          </Button>
        )}
      </div>
    </div>
  )
}
