// What one bill gives one guest under the ladder as edited: pick a real guest (or type what was accumulated),
// type a bill, and read the step, the RK discount, the bonus, the pay-with-bonus cap, the way to the next step
// and, for a rolling ladder, what keeps the current one. Computed here with the shared simulateBill (stepFor +
// benefitsFor, as the server's purchase), no round trip. The pay-with-bonus cap of a real guest follows the
// server's rule (shared paymentAllowance): the spendable balance and what is left of the guest's limits for the
// current business day, week and month, read once from main (`accounts:bonus`) when the guest is picked.
import { memo, useId, useState } from 'react'
import type { TFunction } from 'i18next'
import { useT } from '../../../app/useT'
import type { Account, AccountLimits, LadderCreate, RkDiscount } from '@shared/api'
import { LIMIT_RULES, formatMoney, formatMoneyInput, parseMoney } from '@shared/domain'
import {
  guestPlacement,
  simulateBill,
  simulatedPayment,
  type GuestBonus,
  type Simulation,
} from '@shared/domain/simulate'
import { currentLanguage, type Language } from '../../../app/i18n'
import { messageFor } from '../../../app/messages'
import { ipcErrorOf, useIpcQuery } from '../../../app/queries'
import { useDebouncedValue } from '../../../app/useDebouncedValue'
import { Button } from '../../../components/Button'
import { SearchInput } from '../../../components/fields'
import { guestLabel, kopecksOf, useDiscountMap, type InsightProps } from './model'
import { percentText, stepRefText, unitsText } from './format'

/**
 * Where the pay-with-bonus cap's account figures come from: none (a typed value), the server's (being read, or
 * read), or only the guest's card when the server could not be asked (no limits then).
 */
type PaymentSource =
  | { kind: 'typed' }
  | { kind: 'loading' }
  | { kind: 'server'; bonus: GuestBonus & { limits: AccountLimits } }
  | { kind: 'card'; bonus: GuestBonus; reason: string }

/** What the accumulated field starts with for a guest: their totals, or nothing for a rolling ladder. */
function accumulatedOf(account: Account, ladder: LadderCreate, language: Language): string {
  if (ladder.period === 'rolling_days') return ''
  return ladder.basis === 'spend'
    ? formatMoneyInput(kopecksOf(account.spend_total), language)
    : String(account.visits)
}

/** Accumulated units from the field: kopecks (`spend`) or whole visits; null when it is not one. */
function parseAccumulated(text: string, basis: LadderCreate['basis'], language: Language): number | null {
  if (basis === 'spend') return parseMoney(text, language)
  const trimmed = text.trim()
  return /^\d{1,9}$/u.test(trimmed) ? Number(trimmed) : null
}

function GuestPicker({ onPick }: { onPick: (account: Account) => void }): React.JSX.Element {
  const t = useT()
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim(), 300)
  const query = useIpcQuery('accounts:list', q === '' ? null : { q, offset: 0, limit: 8 }, {
    keepPrevious: true,
  })
  const error = ipcErrorOf(query.error)
  const items = q === '' ? [] : (query.data?.items ?? [])
  return (
    <div className="insight-sim__picker">
      <SearchInput
        value={text}
        onChange={setText}
        label={t('ladderInsight.simulator.search')}
        searchTarget={false}
      />
      <div aria-live="polite" className="insight-sim__found">
        {q !== '' && query.isFetching && items.length === 0 && (
          <p className="insight__note">{t('ladderInsight.simulator.searching')}</p>
        )}
        {error && <p className="insight__note">{messageFor(error)}</p>}
        {q !== '' && !query.isFetching && !error && items.length === 0 && (
          <p className="insight__note">{t('ladderInsight.simulator.noGuests')}</p>
        )}
        {items.length > 0 && (
          <ul className="insight-sim__results" aria-label={t('ladderInsight.simulator.results')}>
            {items.map((account) => (
              <li key={account.id}>
                <Button
                  variant="ghost"
                  size="sm"
                  data-testid="simulator-guest"
                  aria-label={t('ladderInsight.simulator.pick', { guest: guestLabel(account) })}
                  onClick={() => {
                    onPick(account)
                    setText('')
                  }}
                >
                  {guestLabel(account)}
                  {account.phone ? ` · ${account.phone}` : ''}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  )
}

export const LadderSimulator = memo(function LadderSimulator({
  ladder,
  ladderId,
}: InsightProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const discounts = useDiscountMap()
  const [guest, setGuest] = useState<Account | null>(null)
  const [accumulatedText, setAccumulatedText] = useState('')
  const [billText, setBillText] = useState('')
  const ids = { accumulated: useId(), bill: useId(), accumulatedError: useId(), billError: useId() }

  const basis = ladder?.basis ?? 'spend'
  const accumulated = parseAccumulated(accumulatedText, basis, language)
  const bill = parseMoney(billText, language)
  const { ownLadder, highestReached, override } = guestPlacement(guest, ladderId)
  const bonusQuery = useIpcQuery('accounts:bonus', guest ? { id: guest.id } : null)
  const bonusError = ipcErrorOf(bonusQuery.error)
  const paymentSource: PaymentSource = !guest
    ? { kind: 'typed' }
    : bonusQuery.data
      ? { kind: 'server', bonus: bonusQuery.data }
      : bonusError
        ? {
            kind: 'card',
            bonus: { balance: guest.balance, pending_balance: guest.pending_balance, limits: null },
            reason: messageFor(bonusError),
          }
        : { kind: 'loading' }

  // Cheap (a binary search and a few BigInt products): computed on every render, nothing to memoize.
  const result: Simulation | null =
    !ladder || accumulated === null || bill === null
      ? null
      : simulateBill({
          ladder,
          accumulated,
          highestReached,
          override,
          billKopecks: bill,
          discountOf: (id) => discounts.get(id),
        })

  if (!ladder) return <p className="insight__note">{t('ladderInsight.notParsed')}</p>
  const rolling = ladder.period === 'rolling_days'
  const days = ladder.period_days ?? 0

  return (
    <section className="insight-sim" aria-labelledby={`${ids.bill}-title`} data-testid="ladder-simulator">
      <h3 className="insight__title" id={`${ids.bill}-title`}>
        {t('ladderInsight.simulator.title')}
      </h3>
      {guest ? (
        <div className="insight-sim__guest" data-testid="simulator-picked">
          <p>
            <strong>{t('ladderInsight.simulator.picked', { guest: guestLabel(guest) })}</strong>
          </p>
          <p className="insight__note">
            {t('ladderInsight.simulator.guestFacts', {
              step: guest.step?.name ?? t('ladderInsight.simulator.noStep'),
              balance: formatMoney(kopecksOf(guest.balance), language),
              spend: formatMoney(kopecksOf(guest.spend_total), language),
              visits: guest.visits,
            })}
          </p>
          {ladderId !== null && !ownLadder && (
            <p className="insight__note">{t('ladderInsight.simulator.otherLadder')}</p>
          )}
          {rolling && (
            <p className="insight__note">
              {t('ladderInsight.simulator.rollingUnknown', {
                days,
                step: guest.step?.name ?? t('ladderInsight.simulator.noStep'),
              })}
            </p>
          )}
          <Button size="sm" onClick={() => setGuest(null)}>
            {t('ladderInsight.simulator.clear')}
          </Button>
        </div>
      ) : (
        <GuestPicker
          onPick={(account) => {
            setGuest(account)
            setAccumulatedText(accumulatedOf(account, ladder, language))
          }}
        />
      )}

      <div className="insight-sim__inputs">
        <div className="field">
          <label className="field__label" htmlFor={ids.accumulated}>
            {basis === 'spend'
              ? t('ladderInsight.simulator.accumulatedSpend')
              : t('ladderInsight.simulator.accumulatedVisits')}
            {rolling && ` ${t('ladderInsight.simulator.accumulatedRolling', { days })}`}
          </label>
          <input
            id={ids.accumulated}
            className="input"
            inputMode={basis === 'spend' ? 'decimal' : 'numeric'}
            value={accumulatedText}
            onChange={(event) => setAccumulatedText(event.target.value)}
            aria-invalid={accumulatedText !== '' && accumulated === null}
            aria-describedby={ids.accumulatedError}
            data-testid="simulator-accumulated"
          />
          <span className="field__error" id={ids.accumulatedError}>
            {accumulatedText !== '' && accumulated === null
              ? t(
                  basis === 'spend'
                    ? 'ladderInsight.simulator.notMoney'
                    : 'ladderInsight.simulator.notVisits',
                )
              : ''}
          </span>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={ids.bill}>
            {t('ladderInsight.simulator.bill')}
          </label>
          <input
            id={ids.bill}
            className="input"
            inputMode="decimal"
            value={billText}
            onChange={(event) => setBillText(event.target.value)}
            aria-invalid={billText !== '' && bill === null}
            aria-describedby={ids.billError}
            data-testid="simulator-bill"
          />
          <span className="field__error" id={ids.billError}>
            {billText !== '' && bill === null ? t('ladderInsight.simulator.notMoney') : ''}
          </span>
        </div>
      </div>

      {result ? (
        <SimulationResult
          result={result}
          ladder={ladder}
          discounts={discounts}
          paymentSource={paymentSource}
          language={language}
        />
      ) : (
        <p className="insight__note">{t('ladderInsight.simulator.enterBill')}</p>
      )}
    </section>
  )
})

function SimulationResult({
  result,
  ladder,
  discounts,
  paymentSource,
  language,
}: {
  result: Simulation
  ladder: LadderCreate
  discounts: ReadonlyMap<number, RkDiscount>
  paymentSource: PaymentSource
  language: Language
}): React.JSX.Element {
  const t = useT()
  const step = result.step === null ? null : ladder.steps[result.step.index]
  const discountId = step?.rk_discount_id ?? null
  const discount = discountId === null ? undefined : discounts.get(discountId)
  const money = (kopecks: number) => formatMoney(kopecks, language)
  const units = (value: number) => unitsText(ladder.basis, value, language, t)
  const payment =
    paymentSource.kind === 'loading'
      ? null
      : simulatedPayment(result, ladder, paymentSource.kind === 'typed' ? null : paymentSource.bonus)
  const paymentNote = (): string | undefined => {
    if (!payment) return undefined
    switch (payment.rule) {
      case 'bill':
        return t('ladderInsight.simulator.maxPaymentBill')
      case 'balance':
        return t('ladderInsight.simulator.maxPaymentBalance')
      case 'step_cap':
        return t('ladderInsight.simulator.maxPaymentStep', {
          percent: percentText(step?.max_payment_percent, language, t),
        })
      default: {
        const limit = paymentSource.kind === 'server' ? paymentSource.bonus.limits[payment.rule].limit : null
        return t(`ladderInsight.simulator.maxPaymentLimit.${payment.rule}`, {
          limit: limit === null ? '' : formatMoney(kopecksOf(limit), language),
        })
      }
    }
  }
  const rows: [key: string, label: string, value: string, note?: string][] = [
    [
      'step',
      t('ladderInsight.simulator.step'),
      result.step
        ? `${stepRefText(result.step, t)}${
            result.overridden
              ? ` (${t('ladderInsight.simulator.overridden')})`
              : result.held
                ? ` (${t('ladderInsight.simulator.held')})`
                : ''
          }`
        : t('ladderInsight.simulator.noStepApplies'),
    ],
    [
      'discount',
      t('ladderInsight.simulator.rkDiscount'),
      discountId === null
        ? t('ladderInsight.simulator.noDiscount')
        : discount === undefined
          ? t('ladderInsight.simulator.rkUnknown')
          : discount.active
            ? `${discount.name}: ${money(result.benefits.discountKopecks)}`
            : t('ladderInsight.simulator.rkInactive', { name: discount.name }),
    ],
    ['to-pay', t('ladderInsight.simulator.toPay'), money(result.toPayKopecks)],
    ['bonus', t('ladderInsight.simulator.bonus'), money(result.benefits.bonusKopecks)],
    [
      'max-payment',
      t('ladderInsight.simulator.maxPayment'),
      payment ? money(payment.allowed) : t('ladderInsight.simulator.maxPaymentLoading'),
      paymentNote(),
    ],
    [
      'next',
      t('ladderInsight.simulator.next'),
      result.next
        ? t('ladderInsight.simulator.nextText', {
            name: result.next.name,
            remaining: units(result.next.remaining),
          })
        : t('ladderInsight.simulator.top'),
    ],
    ['after', t('ladderInsight.simulator.after'), stepRefText(result.after, t)],
  ]
  if (result.keep) {
    rows.push([
      'keep',
      t('ladderInsight.simulator.keep'),
      t('ladderInsight.simulator.keepText', {
        days: result.keep.days ?? 0,
        threshold: units(result.keep.threshold),
        margin: units(result.keep.margin),
      }),
    ])
  }
  return (
    <>
      <dl
        className="props insight-sim__result"
        aria-label={t('ladderInsight.simulator.result')}
        aria-live="polite"
      >
        {rows.map(([key, label, value, note]) => (
          <div className="props__row" key={key}>
            <dt>{label}</dt>
            <dd>
              <span data-testid={`simulator-${key}`}>{value}</span>
              {note && (
                <span className="insight__note" data-testid={`simulator-${key}-rule`}>
                  {' '}
                  ({note})
                </span>
              )}
            </dd>
          </div>
        ))}
      </dl>
      <p className="insight__note" data-testid="simulator-limits" aria-live="polite">
        {limitsText(paymentSource, language, t)}
      </p>
    </>
  )
}

/** Whether the per-account limits of paying with bonus bound the cap, and what is left of each. */
function limitsText(source: PaymentSource, language: Language, t: TFunction): string {
  switch (source.kind) {
    case 'typed':
      return t('ladderInsight.simulator.limitsTyped')
    case 'loading':
      return t('ladderInsight.simulator.limitsLoading')
    case 'card':
      return t('ladderInsight.simulator.limitsUnknown', { reason: source.reason })
    case 'server': {
      const { limits } = source.bonus
      const set = LIMIT_RULES.flatMap((rule) => {
        const { limit, left } = limits[rule]
        return limit === null || left === null
          ? []
          : [
              t(`ladderInsight.simulator.limitLeft.${rule}`, {
                left: formatMoney(kopecksOf(left), language),
                limit: formatMoney(kopecksOf(limit), language),
              }),
            ]
      })
      return set.length === 0
        ? t('ladderInsight.simulator.limitsNone')
        : t('ladderInsight.simulator.limitsApplied', { list: set.join('; ') })
    }
  }
}
