import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import type { FieldValues } from 'react-hook-form'
import { useT } from '../../app/useT'
import { formatDataTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { useUiStore } from '../../app/ui-store'
import { DraftStateBadge } from '../drafts/DraftStateBadge'
import { ReadOnlyBanner } from '../../app/banners'
import { Button, IconButton } from '../../components/Button'
import { ConfirmDialog } from '../../components/Dialog'
import { FieldLimitsProvider, type FieldLimitsOf } from '../../components/fields'
import { Banner } from '../../components/states'
import { toast } from '../../components/toast-store'
import type { EntityEditor } from './useEntityEditor'
import { fieldMessage, messageFor, rowMessage } from '../../app/messages'

export interface EntityEditorFrameProps<TValues extends FieldValues> {
  editor: EntityEditor<TValues>
  title: string
  /** Close button and Esc (the hook's `onClose` binds Esc; this shows the button). */
  onClose?: () => void
  /** Shows "Delete" for an existing entity (the role must be able to edit too). */
  deletable?: boolean
  /** Why a delete would be refused, when the editor already knows (a group that has accounts): Delete is disabled with it. */
  deleteBlocked?: string | null
  onDeleted?: () => void
  /** Extra buttons on the left of the footer. */
  footerExtra?: ReactNode
  /** Above the form, after the frame's banners (a banner of the screen's own, e.g. a refused delete). */
  before?: ReactNode
  /** After the form, outside its fieldset: stays usable when the editor is read-only (a live check of a value). */
  after?: ReactNode
  /** The fields. They are disabled together when the editor is read-only or `locked`. */
  children: ReactNode
  /** The fields cannot change now (a delete of the entity waits or was refused). */
  locked?: boolean
  /** Size limits of the fields, from the body schema: text fields take `maxLength` and `required` from them. */
  limits?: Readonly<Record<string, FieldLimitsOf>>
  testId?: string
  /** A new record: its first field takes the focus when the editor opens (not the toolbar's «Create»). */
  focusFirstField?: boolean
}

const FIRST_FIELD =
  'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])'

/**
 * The frame around an entity's fields: state badge and autosave status, the conflict / refused / queued
 * banners, errors that belong to no field, and Discard · Delete · Publish (Ctrl+S).
 */
export function EntityEditorFrame<TValues extends FieldValues>({
  editor,
  title,
  onClose,
  deletable,
  deleteBlocked,
  onDeleted,
  footerExtra,
  before,
  after,
  children,
  testId,
  focusFirstField,
  locked,
  limits,
}: EntityEditorFrameProps<TValues>): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const openConflict = useUiStore((store) => store.openConflict)
  const [confirmDelete, setConfirmDelete] = useState(false)
  const [busy, setBusy] = useState<'publish' | 'discard' | 'delete' | null>(null)
  const { autosave, readOnly, draft, rows, conflictRow, failedRow, formErrors, form } = editor
  const queued = rows.some((row) => row.state === 'queued' || row.state === 'syncing')
  const shownTitle = title || t('drafts.untitled')
  const deleteReasonId = useId()
  const formRef = useRef<HTMLFormElement>(null)
  const focused = useRef(false)
  useEffect(() => {
    if (!focusFirstField || readOnly || focused.current) return
    focused.current = true
    formRef.current?.querySelector<HTMLElement>(FIRST_FIELD)?.focus()
  }, [focusFirstField, readOnly])

  const status =
    autosave.status === 'saving'
      ? t('editor.saving')
      : autosave.status === 'pending'
        ? t('editor.pending')
        : autosave.status === 'error'
          ? t('editor.saveError', { message: autosave.error ? messageFor(autosave.error) : '' })
          : draft
            ? t('editor.savedAt', { time: formatDataTime(autosave.savedAt ?? draft.updated_at, language) })
            : null

  const run = async (action: 'publish' | 'discard' | 'delete') => {
    setBusy(action)
    try {
      if (action === 'publish') await editor.publish()
      else if (action === 'discard') await editor.discard()
      else if (await editor.remove()) {
        // Queued, not done: the pane says when it is deleted, and a refusal shows in its banner.
        toast.info(t('editor.deleteQueued', { title: shownTitle }))
        onDeleted?.()
      }
    } finally {
      setBusy(null)
    }
  }

  return (
    <section className="editor" aria-label={shownTitle} data-testid={testId}>
      <header className="editor__header">
        <h2 className="editor__title">{shownTitle}</h2>
        {editor.state && <DraftStateBadge state={editor.state} />}
        {onClose && <IconButton icon="close" label={t('editor.close')} shortcut="escape" onClick={onClose} />}
      </header>
      <div className="editor__body">
        {readOnly && <ReadOnlyBanner />}
        {conflictRow && (
          <Banner
            tone="warning"
            icon="conflict"
            action={
              <Button size="sm" variant="primary" onClick={() => openConflict(conflictRow.id)}>
                {t('editor.resolve')}
              </Button>
            }
          >
            {t('editor.conflictBanner')}
          </Banner>
        )}
        {failedRow && failedRow.error && (
          <Banner tone="danger" icon="alert">
            <span data-testid="editor-refused">
              {t('editor.failedBanner', { message: rowMessage(failedRow) })}
            </span>
          </Banner>
        )}
        {queued && !conflictRow && !failedRow && (
          <Banner tone="info" icon="sync">
            {t('editor.queuedBanner')}
          </Banner>
        )}
        {formErrors.length > 0 && (
          <Banner tone="danger" icon="alert">
            <p>{t('editor.otherErrors')}</p>
            <ul className="editor__errors">
              {formErrors.map((error, index) => (
                <li key={index}>
                  {error.path.length > 0 && <code>{error.path.join('.')}: </code>}
                  {fieldMessage(error)}
                </li>
              ))}
            </ul>
          </Banner>
        )}
        {before}
        <form
          ref={formRef}
          className="editor__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void run('publish')
          }}
        >
          <fieldset className="editor__fieldset" disabled={readOnly || locked}>
            <legend className="visually-hidden">{shownTitle}</legend>
            <FieldLimitsProvider limits={limits}>{children}</FieldLimitsProvider>
          </fieldset>
        </form>
        {after}
      </div>
      {!readOnly && (
        <footer className="editor__footer">
          {deletable && (
            <Button
              variant="ghost"
              icon="trash"
              loading={busy === 'delete'}
              disabled={Boolean(deleteBlocked)}
              aria-describedby={deleteBlocked ? deleteReasonId : undefined}
              onClick={() => setConfirmDelete(true)}
            >
              {t('editor.delete')}
            </Button>
          )}
          {deletable && deleteBlocked && (
            <span className="editor__delete-reason muted" id={deleteReasonId} data-testid="delete-blocked">
              {deleteBlocked}
            </span>
          )}
          {footerExtra}
          <span className="spacer" />
          <span className="editor__saved muted" role="status">
            {status}
          </span>
          {draft && (
            <Button
              variant="ghost"
              loading={busy === 'discard'}
              onClick={() => void run('discard')}
              title={t('editor.discardHint')}
            >
              {t('common.discard')}
            </Button>
          )}
          <Button
            variant="primary"
            icon="check"
            shortcut="mod+s"
            title={t('editor.publishHint')}
            loading={busy === 'publish' || form.formState.isSubmitting}
            onClick={() => void run('publish')}
            data-testid="editor-publish"
          >
            {t('common.publish')}
          </Button>
        </footer>
      )}
      <ConfirmDialog
        open={confirmDelete}
        title={t('editor.deleteTitle', { title: shownTitle })}
        message={t('editor.deleteText')}
        confirmLabel={t('editor.delete')}
        danger
        onConfirm={() => {
          setConfirmDelete(false)
          void run('delete')
        }}
        onCancel={() => setConfirmDelete(false)}
      />
    </section>
  )
}
