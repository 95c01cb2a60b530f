// The RK discount of a ladder step: a combobox that searches the catalog by code and name, shows each discount's
// kind and value and flags inactive ones. Bound to `steps.N.rk_discount_id` (an id or null).
import { useId, useMemo, useState } from 'react'
import { useController, type Control, type FieldPath } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { RkDiscount } from '@shared/api'
import { FieldShell } from '../../components/fields'
import { IconButton } from '../../components/Button'
import { currentLanguage, type Language } from '../../app/i18n'
import { fieldErrorText } from '../../app/messages'
import { formatDiscountValue } from '../rk-discounts/format'
import type { LadderForm } from './form'
import { discountLabel, searchDiscounts, SHOWN } from './rk-search'

function DiscountOption({ discount, language }: { discount: RkDiscount; language: Language }) {
  const t = useT()
  return (
    <>
      <span className="rk-option__code mono">{discount.rk_code}</span>
      <span className="rk-option__name">{discount.name}</span>
      <span className="rk-option__value muted">
        {t(`ladders.rkKind.${discount.kind}`)} {formatDiscountValue(discount, language)}
      </span>
      {!discount.active && <span className="rk-option__inactive">{t('ladders.inactive')}</span>}
    </>
  )
}

export function RkDiscountPicker({
  control,
  name,
  label,
  catalog,
  byId,
}: {
  control: Control<LadderForm>
  name: FieldPath<LadderForm>
  label: string
  catalog: readonly RkDiscount[]
  byId: ReadonlyMap<number, RkDiscount>
}): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const base = useId()
  const ids = { inputId: `${base}-input`, hintId: `${base}-hint`, errorId: `${base}-error` }
  const listId = `${base}-list`
  const { field, fieldState } = useController({ control, name })
  // Taken apart here: the React compiler treats an object holding `ref` as a ref and refuses reads of it.
  const { ref, name: inputName, value: raw, onChange, onBlur } = field
  const value = typeof raw === 'number' ? raw : null
  const selected = value === null ? undefined : byId.get(value)
  const [query, setQuery] = useState<string | null>(null)
  const [active, setActive] = useState(0)
  const open = query !== null
  const matches = useMemo(
    () => (open ? searchDiscounts(catalog, query).slice(0, SHOWN + 1) : []),
    [open, catalog, query],
  )
  const shown = matches.slice(0, SHOWN)
  const error = fieldErrorText(fieldState.error)
  const shownText =
    value === null ? '' : selected ? discountLabel(selected) : t('ladders.rkMissing', { id: value })
  const hint =
    selected && !selected.active ? (
      <span className="rk-picker__inactive">{t('ladders.rkInactiveHint')}</span>
    ) : selected ? (
      `${t(`ladders.rkKind.${selected.kind}`)} ${formatDiscountValue(selected, language)}`
    ) : undefined

  const choose = (discount: RkDiscount | null) => {
    onChange(discount ? discount.id : null)
    setQuery(null)
  }
  const optionId = (index: number) => `${base}-option-${index}`

  return (
    <FieldShell ids={ids} label={label} hint={hint} error={error} className="rk-picker">
      <div className="rk-picker__control">
        <input
          id={ids.inputId}
          ref={ref}
          name={inputName}
          className="input"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && shown.length > 0 ? optionId(active) : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={
            [hint ? ids.hintId : null, error ? ids.errorId : null].filter(Boolean).join(' ') || undefined
          }
          autoComplete="off"
          placeholder={t('ladders.rkPlaceholder')}
          value={open ? query : shownText}
          onChange={(e) => {
            setQuery(e.target.value)
            setActive(0)
          }}
          onBlur={() => {
            setQuery(null)
            onBlur()
          }}
          onKeyDown={(e) => {
            if (e.altKey) return
            if (e.key === 'ArrowDown') {
              e.preventDefault()
              if (!open) setQuery('')
              else setActive((index) => Math.min(index + 1, shown.length - 1))
            } else if (e.key === 'ArrowUp' && open) {
              e.preventDefault()
              setActive((index) => Math.max(index - 1, 0))
            } else if (e.key === 'Enter' && open) {
              e.preventDefault()
              const discount = shown[active]
              if (discount) choose(discount)
            } else if (e.key === 'Escape' && open) {
              e.preventDefault()
              e.stopPropagation()
              setQuery(null)
            }
          }}
        />
        {value !== null && (
          <IconButton
            icon="close"
            size="sm"
            label={t('ladders.rkClear')}
            className="rk-picker__clear"
            onClick={() => choose(null)}
          />
        )}
        {open && (
          <div className="rk-picker__popup">
            <ul className="rk-picker__list" id={listId} role="listbox" aria-label={label}>
              {shown.map((discount, index) => (
                <li
                  key={discount.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={['rk-option', index === active && 'is-active', !discount.active && 'is-inactive']
                    .filter(Boolean)
                    .join(' ')}
                  // Chosen on mouse down: a click would blur the input (and close the list) first.
                  onMouseDown={(e) => {
                    e.preventDefault()
                    choose(discount)
                  }}
                >
                  <DiscountOption discount={discount} language={language} />
                </li>
              ))}
            </ul>
            {shown.length === 0 && <p className="rk-picker__note muted">{t('ladders.rkNothing')}</p>}
            {matches.length > SHOWN && <p className="rk-picker__note muted">{t('ladders.rkMore')}</p>}
          </div>
        )}
      </div>
    </FieldShell>
  )
}
