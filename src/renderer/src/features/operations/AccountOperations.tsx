// An account's bonus operations: the history (paged by the server, filtered by type and dates) and, for an
// administrator, a deposit or a withdrawal with a confirmation. Money operations are online only: offline the
// buttons are disabled and say why; nothing is queued.
import { useId, useState } from 'react'
import { useT } from '../../app/useT'
import type { Account, OperationKind, OperationType } from '@shared/api'
import { mayWrite, operationCreateCommand } from '@shared/resources'
import { formatDateTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { usePagedList } from '../../app/queries'
import { Button } from '../../components/Button'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { useRole } from '../session/store'
import { useOnline } from '../sync/store'
import { formatRoubles, useMoney } from './money'
import { OperationDialog } from './OperationDialog'
import './operations.css'

export type OperableAccount = Pick<Account, 'id' | 'balance' | 'blocked'> & { number?: string }

const PAGE = 20
const TYPES: readonly OperationType[] = ['deposit', 'withdraw', 'bonus']

/** Why the money buttons are off, or null when they are on. */
function useOperationsBlocked(account: OperableAccount): string | null {
  const t = useT()
  const online = useOnline()
  const canWrite = mayWrite(useRole(), operationCreateCommand)
  if (!canWrite) return t('operations.readOnly')
  if (account.blocked) return t('operations.blocked')
  if (!online) return t('operations.offline')
  return null
}

export function AccountOperations({ account }: { account: OperableAccount }): React.JSX.Element {
  const t = useT()
  const headingId = useId()
  const reasonId = useId()
  const [dialog, setDialog] = useState<OperationKind | null>(null)
  const blocked = useOperationsBlocked(account)
  return (
    <section className="account-operations" aria-labelledby={headingId} data-testid="account-operations">
      <header className="account-operations__header">
        <h2 id={headingId} className="account-operations__title">
          {t('operations.title')}
        </h2>
        <div className="account-operations__actions">
          {(['deposit', 'withdraw'] as const).map((kind) => (
            <Button
              key={kind}
              variant={kind === 'deposit' ? 'primary' : 'secondary'}
              icon={kind === 'deposit' ? 'plus' : 'download'}
              disabled={blocked !== null}
              aria-describedby={blocked !== null ? reasonId : undefined}
              onClick={() => setDialog(kind)}
              data-testid={`operation-${kind}`}
            >
              {t(`operations.${kind}`)}
            </Button>
          ))}
        </div>
      </header>
      {blocked !== null && (
        <p
          id={reasonId}
          className="account-operations__reason muted"
          data-testid="operations-disabled-reason"
        >
          {blocked}
        </p>
      )}
      <OperationsHistory accountId={account.id} />
      {dialog && (
        <OperationDialog key={dialog} kind={dialog} account={account} onClose={() => setDialog(null)} />
      )}
    </section>
  )
}

/** The ledger of one account, newest first, a page at a time. */
export function OperationsHistory({ accountId }: { accountId: number }): React.JSX.Element {
  const t = useT()
  const money = useMoney()
  const language = currentLanguage()
  const [type, setType] = useState<OperationType | ''>('')
  const [from, setFrom] = useState('')
  const [to, setTo] = useState('')
  const [offset, setOffset] = useState(0)
  const filters = {
    account_id: accountId,
    ...(type ? { type } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  }
  const list = usePagedList('operations:list', filters, { offset, limit: PAGE })
  const filtered = type !== '' || from !== '' || to !== ''
  const filter = (apply: () => void) => {
    apply()
    setOffset(0)
  }
  const ids = { type: useId(), from: useId(), to: useId() }

  let body: React.ReactNode
  if (list.loading) body = <LoadingState label={t('operations.loading')} />
  else if (list.error && list.items.length === 0)
    body = (
      <ErrorState
        title={t('operations.loadError')}
        message={messageFor(list.error)}
        onRetry={() => void list.reload()}
      />
    )
  else if (list.items.length === 0)
    body = <EmptyState icon="info" title={filtered ? t('operations.emptyFiltered') : t('operations.empty')} />
  else
    body = (
      <>
        {/* Scrolls sideways in a narrow pane; focusable so the keyboard can scroll it too. */}
        <div
          className="account-operations__scroll"
          role="region"
          aria-label={t('operations.tableLabel')}
          tabIndex={0}
        >
          <table className="simple-table account-operations__table" aria-label={t('operations.tableLabel')}>
            <thead>
              <tr>
                <th scope="col">{t('operations.columns.date')}</th>
                <th scope="col">{t('operations.columns.type')}</th>
                <th scope="col" className="num">
                  {t('operations.columns.amount')}
                </th>
                <th scope="col" className="num">
                  {t('operations.columns.balanceAfter')}
                </th>
                <th scope="col">{t('operations.columns.comment')}</th>
                <th scope="col">{t('operations.columns.by')}</th>
              </tr>
            </thead>
            <tbody aria-busy={list.previous || undefined}>
              {list.items.map((operation) => (
                <tr key={operation.id} data-testid="operation-row">
                  <td>{formatDateTime(operation.created_at, language)}</td>
                  <td>{t(`operations.type.${operation.type}`)}</td>
                  <td className={`num operation-amount operation-amount--${operation.type}`}>
                    {operation.type === 'withdraw' ? '−' : '+'}
                    {formatRoubles(operation.amount, language)}
                  </td>
                  <td className="num">{money(operation.balance_after)}</td>
                  <td>{operation.comment ?? ''}</td>
                  <td>{operation.created_by ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <nav className="account-operations__pager" aria-label={t('operations.pager')}>
          <span className="muted" aria-live="polite">
            {t('operations.page', {
              from: list.offset + 1,
              to: list.offset + list.items.length,
              total: list.total,
            })}
          </span>
          <Button
            size="sm"
            variant="ghost"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('operations.previous')}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            disabled={offset + PAGE >= list.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('operations.next')}
          </Button>
        </nav>
      </>
    )

  return (
    <div className="account-operations__history">
      <div className="account-operations__filters" role="group" aria-label={t('operations.filters')}>
        <label htmlFor={ids.type}>{t('operations.filterType')}</label>
        <select
          id={ids.type}
          className="input select"
          value={type}
          onChange={(event) => filter(() => setType(event.target.value as OperationType | ''))}
          data-testid="operations-type"
        >
          <option value="">{t('operations.allTypes')}</option>
          {TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`operations.type.${value}`)}
            </option>
          ))}
        </select>
        <label htmlFor={ids.from}>{t('operations.from')}</label>
        <input
          id={ids.from}
          type="date"
          className="input"
          value={from}
          max={to || undefined}
          onChange={(event) => filter(() => setFrom(event.target.value))}
        />
        <label htmlFor={ids.to}>{t('operations.to')}</label>
        <input
          id={ids.to}
          type="date"
          className="input"
          value={to}
          min={from || undefined}
          onChange={(event) => filter(() => setTo(event.target.value))}
        />
      </div>
      {body}
    </div>
  )
}
