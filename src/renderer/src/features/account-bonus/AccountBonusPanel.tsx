import { useState } from 'react'
import { useT } from '../../app/useT'
import type { AccountLimits, TemporaryIdentifier } from '@shared/api'
import { formatMoney, toKopecks } from '@shared/domain/money'
import type { IpcError } from '@shared/ipc'
import { formatDateTime } from '../../app/format'
import { currentLanguage, type Language } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { ipcErrorOf, useIpcQuery } from '../../app/queries'
import { Button } from '../../components/Button'
import { Banner, LoadingState } from '../../components/states'
import { invoke } from '../../ipc/client'
import { useRole } from '../session/store'
import { AccountCardSection, type AccountPanelProps } from '../accounts/AccountCard'
import { useOnline } from '../sync/store'
import './account-bonus.css'

const money = (roubles: number, language: Language) => formatMoney(toKopecks(roubles), language)

/**
 * The account card's bonus: what may be spent now, what is pending and from when, the limits of paying with
 * bonus left for today / this week / this month, and a temporary identifier (admin) with its expiry.
 */
export function AccountBonusPanel({ account }: Pick<AccountPanelProps, 'account'>): React.JSX.Element {
  const accountId = account.id
  const t = useT()
  const language = currentLanguage()
  const online = useOnline()
  const isAdmin = useRole() === 'admin'
  const query = useIpcQuery('accounts:bonus', { id: accountId })
  const [issued, setIssued] = useState<TemporaryIdentifier | null>(null)
  const [refusal, setRefusal] = useState<IpcError | null>(null)
  const [issuing, setIssuing] = useState(false)
  const bonus = query.data
  const error = ipcErrorOf(query.error)

  const issue = async () => {
    setIssuing(true)
    setRefusal(null)
    const result = await invoke('accounts:temporary-identifier', { id: accountId })
    setIssuing(false)
    if (result.ok) setIssued(result.data)
    else setRefusal(result.error)
  }

  const issueBlocked = !online
    ? t('errors.offline')
    : bonus && !bonus.temporary_identifiers
      ? t('accountBonus.tempOff')
      : null

  return (
    <AccountCardSection title={t('accountBonus.title')} testId="account-bonus">
      {!bonus ? (
        error ? (
          <Banner tone="danger" icon="alert">
            {messageFor(error)}
          </Banner>
        ) : (
          <LoadingState inline label={t('accountBonus.loading')} />
        )
      ) : (
        <>
          <dl className="props">
            <div className="props__row">
              <dt>{t('accountBonus.balance')}</dt>
              <dd className="num">{money(bonus.balance, language)}</dd>
            </div>
            <div className="props__row">
              <dt>{t('accountBonus.available')}</dt>
              <dd className="num" data-testid="bonus-available">
                {money(
                  Math.max(0, (toKopecks(bonus.balance) - toKopecks(bonus.pending_balance)) / 100),
                  language,
                )}
              </dd>
            </div>
            <div className="props__row">
              <dt>{t('accountBonus.pending')}</dt>
              <dd data-testid="bonus-pending">
                {bonus.pending_balance === 0 ? (
                  <span className="muted">{t('accountBonus.pendingNone')}</span>
                ) : (
                  <>
                    <span className="num">{money(bonus.pending_balance, language)}</span>
                    {bonus.pending_complete ? (
                      <ul className="account-bonus__pending">
                        {bonus.pending.map((credit, index) => (
                          <li key={index}>
                            {t('accountBonus.pendingAt', {
                              amount: money(credit.amount, language),
                              time: formatDateTime(credit.available_at, language),
                            })}
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <p className="muted">{t('accountBonus.pendingTotalOnly')}</p>
                    )}
                  </>
                )}
              </dd>
            </div>
          </dl>
          <Limits limits={bonus.limits} language={language} />
        </>
      )}
      {isAdmin && (
        <div className="account-bonus__issue stack">
          <div className="row">
            <Button
              icon="identifier"
              disabled={Boolean(issueBlocked) || !bonus}
              aria-describedby={issueBlocked ? `account-bonus-issue-${accountId}` : undefined}
              loading={issuing}
              onClick={() => void issue()}
              data-testid="bonus-issue"
            >
              {t('accountBonus.issue')}
            </Button>
            {issueBlocked && (
              <span className="muted" id={`account-bonus-issue-${accountId}`}>
                {issueBlocked}
              </span>
            )}
          </div>
          <p role="status" data-testid="bonus-issued">
            {issued &&
              t('accountBonus.issued', {
                value: issued.value,
                time: formatDateTime(issued.expires_at, language),
              })}
          </p>
          {refusal && (
            <Banner tone="danger" icon="alert">
              {messageFor(refusal)}
            </Banner>
          )}
        </div>
      )}
    </AccountCardSection>
  )
}

function Limits({ limits, language }: { limits: AccountLimits; language: Language }): React.JSX.Element {
  const t = useT()
  const rows = [
    ['today', limits.per_day],
    ['week', limits.per_week],
    ['month', limits.per_month],
  ] as const
  return (
    <>
      <p className="account-bonus__subtitle muted">{t('accountBonus.limits')}</p>
      <dl className="props" data-testid="bonus-limits">
        {rows.map(([key, limit]) => (
          <div className="props__row" key={key}>
            <dt>{t(`accountBonus.${key}`)}</dt>
            <dd className="num">
              {limit.limit === null || limit.left === null
                ? t('accountBonus.noLimit')
                : t('accountBonus.left', {
                    left: money(limit.left, language),
                    limit: money(limit.limit, language),
                  })}
            </dd>
          </div>
        ))}
      </dl>
    </>
  )
}
