import { useMemo } from 'react'
import { useT } from '../../app/useT'
import type { AccountGroup } from '@shared/api'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import type { ScreenComponentProps } from '../../app/screens'
import type { DataTableColumn } from '../../components/data-table-model'
import { useEditorRoute } from '../entities/editor-route'
import { EntityListScreen } from '../entities/EntityListScreen'
import { syncStateColumn } from '../entities/sync-state-column'
import { useDraftStates } from '../drafts/store'
import { useCanEdit } from '../session/store'
import { AccountGroupEditor } from './AccountGroupEditor'
import { useCachedList } from '../../app/queries'

export const ACCOUNT_GROUPS_SCREEN = 'account-groups'

/** While the editor is open these are in it, not in the list. */
const HIDDEN_WITH_PANE = ['description']

/** Account groups: the list with account counts and ladders, and the editor of the selected (or a new) one. */
export function AccountGroupsScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const route = useEditorRoute(params)
  const list = useCachedList('account-groups:list')
  const ladders = useCachedList('ladders:list')
  const draftStates = useDraftStates('account_group')
  const canEdit = useCanEdit('account_group')
  const ladderNames = useMemo(
    () => new Map(ladders.items.map((ladder) => [ladder.id, ladder.name])),
    [ladders.items],
  )

  const columns = useMemo<DataTableColumn<AccountGroup>[]>(() => {
    const ladderName = (group: AccountGroup) =>
      group.ladder_id === null
        ? null
        : (ladderNames.get(group.ladder_id) ?? t('accountGroups.ladderMissing', { id: group.ladder_id }))
    return [
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
        priority: 1,
      },
      {
        id: 'ladder',
        header: t('accountGroups.ladder'),
        value: ladderName,
        cell: (group) =>
          group.ladder_id === null ? (
            <span className="muted">{t('accountGroups.ladderNone')}</span>
          ) : (
            <span className="ladder-cell">{ladderName(group)}</span>
          ),
        width: 'minmax(140px, 1.5fr)',
      },
      {
        id: 'accounts',
        header: t('accountGroups.accounts'),
        value: (group) => group.accounts_count,
        cell: (group) => formatNumber(group.accounts_count, language),
        align: 'end',
        width: '96px',
        priority: 3,
      },
      {
        id: 'active',
        header: t('accountGroups.active'),
        value: (group) => group.active,
        align: 'center',
        width: '88px',
        priority: 2,
      },
      syncStateColumn(t('accountGroups.state'), draftStates),
    ]
  }, [t, language, ladderNames, draftStates])

  return (
    <EntityListScreen
      entity="account_group"
      screenId={ACCOUNT_GROUPS_SCREEN}
      route={route}
      list={list}
      canEdit={canEdit}
      columns={columns}
      hiddenWithPane={HIDDEN_WITH_PANE}
      icon="group"
      texts={{
        title: t('accountGroups.title'),
        subtitle: t('accountGroups.subtitle'),
        tableLabel: t('accountGroups.tableLabel'),
        filter: t('accountGroups.filter'),
        create: t('accountGroups.create'),
        empty: t('accountGroups.empty'),
        emptyHint: t('accountGroups.emptyHint'),
        emptyReadOnly: t('accountGroups.emptyReadOnly'),
      }}
      testIds={{ table: 'account-groups-table', create: 'account-group-create', pane: 'account-group-pane' }}
      onRefresh={() => void ladders.reload(true)}
      editor={
        <AccountGroupEditor
          key={route.key}
          route={route}
          items={list.items}
          listStatus={list.status}
          ladders={ladders.items}
        />
      }
    />
  )
}
