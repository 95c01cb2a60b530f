// Where a list-and-editor screen's editor points, from the hash params: `#/<screen>` nothing open,
// `#/<screen>/12` the entity 12, `#/<screen>/new` a new one, `#/<screen>/new/<draft id>` a new one's draft
// (what the drafts panel opens, and what a reload reopens).
import { useCallback, useState } from 'react'
import { replaceParams } from '../../app/router'

export type EditorTarget =
  | { kind: 'none' }
  | { kind: 'edit'; id: number }
  | { kind: 'new'; draftId: string | null }
  | { kind: 'invalid' }

export function parseEditorParams(params: readonly string[]): EditorTarget {
  const [first, second] = params
  if (first === undefined || first === '') return { kind: 'none' }
  if (first === 'new') return { kind: 'new', draftId: second ? second : null }
  if (/^\d{1,15}$/.test(first)) {
    const id = Number(first)
    if (id > 0) return { kind: 'edit', id }
  }
  return { kind: 'invalid' }
}

export interface EditorRoute {
  target: EditorTarget
  /** The editor's React key: it changes when another entity or another new draft is opened. */
  key: string
  /** The entity id for `useEntityEditor`; null for a new one. */
  entityId: number | null
  /**
   * The draft `useEntityEditor` should open: the one in the URL, except the draft this very editor created
   * (it already has it, and opening it again would reset what is being typed).
   */
  draftId: string | null
  open: (id: number) => void
  /** A blank new entity (each call starts another). */
  openNew: () => void
  close: () => void
  /** The new entity's editor saved its first draft: put its id in the URL without reopening the editor. */
  adoptDraft: (draftId: string) => void
}

export function useEditorRoute(params: readonly string[]): EditorRoute {
  const target = parseEditorParams(params)
  const [adopted, setAdopted] = useState<string | null>(null)
  const [blankGeneration, setBlankGeneration] = useState(0)

  const urlDraftId = target.kind === 'new' ? target.draftId : null
  const draftId = urlDraftId !== null && urlDraftId !== adopted ? urlDraftId : null
  const key =
    target.kind === 'edit'
      ? `edit:${target.id}`
      : target.kind === 'new'
        ? draftId !== null
          ? `draft:${draftId}`
          : `new:${blankGeneration}`
        : target.kind

  const open = useCallback((id: number) => replaceParams(id), [])
  const openNew = useCallback(() => {
    setAdopted(null)
    setBlankGeneration((generation) => generation + 1)
    replaceParams('new')
  }, [])
  const close = useCallback(() => replaceParams(), [])
  const adoptDraft = useCallback((id: string) => {
    setAdopted(id)
    replaceParams('new', id)
  }, [])

  return {
    target,
    key,
    entityId: target.kind === 'edit' ? target.id : null,
    draftId,
    open,
    openNew,
    close,
    adoptDraft,
  }
}
