// The editing pattern every entity editor shares: the form autosaves as a draft in main (debounced), survives a
// restart (the draft is reopened), publishes through the outbox, shows the server's field errors at the fields,
// and is read-only for roles that may not edit.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { z } from 'zod'
import type { Draft, DraftEntity, DraftState, IpcError, IpcFieldError } from '@shared/ipc'
import { deleteChannelOf } from '@shared/resources'
import { invoke } from '../../ipc/client'
import { followPublished } from '../drafts/outcome'
import { useDraftsStore, worstState } from '../drafts/store'
import { canEdit, useRole } from '../session/store'
import { useShortcut } from '../../app/shortcuts'
import { codedResolver, type FormParse } from '../../app/form-resolver'
import { fieldErrorsOf } from '../../app/messages'
import { applyFieldErrors } from '../../components/form-errors'
import { toast } from '../../components/toast-store'

export type AutosaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error'

export interface EntityEditorOptions<TValues extends FieldValues, TEntity> {
  entity: DraftEntity
  /** The server id being edited; null for a new entity. */
  entityId: number | null
  /** A draft or outbox row to continue (a new entity opened from the drafts panel: `#/<screen>/new/<id>`). */
  draftId?: string | null
  /** The entity as main has it (list or `…:get`); null for a new one or while it loads. */
  server: TEntity | null
  /**
   * The body schema (`identifierTypeCreate`, `accountGroupCreate`, `ladderCreateChecked`…): the form's
   * resolver, so the messages at the fields are the schema's.
   */
  schema: z.ZodType<unknown, TValues>
  /** A quicker check of the values with the same answers as `schema.safeParse` (the ladder's, per keystroke). */
  parse?: FormParse
  /** Form values for the server entity, or blank ones for a new entity (`server === null`). */
  toForm: (server: TEntity | null) => TValues
  /** Form values from a stored payload (a draft may be partial); default: `toForm(server)` overlaid with it. */
  fromPayload?: (payload: unknown, fallback: TValues) => TValues
  /** Debounce of the autosave, ms. */
  autosaveMs?: number
  /** Esc in the editor (close it; the draft stays). */
  onClose?: () => void
  /** After a successful publish (the outbox row). */
  onPublished?: (row: Draft) => void
}

export interface EntityEditor<TValues extends FieldValues> {
  form: UseFormReturn<TValues>
  /** False until the drafts are loaded and the server entity (for an edit) is known: show a loading state. */
  ready: boolean
  /** The role may not edit this kind: fields are read-only, nothing autosaves. */
  readOnly: boolean
  /** The local draft of this entity, if any. */
  draft: Draft | null
  /** The outbox rows of this entity (queued, syncing, failed, conflict), oldest first. */
  rows: Draft[]
  /** What the badge shows: the state that needs the person most, or null when nothing is pending. */
  state: DraftState | null
  /** The row in conflict, for "Resolve". */
  conflictRow: Draft | null
  /** The row the server refused (its `error` and `fields`). */
  failedRow: Draft | null
  /** The outbox row the last publish of this editor answered (it may be sent and gone already). */
  published: Draft | null
  autosave: { status: AutosaveStatus; savedAt: string | null; error: IpcError | null }
  /** Server or main errors that do not belong to a field of the form. */
  formErrors: IpcFieldError[]
  /** Validates, saves and queues the edit (Ctrl+S). True when queued. */
  publish: () => Promise<boolean>
  /** Drops the local draft and shows the entity as it is (or as queued). */
  discard: () => Promise<void>
  /** Queues a delete of the server entity at the version shown. True when queued. */
  remove: () => Promise<boolean>
  /** Saves the draft now (before navigating away, for instance). */
  flush: () => Promise<void>
}

function overlay<TValues extends FieldValues>(payload: unknown, fallback: TValues): TValues {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) return fallback
  const result: Record<string, unknown> = { ...fallback }
  for (const [key, value] of Object.entries(payload)) if (key in fallback) result[key] = value
  return result as TValues
}

function versionOf(entity: unknown): number | undefined {
  if (typeof entity !== 'object' || entity === null) return undefined
  const version = (entity as { version?: unknown }).version
  return typeof version === 'number' ? version : undefined
}

export function useEntityEditor<TValues extends FieldValues, TEntity>(
  options: EntityEditorOptions<TValues, TEntity>,
): EntityEditor<TValues> {
  const { entity, entityId, draftId = null, server, schema, parse, autosaveMs = 600 } = options
  const t = useT()
  const role = useRole()
  const readOnly = !canEdit(role, entity)
  const draftsLoaded = useDraftsStore((store) => store.loaded)
  const items = useDraftsStore((store) => store.items)
  const saveDraft = useDraftsStore((store) => store.save)
  const optionsRef = useRef(options)
  useEffect(() => {
    optionsRef.current = options
  })

  const form = useForm<TValues>({
    resolver: codedResolver<TValues>(schema, parse),
    mode: 'onTouched',
  })

  // The rows of this entity: by server id, or — for a create — the draft/row it was opened with and the rows
  // that continue it.
  const [ownDraftId, setOwnDraftId] = useState<string | null>(draftId)
  const rowsOfEntity = useMemo(
    () =>
      items.filter((item) =>
        entityId !== null
          ? item.entity === entity && item.entity_id === entityId
          : item.id === ownDraftId ||
            item.id === draftId ||
            (ownDraftId !== null && item.draft_id === ownDraftId),
      ),
    [items, entity, entityId, ownDraftId, draftId],
  )
  const draft = rowsOfEntity.find((row) => row.kind === 'draft') ?? null
  const rows = rowsOfEntity.filter((row) => row.kind === 'outbox')
  const state = worstState(rowsOfEntity)
  const conflictRow = rows.find((row) => row.state === 'conflict') ?? null
  const failedRow = rows.find((row) => row.state === 'failed') ?? (draft?.fields.length ? draft : null)
  const lastRow = rows.length > 0 ? rows[rows.length - 1] : undefined

  const ready = draftsLoaded && (entityId === null || server !== null)
  const [autosave, setAutosave] = useState<EntityEditor<TValues>['autosave']>({
    status: 'idle',
    savedAt: null,
    error: null,
  })
  const [formErrors, setFormErrors] = useState<IpcFieldError[]>([])
  const [published, setPublished] = useState<Draft | null>(null)
  // Counts the resets of the form: field errors are applied again after each.
  const [resets, setResets] = useState(0)

  // What the form was last reset to / saved as (JSON), so a reset never looks like an edit.
  const savedJson = useRef<string | null>(null)
  const draftIdRef = useRef<string | null>(draftId)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  /** Stops the toast that follows the last publish (a newer publish of this editor takes over). */
  const following = useRef<(() => void) | null>(null)
  const initializedFor = useRef<string | null>(null)
  const appliedErrors = useRef<string | null>(null)
  const serverVersion = versionOf(server)

  // (Re)initialise the form when the editor opens another entity, when the drafts arrive, or when the server
  // entity changes while nothing local is pending (someone else's edit arrived, or ours was synced).
  const target = `${entity}:${entityId ?? 'new'}:${draftId ?? ''}`
  const initKey = ready ? `${target}:${draft || lastRow ? 'local' : `v${serverVersion ?? 0}`}` : null
  useEffect(() => {
    if (initKey === null || initializedFor.current === initKey) return
    const sameTarget = initializedFor.current?.startsWith(`${target}:`) ?? false
    // A local draft or a queued edit appeared for the entity being edited: that is our own autosave, keep typing.
    if (sameTarget && initKey.endsWith(':local')) {
      initializedFor.current = initKey
      return
    }
    // Unsaved typing is never overwritten; otherwise show the new truth (a draft discarded elsewhere, a sync).
    if (sameTarget && JSON.stringify(form.getValues()) !== savedJson.current) return
    initializedFor.current = initKey
    const { toForm, fromPayload } = optionsRef.current
    const base = toForm(server)
    const source = draft ?? lastRow ?? (draftId ? items.find((item) => item.id === draftId) : undefined)
    const values = source && source.payload !== null ? (fromPayload ?? overlay)(source.payload, base) : base
    draftIdRef.current = draft?.id ?? (draftId && !draft ? draftId : null)
    setOwnDraftId(draft?.id ?? draftId)
    savedJson.current = JSON.stringify(values)
    form.reset(values as DefaultValues<TValues>)
    appliedErrors.current = null
    setFormErrors([])
    setResets((count) => count + 1)
  }, [initKey, target, server, draft, lastRow, draftId, items, form])

  // The server refused the edit (a failed row) or main refused to publish the draft: errors at the fields.
  const errorsKey = failedRow && ready ? `${failedRow.id}:${failedRow.updated_at}:${resets}` : null
  useEffect(() => {
    if (!errorsKey || !failedRow || appliedErrors.current === errorsKey) return
    appliedErrors.current = errorsKey
    const values = form.getValues() as Record<string, unknown>
    setFormErrors(
      applyFieldErrors(
        form.setError,
        fieldErrorsOf(failedRow),
        (name) => (name.split('.')[0] ?? '') in values,
      ),
    )
  }, [errorsKey, failedRow, form])

  // Saves the form as the draft; saves run one after another so the last values always win.
  const save = useCallback((): Promise<void> => {
    const run = async (): Promise<void> => {
      const payload = form.getValues()
      const json = JSON.stringify(payload)
      if (json === savedJson.current) return
      setAutosave((current) => ({ ...current, status: 'saving' }))
      const result = await saveDraft({
        id: draftIdRef.current ?? undefined,
        entity,
        entity_id: entityId,
        payload,
      })
      if (!result.ok) {
        setAutosave({ status: 'error', savedAt: null, error: result.error })
        return
      }
      draftIdRef.current = result.data.id
      setOwnDraftId(result.data.id)
      savedJson.current = json
      setAutosave({ status: 'saved', savedAt: result.data.updated_at, error: null })
    }
    const next = chain.current.then(run, run)
    chain.current = next.catch(() => undefined)
    return next
  }, [entity, entityId, form, saveDraft])

  // Autosave: every change of the values (user input, field arrays, setValue) schedules one save.
  useEffect(() => {
    if (readOnly || !ready) return
    return form.subscribe({
      formState: { values: true },
      callback: ({ values }) => {
        if (JSON.stringify(values) === savedJson.current) return
        // The same state while already pending: a keystroke must not render the whole editor again.
        setAutosave((current) => (current.status === 'pending' ? current : { ...current, status: 'pending' }))
        if (timer.current) clearTimeout(timer.current)
        timer.current = setTimeout(() => {
          timer.current = null
          void save()
        }, autosaveMs)
      },
    })
  }, [form, readOnly, ready, autosaveMs, save])

  const flush = useCallback(async () => {
    if (!timer.current) return chain.current
    clearTimeout(timer.current)
    timer.current = null
    await save()
  }, [save])

  // Leaving the editor saves what is pending (the draft must not be lost by navigating away).
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current)
        timer.current = null
        void save()
      }
    },
    [save],
  )

  const publish = useCallback(async (): Promise<boolean> => {
    if (readOnly) return false
    let queued = false
    await form.handleSubmit(
      async (values) => {
        if (timer.current) clearTimeout(timer.current)
        timer.current = null
        await chain.current
        setFormErrors([])
        const result = await saveDraft({
          id: draftIdRef.current ?? undefined,
          entity,
          entity_id: entityId,
          payload: values,
          publish: true,
        })
        if (!result.ok) {
          const known = (name: string) => (name.split('.')[0] ?? '') in (values as Record<string, unknown>)
          setFormErrors(applyFieldErrors(form.setError, result.error.fields, known))
          toast.ipcError(result.error)
          return
        }
        queued = true
        // A create has no server id yet: later edits continue its outbox row (main folds them into it, so a
        // refused create is fixed in place instead of leaving the refusal behind next to a second create).
        draftIdRef.current = result.data.entity_id === null ? result.data.id : null
        setOwnDraftId(result.data.draft_id ?? result.data.id)
        savedJson.current = JSON.stringify(form.getValues())
        form.reset(form.getValues())
        setAutosave({ status: 'idle', savedAt: null, error: null })
        setPublished(result.data)
        following.current?.()
        following.current = followPublished(result.data)
        optionsRef.current.onPublished?.(result.data)
      },
      () => {
        toast.error(t('errors.validation'))
      },
    )()
    return queued
  }, [readOnly, form, saveDraft, entity, entityId, t])

  const discardDraft = useDraftsStore((store) => store.discard)
  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    await chain.current
    const id = draftIdRef.current
    if (id && items.some((item) => item.id === id && item.kind === 'draft')) {
      const result = await discardDraft(id)
      if (!result.ok) {
        toast.error(result.error.message)
        return
      }
    }
    draftIdRef.current = null
    initializedFor.current = null
    const { toForm, fromPayload } = optionsRef.current
    const base = toForm(server)
    const values =
      lastRow && lastRow.payload !== null ? (fromPayload ?? overlay)(lastRow.payload, base) : base
    savedJson.current = JSON.stringify(values)
    form.reset(values as DefaultValues<TValues>)
    setFormErrors([])
    setAutosave({ status: 'idle', savedAt: null, error: null })
  }, [items, discardDraft, server, lastRow, form])

  const remove = useCallback(async (): Promise<boolean> => {
    // A singleton (the settings) is one document, and accounts are not deleted here: no delete channel.
    const channel = entity === 'settings' ? null : deleteChannelOf(entity)
    if (readOnly || entityId === null || channel === null) return false
    const version = versionOf(server)
    const result = await invoke(channel, version ? { id: entityId, version } : { id: entityId })
    if (!result.ok) {
      toast.ipcError(result.error)
      return false
    }
    return true
  }, [readOnly, entityId, server, entity])

  useShortcut('mod+s', () => void publish(), !readOnly && ready)
  useShortcut('escape', () => optionsRef.current.onClose?.(), Boolean(options.onClose))

  return {
    form,
    ready,
    readOnly,
    draft,
    rows,
    state,
    conflictRow,
    failedRow,
    published,
    autosave,
    formErrors,
    publish,
    discard,
    remove,
    flush,
  }
}
