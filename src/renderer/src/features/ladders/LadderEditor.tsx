// The ladder editor: the ladder's rules and its steps (react-hook-form with the shared checked schema as resolver),
// autosaved as a draft, published through the outbox; the warnings of the shared validator shown as typed; and the
// insight panels (./insight-slots) as tabs next to the form.
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useWatch, type Control, type UseFormReturn } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { AccountGroup, LadderCreate, RkDiscount } from '@shared/api'
import { validateLadder } from '@shared/domain'
import { useIpcQuery } from '../../app/queries'
import { replaceParams } from '../../app/router'
import { Button } from '../../components/Button'
import { NumberField, Select, Switch, TextField } from '../../components/fields'
import { Icon } from '../../components/Icon'
import { toast } from '../../components/toast-store'
import { fieldMessage, messageFor } from '../../app/messages'
import { useFormSelector } from '../../app/useFormSelector'
import { useDraftsStore } from '../drafts/store'
import { EntityEditorFrame } from '../entities/EntityEditor'
import { useEditorPane, type EditorPaneProps } from '../entities/useEditorPane'
import { duplicateOf, groupNames, ladderFromPayload, ladderToForm, type LadderForm } from './form'
import { useChartSources, type ChartSources } from './insight/chart-sources'
import { LadderChartBody } from './insight/LadderChart'
import { LADDER_INSIGHT_PANELS, type LadderInsightPanel, type LadderInsightProps } from './insight-slots'
import { parseLadderForm } from './ladder-parse'
import { LadderSteps, type LiveIssue } from './LadderSteps'
import { useEditedLadder } from './useEditedLadder'

export interface LadderEditorProps extends EditorPaneProps<'ladder'> {
  catalog: readonly RkDiscount[]
  /** The account groups as main has them: which use this ladder (delete is refused while any does). */
  groups: readonly AccountGroup[]
}

function issuesByStep(issues: readonly LiveIssue[]): Map<number, LiveIssue[]> {
  const byStep = new Map<number, LiveIssue[]>()
  for (const issue of issues) {
    const [first, index] = issue.path
    if (first !== 'steps' || typeof index !== 'number') continue
    const list = byStep.get(index) ?? []
    list.push(issue)
    byStep.set(index, list)
  }
  return byStep
}

export function LadderEditor({ catalog, groups, ...props }: LadderEditorProps): React.JSX.Element {
  const t = useT()
  const pane = useEditorPane('ladder', props, {
    toForm: ladderToForm,
    fromPayload: ladderFromPayload,
    parse: parseLadderForm,
    newTitle: t('ladders.newTitle'),
  })
  const { server, editor } = pane
  const { form, readOnly } = editor
  const { control } = form
  const byId = useMemo(() => new Map(catalog.map((discount) => [discount.id, discount])), [catalog])
  const saveDraft = useDraftsStore((store) => store.save)

  // What the shared validator says while typing, with the catalog: warnings (and an RK discount that is not in
  // the catalog) at their steps. Errors show at the fields through the resolver once touched or published. The
  // editor renders again only when what they say changes, not on every keystroke (LadderSteps and its cards are
  // memoized on their props, and each card watches its own fields).
  const selectLiveIssues = useCallback((values: LadderForm) => liveIssuesOf(values, catalog), [catalog])
  // Looked at after the keystroke's task: a warning may show a moment after the key, the chart may not.
  const liveIssues = useFormSelector(form, selectLiveIssues, { afterChange: true })
  const stepIssues = useMemo(() => issuesByStep(liveIssues), [liveIssues])
  const ladderWarnings = useMemo(() => liveIssues.filter((issue) => issue.path[0] !== 'steps'), [liveIssues])

  // After a publish that found errors, every change checks the whole ladder again: a step's own error (nothing
  // given, a threshold below the previous one) depends on its neighbours, not only on the field typed into.
  const submitted = form.formState.submitCount > 0
  useEffect(() => {
    if (!submitted) return
    return form.subscribe({ formState: { values: true }, callback: () => void form.trigger() })
  }, [submitted, form])

  // Switching the period back to «all time» drops the number of days (it would be ignored).
  const period = useWatch({ control, name: 'period' })
  const lastPeriod = useRef(period)
  useEffect(() => {
    if (lastPeriod.current === period) return
    lastPeriod.current = period
    if (period === 'all_time' && form.getValues('period_days') != null) {
      form.setValue('period_days', null, { shouldDirty: true })
    }
  }, [period, form])

  const stepCounts = useIpcQuery('reports:ladder-steps', server ? { ladder_id: server.id } : null)
  // The guests per step of the server's ladder; each step shows its count while its threshold is the server's.
  const accounts = useMemo(() => {
    const counts = new Map<number, number>()
    for (const item of stepCounts.data?.items ?? []) counts.set(item.index, item.accounts)
    return counts
  }, [stepCounts.data])
  const savedThresholds = useMemo(() => server?.steps.map((step) => step.threshold) ?? [], [server])

  const usedBy = useMemo(
    () => (server ? groups.filter((group) => group.ladder_id === server.id) : []),
    [groups, server],
  )

  const [tab, setTab] = useState('steps')
  const tabsId = useId()
  const panels = LADDER_INSIGHT_PANELS
  const activePanel = panels.find((panel) => panel.id === tab)

  if (pane.message) return <>{pane.message}</>

  const duplicate = async () => {
    await editor.flush()
    const values = form.getValues()
    const copy = duplicateOf(values, t('ladders.copyName', { name: values.name?.trim() || '' }))
    const result = await saveDraft({ entity: 'ladder', entity_id: null, payload: copy })
    if (!result.ok) {
      toast.error(messageFor(result.error))
      return
    }
    toast.info(t('ladders.duplicated', { name: copy.name }))
    replaceParams('new', result.data.id)
  }
  const restore = (body: LadderCreate) => {
    const current = form.getValues()
    form.reset(ladderFromPayload(body, current), { keepDefaultValues: true })
    // A reset is not a change: set one field through setValue so the autosave stores the restored ladder.
    form.setValue('name', body.name, { shouldDirty: true })
    setTab('steps')
  }

  const tabId = (id: string) => `${tabsId}-tab-${id}`
  const panelId = (id: string) => `${tabsId}-panel-${id}`
  const tabs = panels.length > 0 && (
    <div className="ladder-tabs" role="tablist" aria-label={t('ladders.tabsLabel')}>
      {[
        { id: 'steps', text: t('ladders.tabSteps') },
        ...panels.map((p) => ({ id: p.id, text: p.label(t) })),
      ].map((item, index, all) => (
        <button
          key={item.id}
          type="button"
          role="tab"
          id={tabId(item.id)}
          aria-selected={tab === item.id}
          aria-controls={panelId(item.id)}
          tabIndex={tab === item.id ? 0 : -1}
          className={tab === item.id ? 'ladder-tabs__tab is-current' : 'ladder-tabs__tab'}
          data-testid={`ladder-tab-${item.id}`}
          onClick={() => setTab(item.id)}
          onKeyDown={(e) => {
            if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return
            e.preventDefault()
            const next = all[(index + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length]
            if (!next) return
            setTab(next.id)
            document.getElementById(tabId(next.id))?.focus()
          }}
        >
          {item.text}
        </button>
      ))}
    </div>
  )
  const stepsShown = !activePanel

  return (
    <EntityEditorFrame
      {...pane.frame}
      deleteBlocked={usedBy.length > 0 ? t('ladders.deleteBlocked', { groups: groupNames(usedBy) }) : null}
      before={
        <>
          {pane.frame.before}
          {tabs}
        </>
      }
      footerExtra={
        <Button variant="ghost" icon="copy" onClick={() => void duplicate()} data-testid="ladder-duplicate">
          {t('ladders.duplicate')}
        </Button>
      }
      after={
        activePanel ? (
          <div role="tabpanel" id={panelId(activePanel.id)} aria-labelledby={tabId(activePanel.id)}>
            <EditedLadderPanel
              form={form}
              Panel={activePanel.Component}
              saved={server}
              rkDiscounts={catalog}
              readOnly={readOnly}
              restore={restore}
            />
          </div>
        ) : (
          <>
            {server && (
              <p className="muted ladder-used-by" data-testid="ladder-used-by">
                {usedBy.length > 0
                  ? t('ladders.usedBy', { groups: groupNames(usedBy) })
                  : t('ladders.usedByNone')}
              </p>
            )}
            <EditedLadderChart form={form} ladderId={server?.id ?? null} />
          </>
        )
      }
    >
      <div
        className={stepsShown ? 'ladder-form' : 'ladder-form is-hidden'}
        {...(panels.length > 0 && {
          role: 'tabpanel',
          id: panelId('steps'),
          'aria-labelledby': tabId('steps'),
        })}
        hidden={!stepsShown}
      >
        <LadderRules control={control} warnings={ladderWarnings} />
        <LadderSteps
          form={form}
          catalog={catalog}
          byId={byId}
          stepIssues={stepIssues}
          accounts={accounts}
          savedThresholds={savedThresholds}
          readOnly={readOnly}
        />
      </div>
    </EntityEditorFrame>
  )
}

/** The shared validator's live issues, as plain data (no lazily made English text), for the steps and the rules. */
function liveIssuesOf(values: LadderForm, catalog: readonly RkDiscount[]): LiveIssue[] {
  return validateLadder(values, { rkDiscounts: catalog }, 'draft')
    .filter((issue) => issue.severity === 'warning' || issue.code === 'rk_discount_missing')
    .map(({ path, severity, code, params }) =>
      params ? { path, severity, code, params } : { path, severity, code },
    )
}

type LadderFormApi = UseFormReturn<LadderForm>

/**
 * The chart of the ladder as edited. Its sources (catalog, guests per step) are read here, where they change; the
 * part under it follows the form, so a keystroke renders that part alone (the editor does not render).
 */
function EditedLadderChart({
  form,
  ladderId,
}: {
  form: LadderFormApi
  ladderId: number | null
}): React.JSX.Element {
  return <EditedChartBody form={form} ladderId={ladderId} {...useChartSources(ladderId)} />
}

function EditedChartBody({
  form,
  ...props
}: { form: LadderFormApi; ladderId: number | null } & ChartSources): React.JSX.Element {
  return <LadderChartBody ladder={useEditedLadder(form)} {...props} />
}

/** An insight panel (simulator, impact, history) given the ladder as edited. */
function EditedLadderPanel({
  form,
  Panel,
  ...props
}: Omit<LadderInsightProps, 'ladder'> & {
  form: LadderFormApi
  Panel: LadderInsightPanel['Component']
}): React.JSX.Element {
  return <Panel ladder={useEditedLadder(form)} {...props} />
}

/** The ladder's own rules (name, basis, period, downgrade, active) and its warnings: rendered when they change. */
const LadderRules = memo(function LadderRules({
  control,
  warnings,
}: {
  control: Control<LadderForm>
  warnings: readonly LiveIssue[]
}): React.JSX.Element {
  const t = useT()
  const [period, downgrade] = useWatch({ control, name: ['period', 'downgrade'] })
  const basisOptions = [
    { value: 'spend', label: t('ladders.basisValue.spend') },
    { value: 'visits', label: t('ladders.basisValue.visits') },
  ]
  const periodOptions = [
    { value: 'all_time', label: t('ladders.periodValue.all_time') },
    { value: 'rolling_days', label: t('ladders.periodShort.rolling_days') },
  ]
  return (
    <>
      <div className="form-grid ladder-form__rules">
        <TextField
          control={control}
          name="name"
          label={t('ladders.name')}
          autoComplete="off"
          className="field--wide"
        />
        <Select
          control={control}
          name="basis"
          label={t('ladders.basis')}
          hint={t('ladders.basisHint')}
          options={basisOptions}
          required
        />
        <Select
          control={control}
          name="period"
          label={t('ladders.period')}
          options={periodOptions}
          required
        />
        {period === 'rolling_days' && (
          <NumberField
            control={control}
            name="period_days"
            label={t('ladders.periodDays')}
            hint={t('ladders.periodDaysHint')}
            suffix={t('ladders.daysSuffix')}
            integer
            required
          />
        )}
      </div>
      <Switch
        control={control}
        name="downgrade"
        label={t('ladders.downgrade')}
        hint={downgrade ? t('ladders.downgradeYesHint') : t('ladders.downgradeNoHint')}
      />
      <Switch control={control} name="active" label={t('ladders.active')} />
      {warnings.map((issue, index) => (
        <p key={index} className="step-card__warning" data-testid="ladder-warning">
          <Icon name="alert" /> {fieldMessage(issue)}
        </p>
      ))}
    </>
  )
})
