// What an entity editor pane shows around `useEntityEditor` over the entity's life: loading, the editor, a new
// entity's draft put in the URL (so a reload reopens it), the create that reached the server (the editor
// follows it to the id main reported for it), a delete waiting or refused, and the entity gone.
import { useCallback, useEffect, useState } from 'react'
import type { FieldValues } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { Draft } from '@shared/ipc'
import { useDraftsStore } from '../drafts/store'
import { useCreatedId } from '../drafts/synced'
import type { EditorRoute } from './editor-route'
import { toast } from '../../components/toast-store'
import type { EntityEditor } from './useEntityEditor'
import { messageFor } from '../../app/messages'

export type EditorPaneView = 'loading' | 'editor' | 'gone' | 'creating' | 'draft-missing'

export interface EditorLifecycleOptions<TValues extends FieldValues, TEntity extends { id: number }> {
  editor: EntityEditor<TValues>
  route: EditorRoute
  server: TEntity | null
  listStatus: 'loading' | 'ready' | 'error'
  items: readonly TEntity[]
  /** The entity's display name, for the "deleted" notice. */
  titleOf: (entity: TEntity) => string
}

export interface EditorLifecycle<TValues extends FieldValues> {
  view: EditorPaneView
  /**
   * The editor for `EntityEditorFrame`, without the delete row: a delete that waits or was refused gets its own
   * banner (`DeleteBanner`), not the frame's "your edit is queued / was refused".
   */
  frameEditor: EntityEditor<TValues>
  /** A delete of this entity waiting, being sent or refused; null when none. */
  deleteRow: Draft | null
  /** The id the server gave a create of this editor, once main reports it; null before (or for an edit). */
  createdId: number | null
  /** Drops the waiting or refused delete (the entity stays as it is). */
  cancelDelete: () => Promise<void>
}

export function useEditorLifecycle<TValues extends FieldValues, TEntity extends { id: number }>(
  options: EditorLifecycleOptions<TValues, TEntity>,
): EditorLifecycle<TValues> {
  const { editor, route, server, listStatus, items, titleOf } = options
  const t = useT()
  const { target } = route
  const deleteRow = editor.rows.find((row) => row.action === 'delete' && row.state !== 'conflict') ?? null
  // The create's row as last seen — or as the last publish answered it: a create fixed after a refusal may be
  // sent and gone before the list ever shows its new body, and the old one must not be followed.
  const createRow =
    editor.rows.find((row) => row.action === 'create') ??
    (editor.published?.action === 'create' ? editor.published : null)
  const hasLocal = editor.draft !== null || editor.rows.length > 0

  // What the pane remembers across renders (state, adjusted while rendering, so the view is derived).
  // The create seen last, by its outbox row and the draft it was published from: when it leaves the outbox,
  // main has already said which server id it became (`drafts:synced`).
  const [createIds, setCreateIds] = useState<readonly string[]>([])
  if (createRow && !createIds.includes(createRow.id)) {
    setCreateIds([createRow.id, ...(createRow.draft_id ? [createRow.draft_id] : [])])
  }
  const createdId = useCreatedId([...createIds, target.kind === 'new' ? target.draftId : null])
  // The delete seen last: a row that vanishes after being refused was cancelled; one that vanishes after
  // waiting was sent (or cancelled in the drafts panel — the entity then simply stays).
  const [pendingDelete, setPendingDelete] = useState<{ title: string; state: Draft['state'] } | null>(null)
  if (deleteRow && server) {
    const title = titleOf(server)
    if (pendingDelete?.title !== title || pendingDelete.state !== deleteRow.state) {
      setPendingDelete({ title, state: deleteRow.state })
    }
  } else if (!deleteRow && pendingDelete?.state === 'failed') setPendingDelete(null)
  const deleteTitle = pendingDelete?.title ?? null
  const discardRow = useDraftsStore((store) => store.discard)

  const gone = target.kind === 'new' && !hasLocal && (createIds.length > 0 || target.draftId !== null)
  let view: EditorPaneView
  if (target.kind === 'edit') {
    if (server) view = editor.ready ? 'editor' : 'loading'
    else if (listStatus === 'loading' || deleteTitle !== null) view = 'loading'
    else view = 'gone'
  } else if (!editor.ready) view = 'loading'
  else if (gone) view = createdId !== null ? 'creating' : 'draft-missing'
  else view = 'editor'

  // A new entity's first autosave: its draft id goes into the URL.
  const ownDraftId = editor.draft?.id ?? null
  useEffect(() => {
    if (target.kind === 'new' && target.draftId === null && ownDraftId) route.adoptDraft(ownDraftId)
  }, [target, ownDraftId, route])

  // The create reached the server: open the entity it became once the list has it.
  const createdListed = view === 'creating' && items.some((item) => item.id === createdId)
  useEffect(() => {
    if (createdListed && createdId !== null) route.open(createdId)
  }, [createdListed, createdId, route])

  // The delete went through: say so and close the pane.
  const deleted = target.kind === 'edit' && !server && listStatus !== 'loading' && deleteTitle !== null
  useEffect(() => {
    if (!deleted || deleteTitle === null) return
    toast.success(t('entityScreen.deleted', { title: deleteTitle }))
    route.close()
  }, [deleted, deleteTitle, route, t])

  const cancelDelete = useCallback(async () => {
    if (!deleteRow) return
    const result = await discardRow(deleteRow.id)
    if (!result.ok) {
      toast.error(messageFor(result.error))
      return
    }
    setPendingDelete(null)
    toast.info(t('entityScreen.deleteCancelled'))
  }, [deleteRow, discardRow, t])

  // The delete may be sent and done before the drafts list ever shows its row: remember it from the start.
  const { remove } = editor
  const removeAndRemember = useCallback(async () => {
    if (server) setPendingDelete({ title: titleOf(server), state: 'queued' })
    const queued = await remove()
    if (!queued) setPendingDelete(null)
    return queued
  }, [remove, server, titleOf])

  const frameEditor: EntityEditor<TValues> = {
    ...editor,
    remove: removeAndRemember,
    ...(deleteRow && {
      rows: editor.rows.filter((row) => row !== deleteRow),
      failedRow: editor.failedRow === deleteRow ? null : editor.failedRow,
    }),
  }

  return { view, frameEditor, deleteRow, createdId, cancelDelete }
}
