// The list-and-editor screen of an entity edited through drafts (identifier types, account groups): the header
// with Refresh and Create, the new entities not on the server yet, the list in every state, and the pane with the
// editor of what the route opens.
import { useMemo, type ReactNode } from 'react'
import { useT } from '../../app/useT'
import type { DraftEntity, IpcError } from '@shared/ipc'
import { Button } from '../../components/Button'
import { DataTable } from '../../components/DataTable'
import type { DataTableColumn } from '../../components/data-table-model'
import type { EditorRoute } from './editor-route'
import { NewEntityDrafts } from './entity-screen'
import type { IconName } from '../../components/Icon'
import { Screen } from '../../components/Screen'
import { EmptyState, ErrorState, LoadingState } from '../../components/states'

export interface ListState<T> {
  status: 'loading' | 'ready' | 'error'
  items: readonly T[]
  fetchedAt: string | null
  stale: boolean
  error: IpcError | null
  reload: (refresh?: boolean) => Promise<void>
}

/** A list's first load and its failure when nothing is cached; otherwise the list itself. */
export function ListStates<T>({
  list,
  children,
}: {
  list: ListState<T>
  children: ReactNode
}): React.JSX.Element {
  const t = useT()
  if (list.status === 'loading') return <LoadingState />
  if (list.status === 'error' && list.items.length === 0) {
    const { error } = list
    return (
      <ErrorState
        message={error ? t(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 }) : undefined}
        onRetry={() => void list.reload(true)}
      />
    )
  }
  return <>{children}</>
}

export interface EntityListScreenProps<T extends { id: number; active: boolean }> {
  entity: DraftEntity
  /** The hash segment of the screen (`identifier-types`). */
  screenId: string
  route: EditorRoute
  list: ListState<T>
  canEdit: boolean
  columns: readonly DataTableColumn<T>[]
  /** Columns left out while the editor pane is open (the pane shows them), so the rest stay readable. */
  hiddenWithPane?: readonly string[]
  icon: IconName
  texts: {
    title: string
    subtitle: string
    tableLabel: string
    filter: string
    create: string
    empty: string
    emptyHint: string
    emptyReadOnly: string
  }
  /** Test ids of the grid, the Create button and the editor pane (for page models). */
  testIds: { table: string; create: string; pane: string }
  /** Refresh re-reads the list; and these too (lists the editor uses). */
  onRefresh?: () => void
  /** The editor of what the route opens (keyed by `route.key`). */
  editor: ReactNode
  /** A class of the editor pane besides `detail-pane` (a wider pane for a bigger editor). */
  paneClassName?: string
}

export function EntityListScreen<T extends { id: number; active: boolean }>({
  entity,
  screenId,
  route,
  list,
  canEdit,
  columns,
  hiddenWithPane,
  icon,
  texts,
  testIds,
  onRefresh,
  editor,
  paneClassName,
}: EntityListScreenProps<T>): React.JSX.Element {
  const t = useT()
  const { target } = route
  const paneOpen = target.kind !== 'none'
  const shownColumns = useMemo(
    () =>
      paneOpen && hiddenWithPane ? columns.filter((column) => !hiddenWithPane.includes(column.id)) : columns,
    [columns, hiddenWithPane, paneOpen],
  )
  const createButton = canEdit && (
    <Button variant="primary" icon="plus" onClick={route.openNew} data-testid={testIds.create}>
      {texts.create}
    </Button>
  )
  return (
    <Screen
      title={texts.title}
      subtitle={texts.subtitle}
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
              onRefresh?.()
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
          entity={entity}
          screen={screenId}
          selectedDraftId={target.kind === 'new' ? target.draftId : null}
        />
        <ListStates list={list}>
          <DataTable
            rows={list.items}
            columns={shownColumns}
            getRowId={(item) => item.id}
            label={texts.tableLabel}
            filterLabel={texts.filter}
            selectedId={route.entityId}
            onRowActivate={(item) => route.open(item.id)}
            initialSort={{ columnId: 'name', direction: 'asc' }}
            rowClassName={(item) => (item.active ? undefined : 'is-inactive')}
            empty={
              <EmptyState icon={icon} title={texts.empty} action={createButton || undefined}>
                {canEdit ? texts.emptyHint : texts.emptyReadOnly}
              </EmptyState>
            }
            testId={testIds.table}
          />
        </ListStates>
      </div>
      {target.kind !== 'none' && (
        <aside
          className={paneClassName ? `detail-pane ${paneClassName}` : 'detail-pane'}
          aria-label={texts.title}
          data-testid={testIds.pane}
        >
          {target.kind === 'invalid' ? <EmptyState icon="info" title={t('entityScreen.badId')} /> : editor}
        </aside>
      )}
    </Screen>
  )
}
