import type { ReactNode } from 'react'
import { Icon, type IconName } from './Icon'

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger'

export function Badge({
  tone = 'neutral',
  icon,
  title,
  children,
}: {
  tone?: BadgeTone
  icon?: IconName
  title?: string
  children: ReactNode
}): React.JSX.Element {
  return (
    <span className={`badge badge--${tone}`} title={title}>
      {icon && <Icon name={icon} size={12} />}
      {children}
    </span>
  )
}
