import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react'
import { ariaShortcut, withShortcut, type ShortcutCombo } from '../app/shortcuts'
import { Icon, type IconName } from './Icon'

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: 'sm' | 'md'
  icon?: IconName
  /** Shows a spinner and disables the button while an action runs. */
  loading?: boolean
  /** The keyboard shortcut that does the same; shown in the tooltip. */
  shortcut?: ShortcutCombo
  children?: ReactNode
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'secondary',
    size = 'md',
    icon,
    loading = false,
    shortcut,
    className,
    children,
    title,
    disabled,
    type = 'button',
    ...rest
  },
  ref,
) {
  const text = typeof children === 'string' ? children : undefined
  return (
    <button
      ref={ref}
      type={type}
      className={['btn', `btn--${variant}`, `btn--${size}`, className].filter(Boolean).join(' ')}
      title={withShortcut(title ?? (shortcut ? text : undefined), shortcut)}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? (
        <span className="spinner spinner--sm" aria-hidden="true" />
      ) : icon ? (
        <Icon name={icon} />
      ) : null}
      {children !== undefined && <span className="btn__label">{children}</span>}
    </button>
  )
})

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'icon'> {
  icon: IconName
  /** Accessible name and tooltip; required because the button shows no text. */
  label: string
  badge?: number
}

export const IconButton = forwardRef<HTMLButtonElement, IconButtonProps>(function IconButton(
  { icon, label, variant = 'ghost', size = 'md', shortcut, className, badge, type = 'button', ...rest },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type}
      className={['icon-btn', `btn--${variant}`, `icon-btn--${size}`, className].filter(Boolean).join(' ')}
      aria-label={label}
      title={withShortcut(label, shortcut)}
      aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
      {...rest}
    >
      <Icon name={icon} />
      {badge !== undefined && badge > 0 && (
        <span className="icon-btn__badge" aria-hidden="true">
          {badge > 99 ? '99+' : badge}
        </span>
      )}
    </button>
  )
})
