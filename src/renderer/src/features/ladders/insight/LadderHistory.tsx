// The ladder's versions on the server (`ladders:history`, newest first, the current one included), a readable
// diff between any two of them (or the ladder in the editor), and restoring a version as a draft.
import { memo, useId, useMemo, useState } from 'react'
import { useT } from '../../../app/useT'
import type { TFunction } from 'i18next'
import type { LadderCreate, LadderHistoryItem, RkDiscount } from '@shared/api'
import { diffLadders, sameValue, type FieldChange, type LadderDiff } from '@shared/domain'
import { formatDateTime } from '../../../app/format'
import { currentLanguage, type Language } from '../../../app/i18n'
import { messageFor } from '../../../app/messages'
import { ipcErrorOf, useIpcQuery } from '../../../app/queries'
import { Button } from '../../../components/Button'
import { LoadingState } from '../../../components/states'
import { toast } from '../../../components/toast-store'
import { ladderBody, useDiscountMap, type InsightProps } from './model'
import { percentText, thresholdText } from './format'

const EDITED = 'edited'

interface Side {
  key: string
  ladder: LadderCreate
}

export interface LadderHistoryProps extends InsightProps {
  /**
   * Puts a version's body into the editor, which saves it as the ladder's draft (as every edit). Absent (a role
   * that may not edit ladders): no restore buttons.
   */
  onRestore?: (body: LadderCreate) => void
}

export const LadderHistory = memo(function LadderHistory({
  ladder,
  ladderId,
  onRestore,
}: LadderHistoryProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const query = useIpcQuery('ladders:history', ladderId === null ? null : { id: ladderId })
  const items = query.data?.items
  const error = ipcErrorOf(query.error)
  const [fromKey, setFromKey] = useState<string | null>(null)
  const [toKey, setToKey] = useState<string | null>(null)
  const titleId = useId()

  const sides = useMemo(() => {
    const map = new Map<string, Side>()
    if (ladder) map.set(EDITED, { key: EDITED, ladder })
    for (const item of items ?? [])
      map.set(String(item.version), { key: String(item.version), ladder: item.ladder })
    return map
  }, [items, ladder])
  // By default: what the editor changes against the current version, else the last change made.
  const defaults = useMemo(() => {
    const current = items?.[0]
    if (!current) return { from: '', to: '' }
    if (ladder && !sameValue(ladderBody(current.ladder), ladder))
      return { from: String(current.version), to: EDITED }
    return { from: String(items[1]?.version ?? current.version), to: String(current.version) }
  }, [items, ladder])
  const from = sides.get(fromKey ?? defaults.from)
  const to = sides.get(toKey ?? defaults.to)

  const restore = (item: LadderHistoryItem) => {
    onRestore?.(ladderBody(item.ladder))
    toast.success(t('ladderInsight.history.restored', { version: item.version }))
  }

  const optionLabel = (key: string) =>
    key === EDITED ? t('ladderInsight.history.edited') : t('ladderInsight.history.version', { version: key })

  return (
    <section className="insight-history" aria-labelledby={titleId} data-testid="ladder-history">
      <h3 className="insight__title" id={titleId}>
        {t('ladderInsight.history.title')}
      </h3>
      {ladderId === null ? (
        <p className="insight__note">{t('ladderInsight.history.newLadder')}</p>
      ) : error ? (
        <p className="insight__error" role="alert">
          {messageFor(error)}
        </p>
      ) : !items ? (
        <LoadingState inline />
      ) : (
        <>
          <ol className="insight-history__versions" aria-label={t('ladderInsight.history.versions')}>
            {items.map((item, index) => (
              <li key={item.version} data-testid="history-version">
                <span className="insight-history__version">
                  {t('ladderInsight.history.version', { version: item.version })}
                  {index === 0 && ` (${t('ladderInsight.history.current')})`}
                </span>
                <span className="insight__note">
                  {t('ladderInsight.history.versionMeta', {
                    who: item.updated_by ?? t('ladderInsight.none'),
                    time: formatDateTime(item.updated_at, language),
                  })}
                </span>
                {index > 0 && onRestore && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t('ladderInsight.history.restoreVersion', { version: item.version })}
                    onClick={() => restore(item)}
                    data-testid="history-restore"
                  >
                    {t('ladderInsight.history.restore')}
                  </Button>
                )}
              </li>
            ))}
          </ol>
          <div className="insight-history__compare">
            {(
              [
                ['from', from, setFromKey],
                ['to', to, setToKey],
              ] as const
            ).map(([side, chosen, choose]) => (
              <label className="field" key={side}>
                <span className="field__label">{t(`ladderInsight.history.${side}`)}</span>
                <select
                  className="input select"
                  value={chosen?.key ?? ''}
                  onChange={(event) => choose(event.target.value)}
                  data-testid={`history-${side}`}
                >
                  {[...sides.keys()].map((key) => (
                    <option key={key} value={key}>
                      {optionLabel(key)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          {from && to && <LadderDiffView before={from.ladder} after={to.ladder} />}
        </>
      )}
    </section>
  )
})

type Texts = { t: TFunction; language: Language; discounts: ReadonlyMap<number, RkDiscount> }

function fieldValue(field: string, value: unknown, texts: Texts): string {
  const { t } = texts
  if (value === null || value === undefined) return t('ladderInsight.none')
  if (typeof value === 'boolean')
    return value ? t('ladderInsight.history.yes') : t('ladderInsight.history.no')
  if (field === 'basis' && (value === 'spend' || value === 'visits')) return t(`ladders.basisValue.${value}`)
  if (field === 'period' && (value === 'all_time' || value === 'rolling_days')) {
    return t(`ladders.periodShort.${value}`)
  }
  return String(value)
}

function stepValue(field: string, value: unknown, basis: LadderCreate['basis'], texts: Texts): string {
  const { t, language, discounts } = texts
  if (value === null || value === undefined) return t('ladderInsight.none')
  if (field === 'threshold' && typeof value === 'number') return thresholdText(basis, value, language, t)
  if ((field === 'bonus_percent' || field === 'max_payment_percent') && typeof value === 'number') {
    return percentText(value, language, t)
  }
  if (field === 'rk_discount_id' && typeof value === 'number') {
    const discount = discounts.get(value)
    return discount ? `${discount.rk_code} · ${discount.name}` : `#${value}`
  }
  return String(value)
}

const stepName = (step: unknown): string =>
  typeof step === 'object' && step !== null && typeof (step as { name?: unknown }).name === 'string'
    ? (step as { name: string }).name
    : ''

/** What changed from `before` to `after`, per field and per step, in words. */
export const LadderDiffView = memo(function LadderDiffView({
  before,
  after,
}: {
  before: LadderCreate
  after: LadderCreate
}): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const discounts = useDiscountMap()
  const diff: LadderDiff = useMemo(() => diffLadders(before, after), [before, after])
  const texts: Texts = { t, language, discounts }
  const change = (values: FieldChange, format: (value: unknown) => string) =>
    t('ladderInsight.history.change', { before: format(values.before), after: format(values.after) })

  if (diff.fields.length === 0 && diff.steps.length === 0) {
    return (
      <p className="insight__note" data-testid="history-same">
        {t('ladderInsight.history.same')}
      </p>
    )
  }
  return (
    <div className="insight-diff" data-testid="history-diff">
      {diff.fields.length > 0 && (
        <>
          <h4 className="insight__subtitle">{t('ladderInsight.history.fields')}</h4>
          <dl className="props">
            {diff.fields.map((field) => (
              <div className="props__row" key={field.field} data-testid="diff-field">
                <dt>{t(`ladderInsight.history.field.${field.field as 'name'}`)}</dt>
                <dd>{change(field, (value) => fieldValue(field.field, value, texts))}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {diff.steps.length > 0 && (
        <>
          <h4 className="insight__subtitle">{t('ladderInsight.history.steps')}</h4>
          <ul className="insight-diff__steps">
            {diff.steps.map((step) => {
              if (step.kind === 'added' || step.kind === 'removed') {
                const body = step.kind === 'added' ? step.after : step.before
                return (
                  <li
                    key={`${step.kind}-${step.index}`}
                    className={`insight-diff__${step.kind}`}
                    data-testid="diff-step"
                  >
                    {t(
                      step.kind === 'added'
                        ? 'ladderInsight.history.stepAdded'
                        : 'ladderInsight.history.stepRemoved',
                      {
                        number: step.index + 1,
                        name: stepName(body),
                      },
                    )}
                  </li>
                )
              }
              return (
                <li key={`changed-${step.index}`} className="insight-diff__changed" data-testid="diff-step">
                  {t('ladderInsight.history.stepChanged', {
                    number: step.index + 1,
                    name: stepName(after.steps[step.index]),
                  })}
                  <dl className="props">
                    {step.changes.map((field) => (
                      <div className="props__row" key={field.field}>
                        <dt>{t(`ladderInsight.history.stepField.${field.field as 'name'}`)}</dt>
                        <dd>
                          {t('ladderInsight.history.change', {
                            before: stepValue(field.field, field.before, before.basis, texts),
                            after: stepValue(field.field, field.after, after.basis, texts),
                          })}
                        </dd>
                      </div>
                    ))}
                  </dl>
                </li>
              )
            })}
          </ul>
        </>
      )}
    </div>
  )
})
