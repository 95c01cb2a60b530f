// Moving accounts to another group (admin): the chosen accounts or every account of a group, with the count and
// the ladder change shown before confirming, then one atomic `accounts/move`. Online only (see the descriptor
// `accountMove`): the count and the ladder change confirmed are true now, not whenever a queue would send it.
import { useId, useMemo, useState } from 'react'
import { useT } from '../../app/useT'
import type { Account, AccountGroup, Ladder, LadderPreviewRequest } from '@shared/api'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { useIpcQuery } from '../../app/queries'
import { invoke } from '../../ipc/client'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { Banner, LoadingState } from '../../components/states'
import { toast } from '../../components/toast-store'
import { useOnline } from '../sync/store'

export type MoveSource =
  { kind: 'accounts'; accounts: readonly Account[] } | { kind: 'group'; groupId: number }

export interface MoveAccountsDialogProps {
  open: boolean
  source: MoveSource
  groups: readonly AccountGroup[]
  ladders: readonly Ladder[]
  onClose: () => void
  onMoved?: (moved: number) => void
}

/** A stored ladder as a preview body (with its id: "the accounts of the source group on this ladder"). */
function previewBody(ladder: Ladder): LadderPreviewRequest {
  return {
    id: ladder.id,
    name: ladder.name,
    basis: ladder.basis,
    period: ladder.period,
    period_days: ladder.period_days,
    downgrade: ladder.downgrade,
    active: ladder.active,
    steps: ladder.steps.map((step) => ({
      name: step.name,
      threshold: step.threshold,
      rk_discount_id: step.rk_discount_id,
      bonus_percent: step.bonus_percent,
      max_payment_percent: step.max_payment_percent,
    })),
  }
}

/** How many of `accounts` each group holds. */
function bySourceGroup(accounts: readonly Account[]): { groupId: number; accounts: number }[] {
  const counts = new Map<number, number>()
  for (const account of accounts) counts.set(account.group_id, (counts.get(account.group_id) ?? 0) + 1)
  return [...counts].map(([groupId, count]) => ({ groupId, accounts: count }))
}

export function MoveAccountsDialog(props: MoveAccountsDialogProps): React.JSX.Element | null {
  if (!props.open) return null
  return <MoveAccountsBody {...props} />
}

function MoveAccountsBody({
  source,
  groups,
  ladders,
  onClose,
  onMoved,
}: MoveAccountsDialogProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const online = useOnline()
  const selectId = useId()
  const [target, setTarget] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const groupById = useMemo(() => new Map(groups.map((group) => [group.id, group])), [groups])
  const ladderById = useMemo(() => new Map(ladders.map((ladder) => [ladder.id, ladder])), [ladders])
  const ladderName = (id: number | null | undefined) =>
    id === null || id === undefined
      ? t('accounts.move.noLadder')
      : (ladderById.get(id)?.name ?? t('accountGroups.ladderMissing', { id }))

  const sourceGroup = source.kind === 'group' ? (groupById.get(source.groupId) ?? null) : null
  const count = source.kind === 'group' ? (sourceGroup?.accounts_count ?? 0) : source.accounts.length
  // Where the accounts come from: per source group, how many.
  const fromGroups =
    source.kind === 'group' ? [{ groupId: source.groupId, accounts: count }] : bySourceGroup(source.accounts)

  const targetGroup = target === null ? null : (groupById.get(target) ?? null)
  const targetLadder = targetGroup?.ladder_id == null ? null : (ladderById.get(targetGroup.ladder_id) ?? null)
  const options = groups
    .filter((group) => source.kind !== 'group' || group.id !== source.groupId)
    .sort((a, b) => a.name.localeCompare(b.name))

  // A whole group: where its accounts would stand on the target's ladder.
  const preview = useIpcQuery(
    'ladders:preview',
    source.kind === 'group' && targetLadder && online && count > 0
      ? { ladder: previewBody(targetLadder), group_id: source.groupId }
      : null,
  )

  const move = async () => {
    if (target === null) return
    setBusy(true)
    setError(null)
    const body =
      source.kind === 'group'
        ? { from_group_id: source.groupId, to_group_id: target }
        : { account_ids: source.accounts.map((account) => account.id), to_group_id: target }
    const result = await invoke('accounts:move', body)
    setBusy(false)
    if (!result.ok) {
      setError(messageFor(result.error))
      return
    }
    toast.success(
      t('accounts.move.done', {
        count: result.data.moved,
        formatted: formatNumber(result.data.moved, language),
        group: targetGroup?.name ?? '',
      }),
    )
    onMoved?.(result.data.moved)
    onClose()
  }

  const formatted = formatNumber(count, language)
  return (
    <Dialog
      open
      title={t('accounts.move.title')}
      onClose={busy ? undefined : onClose}
      size="md"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} disabled={busy}>
            {t('common.cancel')}
          </Button>
          <Button
            variant="primary"
            loading={busy}
            disabled={target === null || count === 0 || !online}
            onClick={() => void move()}
            data-testid="move-confirm"
          >
            {t('accounts.move.confirm', { count, formatted })}
          </Button>
        </>
      }
    >
      <div className="move-accounts" data-testid="move-dialog">
        {!online && (
          <Banner tone="warning" icon="offline">
            {t('accounts.move.offline')}
          </Banner>
        )}
        <p data-testid="move-source">
          {source.kind === 'group'
            ? t('accounts.move.fromGroup', {
                count,
                formatted,
                group: sourceGroup?.name ?? `#${source.groupId}`,
              })
            : t('accounts.move.fromPicked', { count, formatted })}
        </p>
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t('accounts.move.target')}
          </label>
          <select
            id={selectId}
            className="input select"
            value={target ?? ''}
            onChange={(event) => setTarget(event.target.value === '' ? null : Number(event.target.value))}
            data-testid="move-target"
          >
            <option value="">{t('accounts.move.chooseTarget')}</option>
            {options.map((group) => (
              <option key={group.id} value={group.id}>
                {group.name}
              </option>
            ))}
          </select>
        </div>
        {targetGroup && (
          <div className="move-accounts__change" data-testid="move-ladder-change">
            <h3>{t('accounts.move.ladderChange')}</h3>
            <ul>
              {fromGroups.map(({ groupId, accounts }) => {
                const from = groupById.get(groupId)
                const same = (from?.ladder_id ?? null) === (targetGroup.ladder_id ?? null)
                return (
                  <li key={groupId}>
                    {t('accounts.move.changeLine', {
                      count: accounts,
                      formatted: formatNumber(accounts, language),
                      from: from?.name ?? `#${groupId}`,
                      fromLadder: ladderName(from?.ladder_id),
                      toLadder: ladderName(targetGroup.ladder_id),
                    })}{' '}
                    {same ? t('accounts.move.sameLadder') : t('accounts.move.recomputed')}
                  </li>
                )
              })}
            </ul>
            {source.kind === 'group' && targetLadder && (
              <div className="move-accounts__steps">
                {preview.isLoading && <LoadingState inline label={t('accounts.move.previewLoading')} />}
                {preview.data && (
                  <table data-testid="move-steps">
                    <caption>{t('accounts.move.stepsAfter', { ladder: targetLadder.name })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('accounts.step.stepColumn')}</th>
                        <th scope="col" className="num">
                          {t('accounts.move.accountsColumn')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {preview.data.steps.map((step) => (
                        <tr key={step.index}>
                          <th scope="row">{step.name}</th>
                          <td className="num">{formatNumber(step.accounts, language)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
            )}
          </div>
        )}
        {error && (
          <Banner tone="danger" icon="alert">
            <span data-testid="move-error">{error}</span>
          </Banner>
        )}
      </div>
    </Dialog>
  )
}
