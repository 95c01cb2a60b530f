// Pieces the list-and-editor screens share (identifier types, account groups): the new entities that are not on
// the server yet, the banner of a delete that waits or was refused, and what the editor pane says when there is
// no editor to show.
import type { ReactNode } from 'react'
import { useT } from '../../app/useT'
import type { Draft, DraftEntity } from '@shared/ipc'
import { hrefTo } from '../../app/router'
import { useUiStore } from '../../app/ui-store'
import { DraftStateBadge } from '../drafts/DraftStateBadge'
import { useNewEntityDrafts } from '../drafts/store'
import { Button } from '../../components/Button'
import type { EditorPaneView } from './useEditorLifecycle'
import { Banner, EmptyState, LoadingState } from '../../components/states'
import './entity-screen.css'
import { rowMessage } from '../../app/messages'

/** Creates of this entity that have no server id yet (drafts and queued rows), as links into the editor. */
export function NewEntityDrafts({
  entity,
  screen,
  selectedDraftId,
}: {
  entity: DraftEntity
  screen: string
  selectedDraftId: string | null
}): React.JSX.Element | null {
  const t = useT()
  const rows = useNewEntityDrafts(entity)
  if (rows.length === 0) return null
  return (
    <nav className="new-drafts" aria-label={t('entityScreen.newItems')} data-testid="new-drafts">
      <span className="new-drafts__title muted">{t('entityScreen.newItems')}</span>
      <ul className="new-drafts__list">
        {rows.map((row) => {
          const title = row.title || t('drafts.untitled')
          const current = row.id === selectedDraftId
          return (
            <li key={row.id}>
              <a
                className={current ? 'new-drafts__link is-current' : 'new-drafts__link'}
                href={hrefTo(screen, 'new', row.id)}
                aria-current={current ? 'true' : undefined}
                title={t('entityScreen.openNew', { title })}
              >
                <span className="new-drafts__name">{title}</span>
                <DraftStateBadge state={row.state} />
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}

/** A delete of the open entity that waits to be sent, or that the server refused (with its reason). */
export function DeleteBanner({
  row,
  onCancel,
  action,
}: {
  row: Draft
  onCancel: () => void
  /** Another way out offered next to "cancel" (deactivate instead of deleting). */
  action?: ReactNode
}): React.JSX.Element {
  const t = useT()
  const refused = row.state === 'failed'
  return (
    <Banner
      tone={refused ? 'danger' : 'info'}
      icon={refused ? 'alert' : 'sync'}
      action={
        <div className="row">
          {action}
          <Button size="sm" variant={refused ? 'secondary' : 'ghost'} onClick={onCancel}>
            {t('entityScreen.cancelDelete')}
          </Button>
        </div>
      }
    >
      <span data-testid={refused ? 'delete-refused' : 'delete-pending'}>
        {refused
          ? t('entityScreen.deleteRefused', { message: rowMessage(row) })
          : t('entityScreen.deletePending')}
      </span>
    </Banner>
  )
}

/** What the editor pane shows instead of an editor: loading, a create on its way, or nothing left to edit. */
export function EditorPaneMessage({
  view,
  onClose,
  conflictId,
}: {
  view: Exclude<EditorPaneView, 'editor'>
  onClose: () => void
  /** An unresolved conflict of the entity (it may have been deleted on the server while edited here). */
  conflictId?: string | null
}): React.JSX.Element {
  const t = useT()
  const openConflict = useUiStore((store) => store.openConflict)
  if (view === 'loading') return <LoadingState />
  if (view === 'creating') return <LoadingState label={t('entityScreen.creating')} />
  const back = (
    <Button icon="close" onClick={onClose}>
      {t('entityScreen.backToList')}
    </Button>
  )
  if (view === 'gone') {
    const resolve = conflictId ? (
      <Button variant="primary" icon="conflict" onClick={() => openConflict(conflictId)}>
        {t('editor.resolve')}
      </Button>
    ) : null
    return (
      <EmptyState
        icon="info"
        title={t('entityScreen.gone')}
        action={
          <div className="row">
            {resolve}
            {back}
          </div>
        }
      >
        {t('entityScreen.goneText')}
      </EmptyState>
    )
  }
  return <EmptyState icon="drafts" title={t('entityScreen.notFoundDraft')} action={back} />
}
