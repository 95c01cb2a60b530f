import { useMemo, useState } from 'react'
import { useT } from '../../app/useT'
import type { Role, User } from '@shared/api'
import { role as roleSchema } from '@shared/api'
import type { UsersListInput } from '@shared/ipc'
import { formatDateTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { ipcErrorOf, useIpcQuery } from '../../app/queries'
import { replaceParams } from '../../app/router'
import type { ScreenComponentProps } from '../../app/screens'
import { useDebouncedValue } from '../../app/useDebouncedValue'
import { Badge } from '../../components/Badge'
import { Button } from '../../components/Button'
import { DataTable } from '../../components/DataTable'
import type { DataTableColumn } from '../../components/data-table-model'
import { SearchInput } from '../../components/fields'
import { Screen } from '../../components/Screen'
import { Banner, EmptyState, ErrorState, LoadingState } from '../../components/states'
import { useRole, useSessionStore } from '../session/store'
import { useOnline } from '../sync/store'
import { UserEditor } from './UserEditor'
import './users.css'

type ActiveFilter = '' | 'true' | 'false'

/**
 * The people who log in (admin): search, role and state filters, last login; create, edit, a new password,
 * deactivate, delete. Every change goes to the server at once (no drafts: passwords, and sessions that end).
 */
export function UsersScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const myRole = useRole()
  if (myRole !== 'admin') {
    return (
      <Screen title={t('users.title')} subtitle={t('users.subtitle')}>
        <EmptyState icon="lock" title={t('users.adminsOnly')} />
      </Screen>
    )
  }
  return <UsersList params={params} />
}

function UsersList({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const online = useOnline()
  const meId = useSessionStore((store) => store.state?.user?.id ?? null)
  const [search, setSearch] = useState('')
  const [role, setRole] = useState<Role | ''>('')
  const [active, setActive] = useState<ActiveFilter>('')
  const q = useDebouncedValue(search.trim(), 300)
  const input: UsersListInput = {
    ...(q && { q }),
    ...(role && { role }),
    ...(active && { active: active === 'true' }),
  }
  const query = useIpcQuery('users:list', input, { keepPrevious: true })
  const items = useMemo(() => query.data?.items ?? [], [query.data])
  const activeAdmins = query.data?.active_admins ?? 0

  const selected =
    params[0] === 'new' ? 'new' : params[0] && /^\d+$/.test(params[0]) ? Number(params[0]) : null

  const columns = useMemo<DataTableColumn<User>[]>(
    () => [
      {
        id: 'login',
        header: t('users.login'),
        value: (user) => user.login,
        cell: (user) => (
          <span>
            {user.login}
            {user.id === meId && <span className="muted"> · {t('users.you')}</span>}
          </span>
        ),
        width: 'minmax(140px, 1.5fr)',
      },
      { id: 'name', header: t('users.name'), value: (user) => user.name, width: 'minmax(160px, 2fr)' },
      {
        id: 'role',
        header: t('users.role'),
        value: (user) => t(`roles.${user.role}`),
        cell: (user) => (
          <Badge tone={user.role === 'admin' ? 'info' : 'neutral'}>{t(`roles.${user.role}`)}</Badge>
        ),
        width: '140px',
      },
      {
        id: 'email',
        header: t('users.email'),
        value: (user) => user.email,
        width: 'minmax(140px, 1.5fr)',
        priority: 1,
      },
      {
        id: 'active',
        header: t('users.active'),
        value: (user) => user.active,
        align: 'center',
        width: '88px',
      },
      {
        id: 'last_login',
        header: t('users.lastLogin'),
        value: (user) => user.last_login_at,
        cell: (user) =>
          user.last_login_at ? (
            formatDateTime(user.last_login_at, language)
          ) : (
            <span className="muted">{t('users.never')}</span>
          ),
        filterText: false,
        width: '150px',
        priority: 2,
      },
    ],
    [t, language, meId],
  )

  const error = ipcErrorOf(query.error)
  const createButton = (
    <Button
      variant="primary"
      icon="plus"
      disabled={!online}
      title={online ? undefined : t('users.offline')}
      onClick={() => replaceParams('new')}
      data-testid="user-create"
    >
      {t('users.create')}
    </Button>
  )

  return (
    <Screen
      title={t('users.title')}
      subtitle={t('users.subtitle')}
      layout="split"
      actions={
        <>
          <Button icon="refresh" variant="ghost" onClick={() => void query.refetch()}>
            {t('common.refresh')}
          </Button>
          {createButton}
        </>
      }
    >
      <div className="users-list stack">
        {!online && (
          <Banner tone="warning" icon="offline">
            <span data-testid="users-offline">{t('users.offline')}</span>
          </Banner>
        )}
        <div className="users-filters row">
          <SearchInput value={search} onChange={setSearch} label={t('users.search')} />
          <label className="users-filter">
            <span className="visually-hidden">{t('users.roleFilter')}</span>
            <select
              className="input select"
              aria-label={t('users.roleFilter')}
              value={role}
              onChange={(event) => setRole(event.target.value as Role | '')}
              data-testid="users-role-filter"
            >
              <option value="">{t('users.roleAll')}</option>
              {roleSchema.options.map((option) => (
                <option key={option} value={option}>
                  {t(`roles.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="users-filter">
            <span className="visually-hidden">{t('users.activeFilter')}</span>
            <select
              className="input select"
              aria-label={t('users.activeFilter')}
              value={active}
              onChange={(event) => setActive(event.target.value as ActiveFilter)}
              data-testid="users-active-filter"
            >
              <option value="">{t('users.activeAll')}</option>
              <option value="true">{t('users.activeOnly')}</option>
              <option value="false">{t('users.inactiveOnly')}</option>
            </select>
          </label>
        </div>
        {query.isPending && !query.data ? (
          <LoadingState />
        ) : error && !query.data ? (
          <ErrorState
            message={t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })}
            onRetry={() => void query.refetch()}
          />
        ) : (
          <DataTable
            rows={items}
            columns={columns}
            getRowId={(user) => user.id}
            label={t('users.tableLabel')}
            showFilter={false}
            selectedId={typeof selected === 'number' ? selected : null}
            onRowActivate={(user) => replaceParams(user.id)}
            initialSort={{ columnId: 'login', direction: 'asc' }}
            rowClassName={(user) => (user.active ? undefined : 'is-inactive')}
            empty={<EmptyState icon="search" title={t('users.empty')} />}
            testId="users-table"
          />
        )}
      </div>
      {selected !== null && (
        <UserEditor
          key={String(selected)}
          user={selected === 'new' ? null : (items.find((user) => user.id === selected) ?? null)}
          userId={selected === 'new' ? null : selected}
          meId={meId}
          activeAdmins={activeAdmins}
          online={online}
          onClose={() => replaceParams()}
        />
      )}
    </Screen>
  )
}
