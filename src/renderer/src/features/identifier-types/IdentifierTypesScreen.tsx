import { useMemo } from 'react'
import { useT } from '../../app/useT'
import type { IdentifierType } from '@shared/api'
import type { ScreenComponentProps } from '../../app/screens'
import type { DataTableColumn } from '../../components/data-table-model'
import { useEditorRoute } from '../entities/editor-route'
import { EntityListScreen } from '../entities/EntityListScreen'
import { syncStateColumn } from '../entities/sync-state-column'
import { useDraftStates } from '../drafts/store'
import { useCanEdit } from '../session/store'
import { lengthsText } from './form'
import { IdentifierTypeEditor } from './IdentifierTypeEditor'
import { useCachedList } from '../../app/queries'

export const IDENTIFIER_TYPES_SCREEN = 'identifier-types'

/** While the editor is open these are in it, not in the list. */
const HIDDEN_WITH_PANE = ['kind', 'pattern', 'unique']

/** Identifier types: the list, and the editor of the selected (or a new) one with a live test of a value. */
export function IdentifierTypesScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const t = useT()
  const route = useEditorRoute(params)
  const list = useCachedList('identifier-types:list')
  const draftStates = useDraftStates('identifier_type')
  const canEdit = useCanEdit('identifier_type')

  const columns = useMemo<DataTableColumn<IdentifierType>[]>(
    () => [
      {
        id: 'code',
        header: t('identifierTypes.code'),
        value: (type) => type.code,
        cell: (type) => <span className="mono data-table__text">{type.code}</span>,
        width: 'minmax(90px, 1fr)',
      },
      {
        id: 'name',
        header: t('identifierTypes.name'),
        value: (type) => type.name,
        width: 'minmax(120px, 2fr)',
        priority: 1,
      },
      {
        id: 'kind',
        header: t('identifierTypes.kind'),
        value: (type) => t(`identifierTypes.kindValue.${type.kind}`),
        width: 'minmax(110px, 1fr)',
        priority: 3,
      },
      {
        id: 'pattern',
        header: t('identifierTypes.pattern'),
        value: (type) => type.pattern,
        cell: (type) =>
          type.pattern ? (
            <span className="mono data-table__text" title={type.pattern}>
              {type.pattern}
            </span>
          ) : (
            <span className="muted">{t('identifierTypes.patternNone')}</span>
          ),
        width: 'minmax(140px, 2fr)',
      },
      {
        id: 'lengths',
        header: t('identifierTypes.lengths'),
        value: (type) => type.min_length ?? type.max_length,
        cell: (type) => lengthsText(type, t),
        filterText: false,
        width: '84px',
        priority: 4,
      },
      {
        id: 'unique',
        header: t('identifierTypes.unique'),
        value: (type) => type.unique,
        align: 'center',
        width: '120px',
        priority: 2,
      },
      {
        id: 'active',
        header: t('identifierTypes.active'),
        value: (type) => type.active,
        align: 'center',
        width: '88px',
        priority: 5,
      },
      syncStateColumn(t('identifierTypes.state'), draftStates),
    ],
    [t, draftStates],
  )

  return (
    <EntityListScreen
      entity="identifier_type"
      screenId={IDENTIFIER_TYPES_SCREEN}
      route={route}
      list={list}
      canEdit={canEdit}
      columns={columns}
      hiddenWithPane={HIDDEN_WITH_PANE}
      icon="identifier"
      texts={{
        title: t('identifierTypes.title'),
        subtitle: t('identifierTypes.subtitle'),
        tableLabel: t('identifierTypes.tableLabel'),
        filter: t('identifierTypes.filter'),
        create: t('identifierTypes.create'),
        empty: t('identifierTypes.empty'),
        emptyHint: t('identifierTypes.emptyHint'),
        emptyReadOnly: t('identifierTypes.emptyReadOnly'),
      }}
      testIds={{
        table: 'identifier-types-table',
        create: 'identifier-type-create',
        pane: 'identifier-type-pane',
      }}
      editor={
        <IdentifierTypeEditor key={route.key} route={route} items={list.items} listStatus={list.status} />
      }
    />
  )
}
