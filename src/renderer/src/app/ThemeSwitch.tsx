import { useSyncExternalStore } from 'react'
import { useT } from './useT'
import { Icon } from '../components/Icon'
import { currentThemeChoice, nextThemeChoice, onThemeChoice, setThemeChoice } from './theme'

const ICONS = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' } as const

/** Beside the language: one click to the next theme (system → light → dark); the choice is remembered. */
export function ThemeSwitch({ className }: { className?: string }): React.JSX.Element {
  const t = useT()
  const choice = useSyncExternalStore(onThemeChoice, currentThemeChoice)
  const next = nextThemeChoice(choice)
  const title = t('shell.theme.title', {
    current: t(`shell.theme.${choice}`),
    next: t(`shell.theme.${next}`),
  })
  return (
    <button
      type="button"
      className={className ?? 'btn btn--ghost btn--sm'}
      onClick={() => setThemeChoice(next)}
      title={title}
      aria-label={title}
      data-testid="theme-switch"
      data-theme-choice={choice}
    >
      <Icon name={ICONS[choice]} size={14} />
    </button>
  )
}
