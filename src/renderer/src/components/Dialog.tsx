import { useEffect, useId, useRef, type ReactNode } from 'react'
import { createPortal } from 'react-dom'
import { useT } from '../app/useT'
import { IconButton } from './Button'

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

/** Where a person types: a form's text fields and selects (not its checkboxes and radios). */
const FIELD =
  'input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]):not([type="file"]), select:not([disabled]), textarea:not([disabled])'

function focusableIn(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.hasAttribute('inert'))
}

export interface DialogProps {
  open: boolean
  title: ReactNode
  /** Called on Esc, the close button and a click on the backdrop (unless `dismissible` is false). */
  onClose?: () => void
  children: ReactNode
  footer?: ReactNode
  description?: ReactNode
  size?: 'sm' | 'md' | 'lg' | 'xl'
  /** False for prompts that must be answered (a session that expired): no Esc, no backdrop close, no ×. */
  dismissible?: boolean
  /** The element to focus first; else the body's first text field or select; else the first focusable element. */
  initialFocus?: React.RefObject<HTMLElement | null>
  /** A side panel sliding from the right instead of a centred dialog. */
  variant?: 'dialog' | 'panel'
  /** alertdialog for confirmations. */
  role?: 'dialog' | 'alertdialog'
  className?: string
}

/**
 * A modal dialog: rendered into document.body, traps Tab inside, closes on Esc, returns focus to where it
 * was when it closes. The content behind gets `inert` so screen readers and the keyboard stay inside.
 */
export function Dialog({
  open,
  title,
  onClose,
  children,
  footer,
  description,
  size = 'md',
  dismissible = true,
  initialFocus,
  variant = 'dialog',
  role = 'dialog',
  className,
}: DialogProps): React.JSX.Element | null {
  const t = useT()
  const titleId = useId()
  const descriptionId = useId()
  const panelRef = useRef<HTMLDivElement>(null)
  const onCloseRef = useRef(onClose)
  useEffect(() => {
    onCloseRef.current = onClose
  })

  useEffect(() => {
    if (!open) return
    const previouslyFocused = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const panel = panelRef.current
    if (panel) {
      // A form's first field before the header's close button: the person came to fill it in.
      const field = panel.querySelector<HTMLElement>(`.dialog__body :is(${FIELD})`)
      const target = initialFocus?.current ?? field ?? focusableIn(panel)[0] ?? panel
      target.focus()
    }
    const root = document.getElementById('root')
    const wasInert = root?.hasAttribute('inert') ?? false
    if (root && !wasInert) root.setAttribute('inert', '')
    return () => {
      if (root && !wasInert) root.removeAttribute('inert')
      if (previouslyFocused && document.contains(previouslyFocused)) previouslyFocused.focus()
      else {
        // What opened it is gone (a resolved conflict's row): focus the dialog underneath, if any, so the
        // keyboard and Esc keep working instead of focus falling to <body>.
        const below = Array.from(document.querySelectorAll<HTMLElement>('[aria-modal="true"]')).filter(
          (dialog) => dialog !== panel,
        )
        below.at(-1)?.focus()
      }
    }
  }, [open, initialFocus])

  if (!open) return null

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      event.preventDefault()
      if (dismissible) onCloseRef.current?.()
      return
    }
    if (event.key !== 'Tab' || !panelRef.current) return
    const items = focusableIn(panelRef.current)
    if (items.length === 0) {
      event.preventDefault()
      return
    }
    const first = items[0]
    const last = items[items.length - 1]
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panelRef.current)) {
      event.preventDefault()
      last?.focus()
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault()
      first?.focus()
    }
  }

  return createPortal(
    <div
      className={`dialog-backdrop dialog-backdrop--${variant}`}
      onMouseDown={(event) => {
        if (dismissible && event.target === event.currentTarget) onCloseRef.current?.()
      }}
    >
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        className={['dialog', `dialog--${size}`, `dialog--${variant}`, className].filter(Boolean).join(' ')}
        onKeyDown={onKeyDown}
      >
        <header className="dialog__header">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          {dismissible && (
            <IconButton
              icon="close"
              label={t('common.close')}
              shortcut="escape"
              onClick={() => onCloseRef.current?.()}
            />
          )}
        </header>
        {description && (
          <p id={descriptionId} className="dialog__description">
            {description}
          </p>
        )}
        <div className="dialog__body">{children}</div>
        {footer && <footer className="dialog__footer">{footer}</footer>}
      </div>
    </div>,
    document.body,
  )
}

export interface ConfirmDialogProps {
  open: boolean
  title: ReactNode
  message: ReactNode
  confirmLabel: string
  cancelLabel?: string
  danger?: boolean
  busy?: boolean
  onConfirm: () => void
  onCancel: () => void
}

/** "Are you sure?" with the safe choice focused first. */
export function ConfirmDialog({
  open,
  title,
  message,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
}: ConfirmDialogProps): React.JSX.Element | null {
  const t = useT()
  const cancelRef = useRef<HTMLButtonElement>(null)
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onCancel}
      size="sm"
      role="alertdialog"
      initialFocus={cancelRef}
      footer={
        <>
          <button ref={cancelRef} type="button" className="btn btn--secondary btn--md" onClick={onCancel}>
            <span className="btn__label">{cancelLabel ?? t('common.cancel')}</span>
          </button>
          <button
            type="button"
            className={`btn btn--${danger ? 'danger' : 'primary'} btn--md`}
            onClick={onConfirm}
            disabled={busy}
            aria-busy={busy || undefined}
          >
            {busy && <span className="spinner spinner--sm" aria-hidden="true" />}
            <span className="btn__label">{confirmLabel}</span>
          </button>
        </>
      }
    >
      <div className="dialog__message">{message}</div>
    </Dialog>
  )
}
