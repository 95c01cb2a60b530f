import { useT } from './useT'
import { Icon } from '../components/Icon'
import { currentLanguage, setLanguage } from './i18n'

/** One click to the other language; the choice is remembered. */
export function LanguageSwitch({ className }: { className?: string }): React.JSX.Element {
  const t = useT()
  const next = currentLanguage() === 'ru' ? 'en' : 'ru'
  return (
    <button
      type="button"
      className={className ?? 'btn btn--ghost btn--sm'}
      onClick={() => void setLanguage(next)}
      title={t('shell.switchLanguage')}
      lang={next}
      data-testid="language-switch"
    >
      <Icon name="globe" size={14} />
      <span>{t('shell.switchLanguageShort')}</span>
      <span className="visually-hidden"> — {t('shell.switchLanguage')}</span>
    </button>
  )
}
