// One editor pane for every resource edited through drafts: finds the server entity the route opens, runs the
// draft editor and its lifecycle from the resource's descriptor (body schema, delete channel, names, size limits),
// and gives the frame's props, or the message the pane shows instead of an editor. A resource's editor adds only
// its fields.
import { useMemo, type ReactNode } from 'react'
import { useWatch, type FieldValues } from 'react-hook-form'
import type { z } from 'zod'
import type { DraftKind, EntityOf } from '@shared/resources'
import { DRAFT_RESOURCES } from '@shared/resources'
import type { FormParse } from '../../app/form-resolver'
import type { EditorRoute } from './editor-route'
import type { EntityEditorFrameProps } from './EntityEditor'
import { DeleteBanner, EditorPaneMessage } from './entity-screen'
import { useEditorLifecycle, type EditorLifecycle } from './useEditorLifecycle'
import { useEntityEditor, type EntityEditor } from './useEntityEditor'

/** What only the resource's editor knows. */
export interface EditorPaneSpec<K extends DraftKind, TValues extends FieldValues> {
  /** Form values of the server entity, or blank ones for a new entity. */
  toForm: (server: EntityOf<K> | null) => TValues
  /** Form values from a stored draft (default: `toForm(server)` overlaid with it); see `useEntityEditor`. */
  fromPayload?: (payload: unknown, fallback: TValues) => TValues
  /** The form's resolver schema, when it accepts more than the create body (default: the descriptor's `create`). */
  schema?: z.ZodType<unknown, TValues>
  /** A quicker check with the same answers as the schema's `safeParse` (see `useEntityEditor`). */
  parse?: FormParse
  /** The heading of a new one that has no name yet. */
  newTitle: string
}

/** What the screen gives its editor pane. */
export interface EditorPaneProps<K extends DraftKind> {
  route: EditorRoute
  /** The resource's list as the screen has it. */
  items: readonly EntityOf<K>[]
  listStatus: 'loading' | 'ready' | 'error'
}

export interface EditorPane<K extends DraftKind, TValues extends FieldValues> {
  /** The entity the route opens, as the list has it; null for a new one (or while it loads). */
  server: EntityOf<K> | null
  editor: EntityEditor<TValues>
  lifecycle: EditorLifecycle<TValues>
  /** What the pane shows instead of the editor (loading, a create on its way, nothing to edit); else null. */
  message: ReactNode
  /** The frame around the fields (`<EntityEditorFrame {...pane.frame}>`). */
  frame: Omit<EntityEditorFrameProps<TValues>, 'children'>
  /** The banner of a delete that waits or was refused, with another way out (`action`) beside "cancel". */
  deleteBanner: (action?: ReactNode) => ReactNode
}

/** `kind`'s editor pane; its test id is `<kind>-editor` with dashes (`account-group-editor`). */
export function useEditorPane<K extends DraftKind, TValues extends FieldValues>(
  kind: K,
  { route, items, listStatus }: EditorPaneProps<K>,
  { toForm, fromPayload, schema, parse, newTitle }: EditorPaneSpec<K, TValues>,
): EditorPane<K, TValues> {
  const resource = DRAFT_RESOURCES[kind]
  const server = useMemo(
    () => (route.entityId === null ? null : (items.find((item) => item.id === route.entityId) ?? null)),
    [items, route.entityId],
  )
  const editor = useEntityEditor<TValues, EntityOf<K>>({
    entity: kind,
    entityId: route.entityId,
    draftId: route.draftId,
    server,
    schema: schema ?? (resource.create as unknown as z.ZodType<unknown, TValues>),
    parse,
    toForm,
    fromPayload,
    onClose: route.close,
  })
  const lifecycle = useEditorLifecycle({
    editor,
    route,
    server,
    listStatus,
    items,
    titleOf: (entity) => resource.displayName(entity) ?? '',
  })
  // The title only: watching every value re-rendered the whole editor frame on each keystroke (a 50-step ladder).
  const editedTitle = useWatch({
    control: editor.form.control,
    compute: (values: FieldValues) => resource.displayName(values as Record<string, unknown>),
  })

  const { deleteRow, cancelDelete } = lifecycle
  const deleteBanner = (action?: ReactNode) =>
    deleteRow && <DeleteBanner row={deleteRow} onCancel={() => void cancelDelete()} action={action} />
  const message =
    lifecycle.view === 'editor' ? null : (
      <EditorPaneMessage
        view={lifecycle.view}
        onClose={route.close}
        conflictId={editor.conflictRow?.id ?? null}
      />
    )
  return {
    server,
    editor,
    lifecycle,
    message,
    frame: {
      editor: lifecycle.frameEditor,
      title: editedTitle ?? (server ? resource.displayName(server) : null) ?? newTitle,
      onClose: route.close,
      focusFirstField: route.entityId === null,
      deletable: server !== null && deleteRow === null,
      locked: deleteRow !== null,
      limits: resource.limits,
      testId: `${kind.replaceAll('_', '-')}-editor`,
      before: deleteBanner(),
    },
    deleteBanner,
  }
}
