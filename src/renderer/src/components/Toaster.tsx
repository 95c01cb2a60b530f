import { createPortal } from 'react-dom'
import { useT } from '../app/useT'
import { Button, IconButton } from './Button'
import { Icon, type IconName } from './Icon'
import { useToastStore, type ToastTone } from './toast-store'

const icons: Record<ToastTone, IconName> = {
  success: 'check',
  error: 'alert',
  info: 'info',
  warning: 'alert',
}

/**
 * Renders the toast stack outside #root so it stays announced while a modal makes the app inert. Bottom left,
 * over the sidebar, so it never covers an editor's buttons (they sit on the right).
 */
export function Toaster(): React.JSX.Element {
  const t = useT()
  const toasts = useToastStore((state) => state.toasts)
  const dismiss = useToastStore((state) => state.dismiss)
  return createPortal(
    <section className="toaster" aria-label={t('common.notifications')} aria-live="polite">
      {toasts.map((item) => (
        <div
          key={item.id}
          className={`toast toast--${item.tone}`}
          role={item.tone === 'error' ? 'alert' : undefined}
          data-testid="toast"
        >
          <Icon name={icons[item.tone]} className="toast__icon" />
          <div className="toast__text">
            <p className="toast__message">{item.message}</p>
            {item.detail && <p className="toast__detail">{item.detail}</p>}
            {item.action && (
              <Button
                size="sm"
                className="toast__action"
                onClick={() => {
                  dismiss(item.id)
                  item.action?.run()
                }}
              >
                {item.action.label}
              </Button>
            )}
          </div>
          <IconButton icon="close" size="sm" label={t('common.dismiss')} onClick={() => dismiss(item.id)} />
        </div>
      ))}
    </section>,
    document.body,
  )
}
