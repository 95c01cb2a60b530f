import { useT } from '../../app/useT'
import { identifierKind } from '@shared/api'
import { formatNumber } from '../../app/format'
import { currentLanguage } from '../../app/i18n'

export interface NameLookups {
  ladders: ReadonlyMap<number, string>
  rkDiscounts: ReadonlyMap<number, string>
}

/** One value of an entity field as people read it: names for ids, words for flags and enums. */
export function FieldValue({
  field,
  value,
  lookups,
}: {
  field: string
  value: unknown
  lookups?: NameLookups
}): React.JSX.Element {
  const t = useT()
  if (value === null || value === undefined || value === '') {
    return <span className="muted">{t('conflict.absent')}</span>
  }
  if (typeof value === 'boolean') return <span>{value ? t('common.yes') : t('common.no')}</span>
  if (typeof value === 'number') {
    const names =
      field === 'ladder_id' ? lookups?.ladders : field === 'rk_discount_id' ? lookups?.rkDiscounts : undefined
    if (names) {
      const name = names.get(value)
      // A person knows a ladder or a discount by its name, not by «#1».
      return name ? (
        <span>{name}</span>
      ) : (
        <span className="muted">{t('conflict.unknownRef', { id: value })}</span>
      )
    }
    return <span className="num">{formatNumber(value, currentLanguage())}</span>
  }
  if (field === 'kind') {
    const kind = identifierKind.safeParse(value)
    if (kind.success) return <span>{t(`identifierTypes.kindValue.${kind.data}`)}</span>
  }
  if (field === 'basis' && (value === 'spend' || value === 'visits'))
    return <span>{t(`ladders.basisValue.${value}`)}</span>
  if (field === 'period' && (value === 'all_time' || value === 'rolling_days')) {
    return <span>{t(`ladders.periodShort.${value}`)}</span>
  }
  if (typeof value === 'string')
    return <span className={field === 'pattern' || field === 'code' ? 'mono' : undefined}>{value}</span>
  if (field === 'required_account_fields' && Array.isArray(value)) {
    return (
      <span>
        {value.map((name) => t(`settingsScreen.requiredField.${String(name)}` as 'fields.name')).join(', ')}
      </span>
    )
  }
  // A group of settings (`bonus_payment_limits`, `temporary_identifiers`): each part by its name.
  if (typeof value === 'object' && !Array.isArray(value)) {
    return (
      <span>
        {Object.entries(value as Record<string, unknown>).map(([key, part], index) => (
          <span key={key}>
            {index > 0 && ' · '}
            {t(`fields.${key}` as 'fields.name', { defaultValue: key })}:{' '}
            <FieldValue field={key} value={part} />
          </span>
        ))}
      </span>
    )
  }
  return <span className="mono">{JSON.stringify(value)}</span>
}
