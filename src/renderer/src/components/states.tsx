import type { ReactNode } from 'react'
import { useT } from '../app/useT'
import { Button } from './Button'
import { Icon, type IconName } from './Icon'

/** Nothing to show yet: says why and offers the next step. */
export function EmptyState({
  icon = 'info',
  title,
  children,
  action,
}: {
  icon?: IconName
  title: ReactNode
  children?: ReactNode
  action?: ReactNode
}): React.JSX.Element {
  return (
    <div className="state state--empty">
      <Icon name={icon} size={28} className="state__icon" />
      <p className="state__title">{title}</p>
      {children && <div className="state__text">{children}</div>}
      {action && <div className="state__action">{action}</div>}
    </div>
  )
}

/** Something failed: the message, what it means, and a retry when there is one. */
export function ErrorState({
  title,
  message,
  onRetry,
}: {
  title?: ReactNode
  message?: ReactNode
  onRetry?: () => void
}): React.JSX.Element {
  const t = useT()
  return (
    <div className="state state--error" role="alert">
      <Icon name="alert" size={28} className="state__icon" />
      <p className="state__title">{title ?? t('common.errorTitle')}</p>
      {message && <div className="state__text">{message}</div>}
      {onRetry && (
        <div className="state__action">
          <Button icon="refresh" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        </div>
      )}
    </div>
  )
}

/** Waiting for main: a spinner with a label that screen readers hear. */
export function LoadingState({ label, inline }: { label?: string; inline?: boolean }): React.JSX.Element {
  const t = useT()
  return (
    <div className={inline ? 'state state--inline' : 'state state--loading'} role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span className="state__text">{label ?? t('common.loading')}</span>
    </div>
  )
}

/** A calm notice across the top of a screen. */
export function Banner({
  tone,
  icon,
  children,
  action,
}: {
  tone: 'info' | 'warning' | 'danger'
  icon?: IconName
  children: ReactNode
  action?: ReactNode
}): React.JSX.Element {
  return (
    <div className={`banner banner--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      {icon && <Icon name={icon} className="banner__icon" />}
      <div className="banner__text">{children}</div>
      {action && <div className="banner__action">{action}</div>}
    </div>
  )
}
