// The same deposit or withdrawal on every account of a group (admin): a dry run first (accounts, total), then a
// typed confirmation (the group's name), progress while it runs, then the result — all accounts or none.
import { useId, useMemo, useState } from 'react'
import { useForm, useWatch } from 'react-hook-form'
import { useT } from '../../app/useT'
import { groupOperationCreate, type OperationKind } from '@shared/api'
import type { GroupOperationPreview, IpcError } from '@shared/ipc'
import { groupOperationCommand, mayWrite } from '@shared/resources'
import { codedResolver } from '../../app/form-resolver'
import { messageFor } from '../../app/messages'
import { useCachedList } from '../../app/queries'
import type { ScreenComponentProps } from '../../app/screens'
import { Button } from '../../components/Button'
import { MoneyField, Select, TextField } from '../../components/fields'
import { Screen } from '../../components/Screen'
import { Banner, EmptyState, ErrorState, LoadingState } from '../../components/states'
import { invoke } from '../../ipc/client'
import { useRole } from '../session/store'
import { useOnline } from '../sync/store'
import { useMoneyCommand } from './attempts'
import { FailedAttempt } from './FailedAttempt'
import { useMoney } from './money'
import './operations.css'

interface GroupForm {
  group_id: number | null
  type: OperationKind
  amount: number | null
  comment: string | null
}

const formSchema = groupOperationCreate

/** What the form asks for, as one comparable text. */
const askedOf = (values: Partial<GroupForm>): string =>
  JSON.stringify([
    values.group_id ?? null,
    values.type ?? null,
    values.amount ?? null,
    values.comment ?? null,
  ])

export function GroupOperationsScreen(_props: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const groups = useCachedList('account-groups:list')
  const canWrite = mayWrite(useRole(), groupOperationCommand)
  const online = useOnline()

  let content: React.ReactNode
  if (groups.status === 'loading') content = <LoadingState />
  else if (groups.status === 'error' && groups.items.length === 0)
    content = (
      <ErrorState
        message={groups.error ? messageFor(groups.error) : undefined}
        onRetry={() => void groups.reload(true)}
      />
    )
  else if (groups.items.length === 0)
    content = <EmptyState icon="group" title={t('operations.group.noGroups')} />
  else content = <GroupOperationForm groups={groups.items} canWrite={canWrite} online={online} />

  return (
    <Screen
      title={t('operations.group.title')}
      subtitle={t('operations.group.subtitle')}
      fetchedAt={groups.fetchedAt}
      stale={groups.stale}
      readOnly={!canWrite}
    >
      {content}
    </Screen>
  )
}

function GroupOperationForm({
  groups,
  canWrite,
  online,
}: {
  groups: readonly { id: number; name: string; accounts_count: number }[]
  canWrite: boolean
  online: boolean
}): React.JSX.Element {
  const t = useT()
  const money = useMoney()
  const confirmId = useId()
  const form = useForm<GroupForm>({
    defaultValues: { group_id: null, type: 'deposit', amount: null, comment: null },
    resolver: codedResolver(formSchema),
  })
  const watched = useWatch({ control: form.control })
  const [previewError, setPreviewError] = useState<IpcError | null>(null)
  const [checking, setChecking] = useState(false)
  const [typed, setTyped] = useState('')
  const scope = `group:${watched.group_id ?? 0}`
  const { state, send, reset } = useMoneyCommand('operations:create-group', scope)

  // The dry run holds for what was checked: any change of the form hides it until checked again.
  const [checked, setChecked] = useState<{ of: string; preview: GroupOperationPreview } | null>(null)
  const preview = checked !== null && checked.of === askedOf(watched) ? checked.preview : null

  const options = useMemo(
    () => groups.map((group) => ({ value: String(group.id), label: group.name })),
    [groups],
  )
  const disabledReason = !canWrite ? t('operations.group.readOnly') : !online ? t('operations.offline') : null

  const dryRun = form.handleSubmit(async (values) => {
    if (values.group_id === null || values.amount === null) return
    setChecking(true)
    setPreviewError(null)
    const result = await invoke('operations:group-preview', {
      group_id: values.group_id,
      type: values.type,
      amount: values.amount,
    })
    setChecking(false)
    if (result.ok) {
      setChecked({ of: askedOf(form.getValues()), preview: result.data })
      setTyped('')
      reset()
    } else setPreviewError(result.error)
  })

  const run = async () => {
    const values = form.getValues()
    if (!preview || values.group_id === null || values.amount === null) return
    await send({
      group_id: values.group_id,
      type: values.type,
      amount: values.amount,
      comment: values.comment ?? null,
    })
  }

  const startOver = () => {
    reset()
    setChecked(null)
    setTyped('')
    form.reset({ group_id: null, type: 'deposit', amount: null, comment: null })
  }

  if (state.status === 'done') {
    const result = state.result
    return (
      <section className="group-operation__preview" aria-labelledby="group-result" data-testid="group-result">
        <h2 id="group-result">{t('operations.group.resultTitle')}</h2>
        <dl className="props">
          <div className="props__row">
            <dt>{t('operations.group.batch')}</dt>
            <dd className="mono" data-testid="group-batch">
              {result.batch_id}
            </dd>
          </div>
          <div className="props__row">
            <dt>{t('operations.group.previewAccounts')}</dt>
            <dd data-testid="group-result-accounts">{result.accounts}</dd>
          </div>
          <div className="props__row">
            <dt>{t('operations.group.previewTotal')}</dt>
            <dd data-testid="group-result-total">{money(result.total)}</dd>
          </div>
        </dl>
        <div className="group-operation__actions">
          <Button variant="primary" onClick={startOver}>
            {t('operations.group.again')}
          </Button>
        </div>
      </section>
    )
  }

  const running = state.status === 'sending'
  const nameMatches =
    preview !== null && typed.trim().toLocaleLowerCase() === preview.name.trim().toLocaleLowerCase()
  return (
    <div className="group-operation">
      <form
        className="form-grid"
        aria-label={t('operations.group.formLabel')}
        noValidate
        onSubmit={(event) => void dryRun(event)}
      >
        <fieldset disabled={!canWrite || running} className="editor__fieldset form-grid field--wide">
          <Select
            control={form.control}
            name="group_id"
            label={t('operations.group.group')}
            options={options}
            emptyLabel={t('operations.group.chooseGroup')}
            numeric
            required
          />
          <Select
            control={form.control}
            name="type"
            label={t('operations.group.type')}
            options={[
              { value: 'deposit', label: t('operations.type.deposit') },
              { value: 'withdraw', label: t('operations.type.withdraw') },
            ]}
            required
          />
          <MoneyField control={form.control} name="amount" label={t('operations.group.amount')} required />
          <TextField
            control={form.control}
            name="comment"
            label={t('operations.group.comment')}
            maxLength={500}
            emptyAsNull
          />
        </fieldset>
        <div className="group-operation__actions field--wide">
          <Button
            type="submit"
            icon="search"
            loading={checking}
            disabled={disabledReason !== null || running}
            title={t('operations.group.dryRunHint')}
            data-testid="group-dry-run"
          >
            {t('operations.group.dryRun')}
          </Button>
          {disabledReason && <span className="muted">{disabledReason}</span>}
        </div>
      </form>
      {previewError && <Banner tone="danger">{messageFor(previewError)}</Banner>}
      {preview && (
        <section
          className="group-operation__preview"
          aria-labelledby="group-preview"
          data-testid="group-preview"
        >
          <h2 id="group-preview">{t('operations.group.previewTitle')}</h2>
          <dl className="props">
            <div className="props__row">
              <dt>{t('operations.group.group')}</dt>
              <dd>{preview.name}</dd>
            </div>
            <div className="props__row">
              <dt>{t('operations.group.previewAccounts')}</dt>
              <dd data-testid="group-preview-accounts">{preview.accounts}</dd>
            </div>
            <div className="props__row">
              <dt>{t('operations.group.previewEach')}</dt>
              <dd>
                {preview.type === 'deposit' ? '+' : '−'}
                {money(preview.amount)}
              </dd>
            </div>
            <div className="props__row">
              <dt>{t('operations.group.previewTotal')}</dt>
              <dd data-testid="group-preview-total">{money(preview.total)}</dd>
            </div>
            <div className="props__row">
              <dt>{t('operations.group.previewBalance')}</dt>
              <dd>{money(preview.balance_total)}</dd>
            </div>
          </dl>
          {preview.type === 'withdraw' && preview.accounts > 0 && preview.total > preview.balance_total && (
            <Banner tone="warning" icon="alert">
              {t('operations.group.previewShort')}
            </Banner>
          )}
          {preview.accounts === 0 ? (
            <Banner tone="info">{t('operations.group.previewNoAccounts')}</Banner>
          ) : (
            <>
              <div className="field">
                <label className="field__label" htmlFor={confirmId}>
                  {t('operations.group.confirmLabel', { name: preview.name })}
                </label>
                <input
                  id={confirmId}
                  className="input"
                  autoComplete="off"
                  value={typed}
                  disabled={running}
                  onChange={(event) => setTyped(event.target.value)}
                  aria-invalid={typed !== '' && !nameMatches ? true : undefined}
                  data-testid="group-confirm-name"
                />
              </div>
              {running && (
                <div role="status" data-testid="group-progress">
                  <progress
                    className="group-operation__progress"
                    aria-label={t('operations.group.running', {
                      accounts: t('operations.group.accounts', { count: preview.accounts }),
                    })}
                  />
                  <p className="muted">
                    {t('operations.group.running', {
                      accounts: t('operations.group.accounts', { count: preview.accounts }),
                    })}
                  </p>
                </div>
              )}
              {state.status === 'failed' && <FailedAttempt error={state.error} unknown={state.unknown} />}
              <div className="group-operation__actions">
                <Button
                  variant={preview.type === 'withdraw' ? 'danger' : 'primary'}
                  loading={running}
                  disabled={!nameMatches || running || disabledReason !== null}
                  onClick={() => void run()}
                  data-testid="group-run"
                >
                  {state.status === 'failed' && state.unknown
                    ? t('operations.dialog.retry')
                    : preview.type === 'deposit'
                      ? t('operations.group.runDeposit')
                      : t('operations.group.runWithdraw')}
                </Button>
              </div>
            </>
          )}
        </section>
      )}
    </div>
  )
}
