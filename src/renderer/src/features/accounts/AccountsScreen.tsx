// Guests' accounts: one search box (card number, phone typed any way, any word of the name, e-mail, identifier
// value — the last 4 digits find it), a group filter, the server's pages in one virtualized list, and beside it the
// card of the account opened (`#/accounts/12`), its editor (`#/accounts/12/edit`) or a new one (`#/accounts/new`).
// Admins pick accounts (or take a whole group) and move them to another group.
import { useCallback, useId, useMemo, useState } from 'react'
import { useT } from '../../app/useT'
import type { Account } from '@shared/api'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { useCachedList, useIpcQuery, ipcErrorOf } from '../../app/queries'
import { replaceParams } from '../../app/router'
import type { ScreenComponentProps } from '../../app/screens'
import { useDebouncedValue } from '../../app/useDebouncedValue'
import { Button } from '../../components/Button'
import { SearchInput } from '../../components/fields'
import { Screen } from '../../components/Screen'
import { EmptyState } from '../../components/states'
import { useEditorRoute } from '../entities/editor-route'
import { NewEntityDrafts } from '../entities/entity-screen'
import { useCanEdit } from '../session/store'
import { AccountCard } from './AccountCard'
import { AccountEditor } from './AccountEditor'
import { AccountList } from './AccountList'
import { MoveAccountsDialog, type MoveSource } from './MoveAccountsDialog'
import './accounts.css'

export const ACCOUNTS_SCREEN = 'accounts'
const SEARCH_DEBOUNCE_MS = 250

/** The picked accounts with `item` picked or, if it was, not. */
function toggled(current: ReadonlyMap<number, Account>, item: Account): ReadonlyMap<number, Account> {
  const next = new Map(current)
  if (next.has(item.id)) next.delete(item.id)
  else next.set(item.id, item)
  return next
}

export function AccountsScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const route = useEditorRoute(params)
  const editing = route.target.kind === 'edit' && params[1] === 'edit'
  const canEdit = useCanEdit('account')
  const groups = useCachedList('account-groups:list')
  const ladders = useCachedList('ladders:list')
  const identifierTypes = useCachedList('identifier-types:list')
  const [text, setText] = useState('')
  const q = useDebouncedValue(text.trim(), SEARCH_DEBOUNCE_MS)
  const [groupId, setGroupId] = useState<number | null>(null)
  const [overridden, setOverridden] = useState(false)
  const [total, setTotal] = useState<{ value: number | null; loading: boolean }>({
    value: null,
    loading: true,
  })
  const [picked, setPicked] = useState<ReadonlyMap<number, Account>>(new Map())
  const [move, setMove] = useState<MoveSource | null>(null)
  const groupSelectId = useId()

  const account = useIpcQuery('accounts:get', route.entityId === null ? null : { id: route.entityId })
  const accountStatus = account.data ? 'ready' : account.error ? 'error' : 'loading'

  const groupNames = useMemo(
    () => new Map(groups.items.map((group) => [group.id, group.name])),
    [groups.items],
  )
  const groupName = useCallback((id: number) => groupNames.get(id) ?? `#${id}`, [groupNames])
  const onTotal = useCallback((value: number | null, loading: boolean) => setTotal({ value, loading }), [])
  const pickedIds = useMemo(() => new Set(picked.keys()), [picked])
  const onPick = useCallback((item: Account) => setPicked((current) => toggled(current, item)), [setPicked])

  const countText =
    total.value === null
      ? t('accounts.searching')
      : total.value > 10_000 && q !== ''
        ? t('accounts.countMore', { formatted: formatNumber(10_000, language) })
        : t('accounts.count', { count: total.value, formatted: formatNumber(total.value, language) })

  const paneOpen = route.target.kind !== 'none'
  return (
    <Screen
      title={t('accounts.title')}
      subtitle={t('accounts.subtitle')}
      layout="split"
      readOnly={!canEdit && !paneOpen}
      actions={
        canEdit && (
          <>
            <Button
              icon="group"
              variant="ghost"
              onClick={() =>
                setMove(
                  picked.size > 0
                    ? { kind: 'accounts', accounts: [...picked.values()] }
                    : { kind: 'group', groupId: groupId ?? groups.items[0]?.id ?? 0 },
                )
              }
              disabled={picked.size === 0 && groupId === null}
              title={picked.size === 0 && groupId === null ? t('accounts.move.howTo') : undefined}
              data-testid="accounts-move"
            >
              {picked.size > 0
                ? t('accounts.move.picked', {
                    count: picked.size,
                    formatted: formatNumber(picked.size, language),
                  })
                : t('accounts.move.group')}
            </Button>
            <Button variant="primary" icon="plus" onClick={route.openNew} data-testid="account-create">
              {t('accounts.create')}
            </Button>
          </>
        )
      }
    >
      <div className="list-column accounts-column">
        <NewEntityDrafts
          entity="account"
          screen={ACCOUNTS_SCREEN}
          selectedDraftId={route.target.kind === 'new' ? route.target.draftId : null}
        />
        <div className="data-table__toolbar accounts-toolbar">
          <SearchInput
            value={text}
            onChange={setText}
            label={t('accounts.search')}
            placeholder={t('accounts.searchPlaceholder')}
            className="accounts-toolbar__search"
          />
          <label className="visually-hidden" htmlFor={groupSelectId}>
            {t('accounts.groupFilter')}
          </label>
          <select
            id={groupSelectId}
            className="input select accounts-toolbar__group"
            value={groupId ?? ''}
            onChange={(event) => {
              setGroupId(event.target.value === '' ? null : Number(event.target.value))
              setPicked(new Map())
            }}
            data-testid="accounts-group-filter"
          >
            <option value="">{t('accounts.allGroups')}</option>
            {[...groups.items]
              .sort((a, b) => a.name.localeCompare(b.name))
              .map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
          </select>
          <label className="field__inline-label accounts-toolbar__overridden">
            <input
              type="checkbox"
              checked={overridden}
              onChange={(event) => setOverridden(event.target.checked)}
              data-testid="accounts-overridden-filter"
            />
            <span>{t('stepOverride.filter')}</span>
          </label>
          <span className="data-table__count muted" aria-live="polite" data-testid="accounts-count">
            {countText}
          </span>
          {picked.size > 0 && (
            <Button size="sm" variant="ghost" onClick={() => setPicked(new Map())}>
              {t('accounts.unpick')}
            </Button>
          )}
        </div>
        <AccountList
          q={q}
          groupId={groupId}
          overridden={overridden}
          groupName={groupName}
          selectedId={route.entityId}
          onOpen={(item) => route.open(item.id)}
          picked={canEdit ? pickedIds : undefined}
          onPick={canEdit ? onPick : undefined}
          onTotal={onTotal}
          compact={paneOpen}
          empty={
            <EmptyState icon="user" title={q ? t('accounts.noMatches', { query: q }) : t('accounts.empty')}>
              {q ? t('accounts.noMatchesHint') : undefined}
            </EmptyState>
          }
        />
      </div>
      {paneOpen && (
        <aside className="detail-pane" aria-label={t('accounts.card.label')} data-testid="account-pane">
          {route.target.kind === 'invalid' ? (
            <EmptyState icon="info" title={t('entityScreen.badId')} />
          ) : route.target.kind === 'new' || editing ? (
            <AccountEditor
              key={route.key}
              route={route}
              account={account.data ?? null}
              status={accountStatus}
              groups={groups.items}
              identifierTypes={identifierTypes.items}
              defaultGroupId={groupId}
              onDone={() => (route.entityId === null ? route.close() : replaceParams(route.entityId))}
            />
          ) : (
            <AccountCard
              key={route.key}
              account={account.data ?? null}
              status={accountStatus}
              error={ipcErrorOf(account.error)}
              onRetry={() => void account.refetch()}
              groups={groups.items}
              ladders={ladders.items}
              identifierTypes={identifierTypes.items}
              canEdit={canEdit}
              onEdit={() => route.entityId !== null && replaceParams(route.entityId, 'edit')}
              onClose={route.close}
            />
          )}
        </aside>
      )}
      {move && (
        <MoveAccountsDialog
          open
          source={move}
          groups={groups.items}
          ladders={ladders.items}
          onClose={() => setMove(null)}
          onMoved={() => setPicked(new Map())}
        />
      )}
    </Screen>
  )
}
