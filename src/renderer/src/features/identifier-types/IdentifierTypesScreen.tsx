import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { IdentifierType } from '../../../../shared/api'
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
import { lengthsText } from './form'
import { IdentifierTypeEditor } from './IdentifierTypeEditor'

export const IDENTIFIER_TYPES_SCREEN = 'identifier-types'

/** Identifier types: the list, and the editor of the selected (or a new) one with a live test of a value. */
export function IdentifierTypesScreen({ params }: ScreenComponentProps): React.JSX.Element {
  const { t } = useTranslation()
  const route = useEditorRoute(params)
  const list = useEntityList('identifier-types:list')
  const draftStates = useDraftStates('identifier_type')
  const canEdit = useCanEdit('identifier_type')

  const columns = useMemo<DataTableColumn<IdentifierType>[]>(
    () => [
      {
        id: 'code',
        header: t('identifierTypes.code'),
        value: (type) => type.code,
        cell: (type) => <span className="mono data-table__text">{type.code}</span>,
        width: 'minmax(100px, 1fr)',
      },
      {
        id: 'name',
        header: t('identifierTypes.name'),
        value: (type) => type.name,
        width: 'minmax(160px, 2fr)',
      },
      {
        id: 'kind',
        header: t('identifierTypes.kind'),
        value: (type) => t(`identifierTypes.kindValue.${type.kind}`),
        width: 'minmax(120px, 1fr)',
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
        width: '100px',
      },
      {
        id: 'unique',
        header: t('identifierTypes.unique'),
        value: (type) => type.unique,
        align: 'center',
        width: '120px',
      },
      {
        id: 'active',
        header: t('identifierTypes.active'),
        value: (type) => type.active,
        align: 'center',
        width: '100px',
      },
      {
        id: 'sync',
        header: t('identifierTypes.state'),
        value: (type) => draftStates.get(type.id) ?? null,
        cell: (type) => {
          const state = draftStates.get(type.id)
          return state ? <DraftStateBadge state={state} /> : null
        },
        filterText: false,
        width: 'minmax(150px, 1fr)',
      },
    ],
    [t, draftStates],
  )

  const createButton = canEdit && (
    <Button variant="primary" icon="plus" onClick={route.openNew} data-testid="identifier-type-create">
      {t('identifierTypes.create')}
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
        getRowId={(type) => type.id}
        label={t('identifierTypes.tableLabel')}
        filterLabel={t('identifierTypes.filter')}
        selectedId={route.entityId}
        onRowActivate={(type) => route.open(type.id)}
        initialSort={{ columnId: 'name', direction: 'asc' }}
        rowClassName={(type) => (type.active ? undefined : 'is-inactive')}
        empty={
          <EmptyState icon="identifier" title={t('identifierTypes.empty')} action={createButton || undefined}>
            {canEdit ? t('identifierTypes.emptyHint') : t('identifierTypes.emptyReadOnly')}
          </EmptyState>
        }
        testId="identifier-types-table"
      />
    )
  }

  const { target } = route
  return (
    <Screen
      title={t('identifierTypes.title')}
      subtitle={t('identifierTypes.subtitle')}
      fetchedAt={list.fetchedAt}
      stale={list.stale}
      layout="split"
      readOnly={!canEdit && target.kind === 'none'}
      actions={
        <>
          <Button icon="refresh" variant="ghost" onClick={() => void list.reload(true)}>
            {t('common.refresh')}
          </Button>
          {createButton}
        </>
      }
    >
      <div className="list-column">
        <NewEntityDrafts
          entity="identifier_type"
          screen={IDENTIFIER_TYPES_SCREEN}
          selectedDraftId={target.kind === 'new' ? target.draftId : null}
        />
        {content}
      </div>
      {target.kind !== 'none' && (
        <aside
          className="detail-pane"
          aria-label={t('identifierTypes.title')}
          data-testid="identifier-type-pane"
        >
          {target.kind === 'invalid' ? (
            <EmptyState icon="info" title={t('entityScreen.badId')} />
          ) : (
            <IdentifierTypeEditor key={route.key} route={route} items={list.items} listStatus={list.status} />
          )}
        </aside>
      )}
    </Screen>
  )
}
