import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { AccountGroup } from '../../../../shared/api'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import type { ScreenComponentProps } from '../../app/screens'
import { Button } from '../../components/Button'
import { DataTable } from '../../components/DataTable'
import type { DataTableColumn } from '../../components/data-table-model'
import { useEditorRoute } from '../../components/editor-route'
import { NewEntityDrafts } from '../../components/entity-screen'
import { Screen } from '../../components/Screen'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'
import { DraftStateBadge } from '../drafts/DraftStateBadge'
import { useDraftStates } from '../drafts/store'
import { useEntityList } from '../entities/store'
import { useCanEdit } from '../session/store'
import { AccountGroupEditor } from './AccountGroupEditor'

export const ACCOUNT_GROUPS_SCREEN = 'account-groups'

/** Account groups: the list with account counts and ladders, and the editor of the selected (or a new) one. */
export function AccountGroupsScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const { t } = useTranslation()
  const language = currentLanguage()
  const route = useEditorRoute(params)
  const list = useEntityList('account-groups:list')
  const ladders = useEntityList('ladders:list')
  const draftStates = useDraftStates('account_group')
  const canEdit = useCanEdit('account_group')
  const ladderNames = useMemo(
    () => new Map(ladders.items.map((ladder) => [ladder.id, ladder.name])),
    [ladders.items],
  )

  const columns = useMemo<DataTableColumn<AccountGroup>[]>(
    () => [
      {
        id: 'name',
        header: t('accountGroups.name'),
        value: (group) => group.name,
        width: 'minmax(160px, 2fr)',
      },
      {
        id: 'description',
        header: t('accountGroups.description'),
        value: (group) => group.description,
        cell: (group) =>
          group.description ? (
            <span className="data-table__text muted" title={group.description}>
              {group.description}
            </span>
          ) : null,
        width: 'minmax(160px, 2fr)',
      },
      {
        id: 'ladder',
        header: t('accountGroups.ladder'),
        value: (group) =>
          group.ladder_id === null
            ? null
            : (ladderNames.get(group.ladder_id) ?? t('accountGroups.ladderMissing', { id: group.ladder_id })),
        cell: (group) =>
          group.ladder_id === null ? (
            <span className="muted">{t('accountGroups.ladderNone')}</span>
          ) : (
            <span className="ladder-cell">
              {ladderNames.get(group.ladder_id) ?? t('accountGroups.ladderMissing', { id: group.ladder_id })}
            </span>
          ),
        width: 'minmax(140px, 1.5fr)',
      },
      {
        id: 'accounts',
        header: t('accountGroups.accounts'),
        value: (group) => group.accounts_count,
        cell: (group) => formatNumber(group.accounts_count, language),
        align: 'end',
        width: '100px',
      },
      {
        id: 'active',
        header: t('accountGroups.active'),
        value: (group) => group.active,
        align: 'center',
        width: '100px',
      },
      {
        id: 'sync',
        header: t('accountGroups.state'),
        value: (group) => draftStates.get(group.id) ?? null,
        cell: (group) => {
          const state = draftStates.get(group.id)
          return state ? <DraftStateBadge state={state} /> : null
        },
        filterText: false,
        width: 'minmax(150px, 1fr)',
      },
    ],
    [t, language, ladderNames, draftStates],
  )

  const createButton = canEdit && (
    <Button variant="primary" icon="plus" onClick={route.openNew} data-testid="account-group-create">
      {t('accountGroups.create')}
    </Button>
  )

  let content: React.JSX.Element
  if (list.status === 'loading') content = <LoadingState />
  else if (list.status === 'error' && list.items.length === 0) {
    content = (
      <ErrorState
        message={
          list.error
            ? t(`errors.${list.error.code}`, { seconds: list.error.retryAfterSeconds ?? 0 })
            : undefined
        }
        onRetry={() => void list.reload(true)}
      />
    )
  } else {
    content = (
      <DataTable
        rows={list.items}
        columns={columns}
        getRowId={(group) => group.id}
        label={t('accountGroups.tableLabel')}
        filterLabel={t('accountGroups.filter')}
        selectedId={route.entityId}
        onRowActivate={(group) => route.open(group.id)}
        initialSort={{ columnId: 'name', direction: 'asc' }}
        rowClassName={(group) => (group.active ? undefined : 'is-inactive')}
        empty={
          <EmptyState icon="group" title={t('accountGroups.empty')} action={createButton || undefined}>
            {canEdit ? t('accountGroups.emptyHint') : t('accountGroups.emptyReadOnly')}
          </EmptyState>
        }
        testId="account-groups-table"
      />
    )
  }

  const { target } = route
  return (
    <Screen
      title={t('accountGroups.title')}
      subtitle={t('accountGroups.subtitle')}
      fetchedAt={list.fetchedAt}
      stale={list.stale}
      layout="split"
      readOnly={!canEdit && target.kind === 'none'}
      actions={
        <>
          <Button
            icon="refresh"
            variant="ghost"
            onClick={() => {
              void list.reload(true)
              void ladders.reload(true)
            }}
          >
            {t('common.refresh')}
          </Button>
          {createButton}
        </>
      }
    >
      <div className="list-column">
        <NewEntityDrafts
          entity="account_group"
          screen={ACCOUNT_GROUPS_SCREEN}
          selectedDraftId={target.kind === 'new' ? target.draftId : null}
        />
        {content}
      </div>
      {target.kind !== 'none' && (
        <aside className="detail-pane" aria-label={t('accountGroups.title')} data-testid="account-group-pane">
          {target.kind === 'invalid' ? (
            <EmptyState icon="info" title={t('entityScreen.badId')} />
          ) : (
            <AccountGroupEditor
              key={route.key}
              route={route}
              items={list.items}
              listStatus={list.status}
              ladders={ladders.items}
            />
          )}
        </aside>
      )}
    </Screen>
  )
}
