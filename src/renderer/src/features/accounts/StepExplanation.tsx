// The account's step and why: the accumulated value against the ladder's thresholds, how far the next step is,
// for a rolling period which purchases count and when they stop, for a ladder without downgrade the step held and
// since when. The rules are the shared explainStep (shared/domain/step-explanation.ts).
import { useMemo } from 'react'
import type { TFunction } from 'i18next'
import { useT } from '../../app/useT'
import type { Account, Ladder } from '@shared/api'
import { explainStep, formatMoney, toKopecks, type StepExplanation as Explained } from '@shared/domain'
import { formatDateTime, formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { ipcErrorOf, useIpcQuery } from '../../app/queries'
import { hrefTo } from '../../app/router'
import { LoadingState } from '../../components/states'
import { stepOverrideWhy } from '../step-override/model'

/** Purchases read for the explanation: enough for any window a person reads; beyond, it says it is partial. */
const PURCHASES_READ = 500

export function StepExplanation({
  account,
  ladder,
  now = Date.now,
}: {
  account: Account
  ladder: Ladder
  now?: () => number
}): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  // Every ladder gets the purchases when they can say something: a rolling window, or the day a held step came.
  const needsPurchases = ladder.period === 'rolling_days' || !ladder.downgrade
  const purchases = useIpcQuery(
    'accounts:purchases',
    needsPurchases ? { id: account.id, limit: PURCHASES_READ } : null,
  )
  const explained = useMemo<Explained | null>(() => {
    if (needsPurchases && !purchases.data) return null
    const bills = purchases.data?.items ?? []
    const complete = !purchases.data || purchases.data.total <= bills.length
    return explainStep(ladder, account, bills, now(), complete)
  }, [ladder, account, purchases.data, needsPurchases, now])

  const value = (amount: number) =>
    ladder.basis === 'spend'
      ? formatMoney(toKopecks(amount), language)
      : t('accounts.step.visits', { count: amount, formatted: formatNumber(amount, language) })

  if (needsPurchases && purchases.error) {
    return (
      <p className="muted" role="alert">
        {t('accounts.step.purchasesFailed', {
          message: messageFor(ipcErrorOf(purchases.error) ?? { code: 'internal' }),
        })}
      </p>
    )
  }
  if (!explained) return <LoadingState inline label={t('accounts.step.loading')} />

  const currentName = explained.current === null ? null : (ladder.steps[explained.current]?.name ?? null)
  const periodText =
    explained.window !== null
      ? t('accounts.step.periodRolling', { count: explained.window.days })
      : t('accounts.step.periodAllTime')

  return (
    <div className="step-why" data-testid="step-explanation">
      <p className="step-why__lead">
        {currentName === null
          ? t('accounts.step.noStep')
          : t('accounts.step.current', { step: currentName, ladder: ladder.name })}{' '}
        <a href={hrefTo('ladders', ladder.id)}>{t('accounts.step.openLadder')}</a>
      </p>
      <p data-testid="step-accumulated">
        {t(ladder.basis === 'spend' ? 'accounts.step.accumulatedSpend' : 'accounts.step.accumulatedVisits', {
          value: value(explained.accumulated),
          period: periodText,
        })}
      </p>
      <p data-testid="step-reason">{reasonText(explained, ladder, t, language)}</p>
      {account.step_override && (
        <p data-testid="step-override-why">{stepOverrideWhy(account, t, language)}</p>
      )}
      <table className="step-why__ladder">
        <caption className="visually-hidden">{t('accounts.step.thresholds')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('accounts.step.stepColumn')}</th>
            <th scope="col" className="num">
              {t('accounts.step.thresholdColumn')}
            </th>
            <th scope="col">{t('accounts.step.stateColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {explained.thresholds.map((row) => (
            <tr key={row.index} className={row.current ? 'is-current' : undefined}>
              <th scope="row">{row.name}</th>
              <td className="num">{t('accounts.step.from', { value: value(row.threshold) })}</td>
              <td>
                {row.current
                  ? t('accounts.step.here')
                  : row.reached
                    ? t('accounts.step.reached')
                    : t('accounts.step.missing', { value: value(row.missing) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="step-next">
        {explained.next
          ? t('accounts.step.next', { step: explained.next.name, value: value(explained.next.missing) })
          : t('accounts.step.top')}
      </p>
      {explained.window && (
        <div className="step-why__window" data-testid="step-window">
          <p>
            {t('accounts.step.windowFrom', {
              days: explained.window.days,
              from: formatDateTime(explained.window.from, language),
            })}
            {explained.window.partial && ` ${t('accounts.step.partial', { count: PURCHASES_READ })}`}
          </p>
          {explained.window.purchases.length === 0 ? (
            <p className="muted">{t('accounts.step.noPurchases')}</p>
          ) : (
            <table className="step-why__purchases">
              <caption className="visually-hidden">{t('accounts.step.countedPurchases')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('accounts.step.purchaseAt')}</th>
                  <th scope="col" className="num">
                    {t('accounts.step.purchaseAmount')}
                  </th>
                  <th scope="col">{t('accounts.step.countsUntil')}</th>
                </tr>
              </thead>
              <tbody>
                {explained.window.purchases.slice(0, 50).map((bill) => (
                  <tr key={bill.id}>
                    <td>{formatDateTime(bill.created_at, language)}</td>
                    <td className="num">{formatMoney(toKopecks(bill.amount), language)}</td>
                    <td>{formatDateTime(bill.counts_until, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {explained.window.purchases.length > 50 && (
            <p className="muted">
              {t('accounts.step.morePurchases', { count: explained.window.purchases.length - 50 })}
            </p>
          )}
          {explained.window.next_expiry && (
            <p data-testid="step-expiry">
              {t(ladder.downgrade ? 'accounts.step.expiry' : 'accounts.step.expiryHeld', {
                at: formatDateTime(explained.window.next_expiry.at, language),
                value: value(explained.window.next_expiry.accumulated),
                step:
                  explained.window.next_expiry.step === null
                    ? '—'
                    : (ladder.steps[explained.window.next_expiry.step]?.name ?? '—'),
              })}
            </p>
          )}
        </div>
      )}
    </div>
  )
}

function reasonText(
  explained: Explained,
  ladder: Ladder,
  t: TFunction,
  language: ReturnType<typeof currentLanguage>,
): string {
  switch (explained.reason) {
    case 'value':
      return t('accounts.step.reasonValue')
    case 'held': {
      const byValue = explained.by_value === null ? '—' : (ladder.steps[explained.by_value]?.name ?? '—')
      return explained.held?.since
        ? t('accounts.step.reasonHeldSince', {
            step: explained.held.name,
            since: formatDateTime(explained.held.since, language),
            byValue,
          })
        : t('accounts.step.reasonHeld', { step: explained.held?.name ?? '', byValue })
    }
    case 'other':
      return t('accounts.step.reasonOther')
    case 'none':
      return t('accounts.step.reasonNone')
  }
}
