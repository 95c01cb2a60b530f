// The impact of publishing the ladder as edited (`ladders:preview`): guests per step now and after, how many
// move up, down or stay, who moves, and the bonus of the last 30 days' purchases under both ladders. Asked on
// request (it counts every guest of the groups that use the ladder), for the ladder as it was when asked.
import { lazy, memo, Suspense, useCallback, useId, useMemo, useState } from 'react'
import { useT } from '../../../app/useT'
import type { LadderCreate, LadderPreview, LadderPreviewSample } from '@shared/api'
import { formatMoney, ladderErrors, sameValue, validateLadder } from '@shared/domain'
import { formatNumber } from '../../../app/format'
import { currentLanguage } from '../../../app/i18n'
import { messageFor } from '../../../app/messages'
import { ipcErrorOf, useIpcQuery } from '../../../app/queries'
import { Button } from '../../../components/Button'
import { LoadingState } from '../../../components/states'
import { kopecksOf, type InsightProps } from './model'
import { stepRefText } from './format'

const ImpactChartView = lazy(() => import('./ImpactChartView'))

export const LadderImpact = memo(function LadderImpact({
  ladder,
  ladderId,
}: InsightProps): React.JSX.Element {
  const t = useT()
  const [asked, setAsked] = useState<LadderCreate | null>(null)
  const input = useMemo(() => (asked ? { ladder: { ...asked, id: ladderId } } : null), [asked, ladderId])
  const query = useIpcQuery('ladders:preview', input)
  const valid = useMemo(() => ladder !== null && ladderErrors(validateLadder(ladder)).length === 0, [ladder])
  const error = ipcErrorOf(query.error)
  const stale = asked !== null && ladder !== null && !sameValue(asked, ladder)
  const titleId = useId()

  return (
    <section className="insight-impact" aria-labelledby={titleId} data-testid="ladder-impact">
      <h3 className="insight__title" id={titleId}>
        {t('ladderInsight.impact.title')}
      </h3>
      {!asked && <p className="insight__note">{t('ladderInsight.impact.hint')}</p>}
      {!valid && <p className="insight__note">{t('ladderInsight.impact.notValid')}</p>}
      <Button
        variant={asked ? 'secondary' : 'primary'}
        disabled={!valid}
        loading={query.isFetching}
        onClick={() => {
          if (!ladder) return
          if (asked && sameValue(asked, ladder)) void query.refetch()
          else setAsked(ladder)
        }}
        data-testid="impact-run"
      >
        {asked ? t('ladderInsight.impact.rerun') : t('ladderInsight.impact.run')}
      </Button>
      {stale && query.data && <p className="insight__note">{t('ladderInsight.impact.stale')}</p>}
      {query.isFetching && !query.data && <LoadingState inline label={t('ladderInsight.impact.running')} />}
      {error && (
        <p className="insight__error" role="alert">
          {messageFor(error)}
        </p>
      )}
      {query.data && !error && <ImpactResult preview={query.data} />}
    </section>
  )
})

function ImpactResult({ preview }: { preview: LadderPreview }): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const count = useCallback((value: number) => formatNumber(value, language), [language])
  const bars = useMemo(
    () =>
      preview.steps.map((step) => ({ name: step.name, before: step.accounts_before, after: step.accounts })),
    [preview.steps],
  )
  const labels = useMemo(
    () => ({ before: t('ladderInsight.impact.before'), after: t('ladderInsight.impact.after') }),
    [t],
  )
  const current = kopecksOf(preview.bonus_estimate.current)
  const proposed = kopecksOf(preview.bonus_estimate.proposed)
  const delta = proposed - current
  return (
    <div className="insight-impact__result" data-testid="impact-result">
      <dl className="insight-impact__moves">
        {(
          [
            ['up', t('ladderInsight.impact.movedUp'), preview.moved_up],
            ['down', t('ladderInsight.impact.movedDown'), preview.moved_down],
            ['same', t('ladderInsight.impact.unchanged'), preview.unchanged],
            ['held', t('ladderInsight.impact.overridden'), preview.overridden],
          ] as const
        ).map(([key, label, value]) => (
          <div key={key} className={`insight-stat insight-stat--${key}`}>
            <dt>{label}</dt>
            <dd data-testid={`impact-${key}`}>{count(value)}</dd>
          </div>
        ))}
      </dl>
      <div className="insight-chart__canvas" aria-hidden="true">
        <Suspense fallback={<LoadingState inline label={t('ladderInsight.chart.loading')} />}>
          <ImpactChartView bars={bars} labels={labels} formatCount={count} />
        </Suspense>
      </div>
      <table className="simple-table" aria-label={t('ladderInsight.impact.chartLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('ladderInsight.impact.step')}</th>
            <th scope="col" className="num">
              {t('ladderInsight.impact.before')}
            </th>
            <th scope="col" className="num">
              {t('ladderInsight.impact.after')}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.steps.map((step) => (
            <tr key={step.index} data-testid="impact-step">
              <th scope="row">{stepRefText(step, t)}</th>
              <td className="num">{count(step.accounts_before)}</td>
              <td className="num">{count(step.accounts)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className="insight__subtitle">{t('ladderInsight.impact.bonusTitle')}</h4>
      <dl className="props" data-testid="impact-bonus">
        <div className="props__row">
          <dt>{t('ladderInsight.impact.bonusCurrent')}</dt>
          <dd data-testid="impact-bonus-current">{formatMoney(current, language)}</dd>
        </div>
        <div className="props__row">
          <dt>{t('ladderInsight.impact.bonusProposed')}</dt>
          <dd data-testid="impact-bonus-proposed">{formatMoney(proposed, language)}</dd>
        </div>
        <div className="props__row">
          <dt>{t('ladderInsight.impact.bonusDelta')}</dt>
          <dd data-testid="impact-bonus-delta">
            {delta > 0 ? '+' : ''}
            {formatMoney(delta, language)}
          </dd>
        </div>
      </dl>
      <Samples
        title={t('ladderInsight.impact.samplesUp')}
        samples={preview.samples.moved_up}
        testId="impact-up"
      />
      <Samples
        title={t('ladderInsight.impact.samplesDown')}
        samples={preview.samples.moved_down}
        testId="impact-down"
      />
      <p className="insight__note">{t('ladderInsight.impact.samplesNote')}</p>
    </div>
  )
}

function Samples({
  title,
  samples,
  testId,
}: {
  title: string
  samples: readonly LadderPreviewSample[]
  testId: string
}): React.JSX.Element {
  const t = useT()
  return (
    <>
      <h4 className="insight__subtitle">{title}</h4>
      {samples.length === 0 ? (
        <p className="insight__note">{t('ladderInsight.impact.nobody')}</p>
      ) : (
        <table className="simple-table" aria-label={title} data-testid={`${testId}-samples`}>
          <thead>
            <tr>
              <th scope="col">{t('ladderInsight.impact.card')}</th>
              <th scope="col">{t('ladderInsight.impact.holder')}</th>
              <th scope="col">{t('ladderInsight.impact.move')}</th>
            </tr>
          </thead>
          <tbody>
            {samples.map((sample) => (
              <tr key={sample.account_id}>
                <td>{sample.number}</td>
                <td>{sample.holder_name ?? t('ladderInsight.none')}</td>
                <td>
                  {t('ladderInsight.impact.moveText', {
                    from: stepRefText(sample.from_step, t),
                    to: stepRefText(sample.to_step, t),
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}
