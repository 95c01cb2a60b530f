// A deposit or withdrawal on one account: the amount and comment, then a confirmation that says what happens to
// the balance, then the answer. A retry after a lost answer sends the same attempt (same Idempotency-Key).
import { useRef, useState } from 'react'
import { useForm } from 'react-hook-form'
import { useT } from '../../app/useT'
import { operationCreate, type OperationKind } from '@shared/api'
import { fromKopecks, toKopecks } from '@shared/domain'
import { codedResolver } from '../../app/form-resolver'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { MoneyField, TextField } from '../../components/fields'
import { Banner } from '../../components/states'
import { toast } from '../../components/toast-store'
import { useOnline } from '../sync/store'
import type { OperableAccount } from './AccountOperations'
import { useMoneyCommand } from './attempts'
import { FailedAttempt } from './FailedAttempt'
import { useMoney } from './money'

interface OperationForm {
  amount: number | null
  comment: string | null
}

const formSchema = operationCreate.pick({ amount: true, comment: true })

export function OperationDialog({
  kind,
  account,
  onClose,
}: {
  kind: OperationKind
  account: OperableAccount
  onClose: () => void
}): React.JSX.Element {
  const t = useT()
  const money = useMoney()
  const online = useOnline()
  const confirmRef = useRef<HTMLButtonElement>(null)
  const [step, setStep] = useState<'form' | 'confirm'>('form')
  const form = useForm<OperationForm>({
    defaultValues: { amount: null, comment: null },
    resolver: codedResolver(formSchema),
  })
  const { state, send, reset } = useMoneyCommand('operations:create', `account:${account.id}`)
  const values = form.getValues()
  const amount = values.amount ?? 0
  const delta = kind === 'deposit' ? toKopecks(amount) : -toKopecks(amount)
  const label = account.number ?? `#${account.id}`
  const sending = state.status === 'sending'

  const submit = async () => {
    const { amount: value, comment } = form.getValues()
    if (value === null) return
    const outcome = await send({
      account_id: account.id,
      type: kind,
      amount: value,
      comment: comment ?? null,
    })
    if (outcome.status === 'done') {
      toast.success(t('operations.dialog.done', { balance: money(outcome.result.balance_after) }))
      onClose()
    }
  }

  const title =
    kind === 'deposit' ? t('operations.dialog.depositTitle') : t('operations.dialog.withdrawTitle')
  return (
    <Dialog
      open
      title={title}
      size="sm"
      role={step === 'confirm' ? 'alertdialog' : 'dialog'}
      dismissible={!sending}
      onClose={onClose}
      initialFocus={step === 'confirm' ? confirmRef : undefined}
      footer={
        step === 'form' ? (
          <>
            <Button variant="ghost" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button variant="primary" type="submit" form="operation-form" data-testid="operation-next">
              {t('operations.dialog.next')}
            </Button>
          </>
        ) : (
          <>
            <Button
              variant="ghost"
              disabled={sending}
              onClick={() => {
                reset()
                setStep('form')
              }}
            >
              {t('operations.dialog.back')}
            </Button>
            <Button
              ref={confirmRef}
              variant={kind === 'withdraw' ? 'danger' : 'primary'}
              loading={sending}
              disabled={sending || !online}
              onClick={() => void submit()}
              data-testid="operation-confirm"
            >
              {state.status === 'failed' && state.unknown
                ? t('operations.dialog.retry')
                : t('operations.dialog.confirm')}
            </Button>
          </>
        )
      }
    >
      {step === 'form' ? (
        <form
          id="operation-form"
          className="operation-form"
          noValidate
          onSubmit={(event) => void form.handleSubmit(() => setStep('confirm'))(event)}
        >
          <MoneyField
            control={form.control}
            name="amount"
            label={t('operations.dialog.amount')}
            hint={t('operations.dialog.balanceHint', { balance: money(account.balance) })}
            required
          />
          <TextField
            control={form.control}
            name="comment"
            label={t('operations.dialog.comment')}
            maxLength={500}
            emptyAsNull
          />
        </form>
      ) : (
        <div className="operation-confirm" data-testid="operation-confirmation">
          <p className="operation-confirm__question">
            {kind === 'deposit'
              ? t('operations.dialog.confirmDeposit', { amount: money(amount), account: label })
              : t('operations.dialog.confirmWithdraw', { amount: money(amount), account: label })}
          </p>
          <p className="muted">
            {t('operations.dialog.balanceChange', {
              before: money(account.balance),
              after: money(fromKopecks(Math.max(0, toKopecks(account.balance) + delta))),
            })}
          </p>
          {values.comment && <p className="muted">«{values.comment}»</p>}
          {!online && <Banner tone="warning">{t('operations.offline')}</Banner>}
          {sending && <p role="status">{t('operations.dialog.sending')}</p>}
          {state.status === 'failed' && <FailedAttempt error={state.error} unknown={state.unknown} />}
        </div>
      )}
    </Dialog>
  )
}
