// One guest's account: who it is, its group, balance, spend and visits, its step and why, its identifiers — and
// the places other panels of the card live. Each panel is one line in `AccountCardPanels` below, given the
// account (and its group's ladder): the operations history with deposit/withdraw, the bonus panel (pending,
// limits, a temporary identifier), the step set by hand. Admins edit (through a draft) and block/unblock here.
import { useMemo, useState, type ReactNode } from 'react'
import { useT } from '../../app/useT'
import type { Account, AccountGroup, IdentifierType, Ladder } from '@shared/api'
import { formatMoney, toKopecks } from '@shared/domain'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { messageFor } from '../../app/messages'
import { hrefTo } from '../../app/router'
import { Badge } from '../../components/Badge'
import { Button, IconButton } from '../../components/Button'
import { ConfirmDialog } from '../../components/Dialog'
import { Banner, ErrorState, LoadingState } from '../../components/states'
import { toast } from '../../components/toast-store'
import { DraftStateBadge } from '../drafts/DraftStateBadge'
import { useDraftStates, useDraftsStore } from '../drafts/store'
import { AccountBonusPanel } from '../account-bonus/AccountBonusPanel'
import { StepOverridePanel } from '../step-override/StepOverridePanel'
import { accountToForm } from './form'
import { StepExplanation } from './StepExplanation'
import { AccountOperations } from '../operations/AccountOperations'

/** What every panel of the card is given. */
export interface AccountPanelProps {
  account: Account
  /** The account's group, as the groups list has it (null while it loads or if it is gone). */
  group: AccountGroup | null
  /** The ladder of the account's group, if any. */
  ladder: Ladder | null
  /** The role may write accounts (admin). */
  canEdit: boolean
}

/** A titled section of the card: panels of other areas use it so the card reads as one. */
export function AccountCardSection({
  title,
  actions,
  children,
  testId,
}: {
  title: string
  actions?: ReactNode
  children: ReactNode
  testId?: string
}): React.JSX.Element {
  return (
    <section className="account-card__section" aria-label={title} data-testid={testId}>
      <header className="account-card__section-header">
        <h3>{title}</h3>
        {actions}
      </header>
      {children}
    </section>
  )
}

/**
 * The panels other areas add to the card, in this order, each one line (`<AccountOperations {...panel} />`). They
 * sit between the step and the identifiers: what a person acts on first.
 */
function AccountCardPanels(panel: AccountPanelProps): React.JSX.Element {
  return (
    <div className="account-card__panels" data-account-id={panel.account.id}>
      <StepOverridePanel account={panel.account} ladder={panel.ladder} />

      <AccountBonusPanel {...panel} />

      <AccountOperations {...panel} />
    </div>
  )
}

export interface AccountCardProps {
  account: Account | null
  status: 'loading' | 'ready' | 'error'
  error: Parameters<typeof messageFor>[0] | null
  onRetry: () => void
  groups: readonly AccountGroup[]
  ladders: readonly Ladder[]
  identifierTypes: readonly IdentifierType[]
  canEdit: boolean
  onEdit: () => void
  onClose: () => void
}

export function AccountCard({
  account,
  status,
  error,
  onRetry,
  groups,
  ladders,
  identifierTypes,
  canEdit,
  onEdit,
  onClose,
}: AccountCardProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const states = useDraftStates('account')
  const items = useDraftsStore((store) => store.items)
  const save = useDraftsStore((store) => store.save)
  const [confirmBlock, setConfirmBlock] = useState(false)
  const [busy, setBusy] = useState(false)
  const typeNames = useMemo(
    () => new Map(identifierTypes.map((type) => [type.id, type.name])),
    [identifierTypes],
  )

  if (!account) {
    if (status === 'error') {
      return <ErrorState message={error ? messageFor(error) : undefined} onRetry={onRetry} />
    }
    return <LoadingState label={t('accounts.card.loading')} />
  }

  const group = groups.find((item) => item.id === account.group_id) ?? null
  const ladder =
    group?.ladder_id === null || group === null
      ? null
      : (ladders.find((item) => item.id === group.ladder_id) ?? null)
  const draftState = states.get(account.id) ?? null
  const hasDraft = items.some(
    (item) => item.entity === 'account' && item.entity_id === account.id && item.kind === 'draft',
  )
  const money = (value: number) => formatMoney(toKopecks(value), language)
  const title = account.holder_name ?? account.number

  const toggleBlocked = async () => {
    setBusy(true)
    try {
      const result = await save({
        entity: 'account',
        entity_id: account.id,
        payload: { ...accountToForm(account), blocked: !account.blocked },
        publish: true,
      })
      if (!result.ok) toast.ipcError(result.error)
      else
        toast.info(
          t(account.blocked ? 'accounts.card.unblockQueued' : 'accounts.card.blockQueued', { title }),
        )
    } finally {
      setBusy(false)
    }
  }

  return (
    <article className="account-card" aria-label={title} data-testid="account-card">
      <header className="editor__header">
        <h2 className="editor__title">{title}</h2>
        {account.blocked && <Badge tone="danger">{t('accounts.blocked')}</Badge>}
        {draftState && <DraftStateBadge state={draftState} />}
        <IconButton icon="close" label={t('editor.close')} shortcut="escape" onClick={onClose} />
      </header>
      <div className="editor__body">
        {status === 'error' && error && (
          <Banner tone="warning" icon="alert">
            {messageFor(error)}
          </Banner>
        )}
        {canEdit && (
          <div className="account-card__actions">
            <Button icon="edit" onClick={onEdit} data-testid="account-edit">
              {hasDraft ? t('accounts.card.continueEdit') : t('accounts.card.edit')}
            </Button>
            <Button
              icon="lock"
              variant={account.blocked ? 'secondary' : 'ghost'}
              loading={busy}
              disabled={hasDraft}
              title={hasDraft ? t('accounts.card.blockAfterDraft') : undefined}
              onClick={() => setConfirmBlock(true)}
              data-testid="account-block"
            >
              {account.blocked ? t('accounts.card.unblock') : t('accounts.card.block')}
            </Button>
          </div>
        )}
        <dl className="props account-card__props" data-testid="account-props">
          <Prop label={t('accounts.number')}>
            <span className="mono">{account.number}</span>
          </Prop>
          <Prop label={t('accounts.group')}>
            {group ? <a href={hrefTo('account-groups', group.id)}>{group.name}</a> : `#${account.group_id}`}
          </Prop>
          <Prop label={t('accounts.balance')}>
            <strong>{money(account.balance)}</strong>
          </Prop>
          <Prop label={t('accounts.spend')}>{money(account.spend_total)}</Prop>
          <Prop label={t('accounts.visits')}>{formatNumber(account.visits, language)}</Prop>
          <Prop label={t('accounts.state')}>
            {account.blocked ? t('accounts.blockedLong') : t('accounts.activeLong')}
          </Prop>
          {account.phone && (
            <Prop label={t('accounts.phone')}>
              <span className="mono">{account.phone}</span>
            </Prop>
          )}
          {account.email && <Prop label={t('accounts.email')}>{account.email}</Prop>}
          {account.birth_date && <Prop label={t('accounts.birthDate')}>{account.birth_date}</Prop>}
        </dl>

        <AccountCardSection title={t('accounts.step.title')} testId="account-step">
          {ladder ? (
            <StepExplanation account={account} ladder={ladder} />
          ) : (
            <p className="muted">{group ? t('accounts.step.noLadder') : t('accounts.card.loading')}</p>
          )}
        </AccountCardSection>

        <AccountCardPanels account={account} group={group} ladder={ladder} canEdit={canEdit} />

        <AccountCardSection title={t('accounts.identifiers.title')} testId="account-identifiers">
          {account.identifiers.length === 0 ? (
            <p className="muted">{t('accounts.identifiers.none')}</p>
          ) : (
            <dl className="props">
              {account.identifiers.map((identifier, index) => (
                <Prop key={index} label={typeNames.get(identifier.type_id) ?? `#${identifier.type_id}`}>
                  <span className="mono">{identifier.value}</span>
                </Prop>
              ))}
            </dl>
          )}
        </AccountCardSection>
      </div>
      <ConfirmDialog
        open={confirmBlock}
        title={t(account.blocked ? 'accounts.card.unblockTitle' : 'accounts.card.blockTitle', { title })}
        message={t(account.blocked ? 'accounts.card.unblockText' : 'accounts.card.blockText')}
        confirmLabel={account.blocked ? t('accounts.card.unblock') : t('accounts.card.block')}
        danger={!account.blocked}
        onConfirm={() => {
          setConfirmBlock(false)
          void toggleBlocked()
        }}
        onCancel={() => setConfirmBlock(false)}
      />
    </article>
  )
}

function Prop({ label, children }: { label: string; children: ReactNode }): React.JSX.Element {
  return (
    <div className="props__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  )
}
