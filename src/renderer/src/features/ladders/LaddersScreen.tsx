import { lazy, Suspense, useMemo } from 'react'
import { useT } from '../../app/useT'
import type { AccountGroup, Ladder } from '@shared/api'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { useCachedList, useIpcQuery } from '../../app/queries'
import type { ScreenComponentProps } from '../../app/screens'
import type { DataTableColumn } from '../../components/data-table-model'
import { LoadingState } from '../../components/states'
import { useDraftStates } from '../drafts/store'
import { useEditorRoute } from '../entities/editor-route'
import { EntityListScreen } from '../entities/EntityListScreen'
import { syncStateColumn } from '../entities/sync-state-column'
import { useCanEdit } from '../session/store'
import { groupNames } from './form'
import './ladders.css'

export const LADDERS_SCREEN = 'ladders'

// The editor (its steps, chart and insight) is fetched when a ladder is opened, not with the list.
const LadderEditor = lazy(async () => ({ default: (await import('./LadderEditor')).LadderEditor }))

/** While the editor is open these are in it, not in the list. */
const HIDDEN_WITH_PANE = ['basis', 'period', 'steps', 'accounts', 'active', 'groups']

/** Guests on each step of a ladder (`reports/ladder_steps`), asked only for ladders that groups use. */
function StepAccounts({ ladder, used }: { ladder: Ladder; used: boolean }): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const report = useIpcQuery('reports:ladder-steps', used ? { ladder_id: ladder.id } : null)
  if (!used) return <span className="muted">—</span>
  const items = report.data?.items
  if (!items) return <span className="muted">…</span>
  const list = items.map((item) => `${item.name}: ${formatNumber(item.accounts, language)}`).join(', ')
  return (
    <span className="data-table__text num" title={t('ladders.accountsPerStepTitle', { list })}>
      {items.map((item) => formatNumber(item.accounts, language)).join(' · ')}
    </span>
  )
}

/** Ladders: the list with the groups that use each and its guests per step, and the ladder editor. */
export function LaddersScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const route = useEditorRoute(params)
  const list = useCachedList('ladders:list')
  const catalog = useCachedList('catalog:list')
  const groups = useCachedList('account-groups:list')
  const draftStates = useDraftStates('ladder')
  const canEdit = useCanEdit('ladder')

  const groupsByLadder = useMemo(() => {
    const byLadder = new Map<number, AccountGroup[]>()
    for (const group of groups.items) {
      if (group.ladder_id === null) continue
      byLadder.set(group.ladder_id, [...(byLadder.get(group.ladder_id) ?? []), group])
    }
    return byLadder
  }, [groups.items])

  const columns = useMemo<DataTableColumn<Ladder>[]>(
    () => [
      {
        id: 'name',
        header: t('ladders.name'),
        value: (l) => l.name,
        width: 'minmax(140px, 2fr)',
      },
      {
        id: 'basis',
        header: t('ladders.basis'),
        value: (l) => t(`ladders.basisValue.${l.basis}`),
        width: 'minmax(110px, 1fr)',
        priority: 3,
      },
      {
        id: 'period',
        header: t('ladders.period'),
        value: (l) =>
          l.period === 'rolling_days'
            ? t('ladders.periodValue.rolling_days', { days: l.period_days ?? 0 })
            : t('ladders.periodValue.all_time'),
        width: 'minmax(110px, 1fr)',
        priority: 4,
      },
      {
        id: 'steps',
        header: t('ladders.steps'),
        value: (l) => l.steps.length,
        align: 'end',
        width: '80px',
        priority: 5,
      },
      {
        id: 'groups',
        header: t('ladders.groups'),
        value: (l) => {
          const used = groupsByLadder.get(l.id)
          return used ? groupNames(used) : null
        },
        cell: (l) => {
          const used = groupsByLadder.get(l.id)
          return used ? (
            <span className="data-table__text" title={groupNames(used)}>
              {groupNames(used)}
            </span>
          ) : (
            <span className="muted">{t('ladders.groupsNone')}</span>
          )
        },
        width: 'minmax(120px, 1.5fr)',
        priority: 2,
      },
      {
        id: 'accounts',
        header: t('ladders.accountsPerStep'),
        value: () => null,
        cell: (l) => <StepAccounts ladder={l} used={groupsByLadder.has(l.id)} />,
        filterText: false,
        width: 'minmax(110px, 1fr)',
        priority: 6,
      },
      {
        id: 'active',
        header: t('ladders.active'),
        value: (l) => l.active,
        align: 'center',
        width: '80px',
        priority: 1,
      },
      syncStateColumn(t('ladders.state'), draftStates),
    ],
    [t, draftStates, groupsByLadder],
  )

  return (
    <EntityListScreen
      entity="ladder"
      screenId={LADDERS_SCREEN}
      route={route}
      list={list}
      canEdit={canEdit}
      columns={columns}
      hiddenWithPane={HIDDEN_WITH_PANE}
      icon="ladder"
      texts={{
        title: t('ladders.title'),
        subtitle: t('ladders.subtitle'),
        tableLabel: t('ladders.tableLabel'),
        filter: t('ladders.filter'),
        create: t('ladders.create'),
        empty: t('ladders.empty'),
        emptyHint: t('ladders.emptyHint'),
        emptyReadOnly: t('ladders.emptyReadOnly'),
      }}
      testIds={{ table: 'ladders-table', create: 'ladder-create', pane: 'ladder-pane' }}
      onRefresh={() => {
        void catalog.reload(true)
        void groups.reload(true)
      }}
      paneClassName="detail-pane--ladder"
      editor={
        <Suspense fallback={<LoadingState />}>
          <LadderEditor
            key={route.key}
            route={route}
            items={list.items}
            listStatus={list.status}
            catalog={catalog.items}
            groups={groups.items}
          />
        </Suspense>
      }
    />
  )
}
