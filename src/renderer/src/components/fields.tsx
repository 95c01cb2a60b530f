import { createContext, useContext, useId, useState, type ReactNode } from 'react'
import {
  useController,
  type Control,
  type FieldPath,
  type FieldPathValue,
  type FieldValues,
} from 'react-hook-form'
import { useLanguageCode, useT } from '../app/useT'
import {
  formatMoneyInput,
  formatPercentInput,
  fromKopecks,
  hasAtMostDecimals,
  MAX_MONEY_ROUBLES,
  parseMoney,
  parsePercent,
  toKopecks,
  type MoneyLang,
} from '@shared/domain/money'
import { fieldErrorText, type ShownFieldError } from '../app/messages'
import { ariaShortcut, withShortcut } from '../app/shortcuts'
import { Icon } from './Icon'
import { parseNumberInput } from './number-input'

/** Size limits of a form's fields, read from its body schema (shared/resources `FieldLimits`). */
export interface FieldLimitsOf {
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
}

const FieldLimitsContext = createContext<Readonly<Record<string, FieldLimitsOf>> | null>(null)

/**
 * Gives the fields inside the limits of their schema: a text field takes `maxLength` from it, and is `required`
 * when the schema wants at least one character (unless the field says otherwise).
 */
export function FieldLimitsProvider({
  limits,
  children,
}: {
  limits: Readonly<Record<string, FieldLimitsOf>> | undefined
  children: ReactNode
}): React.JSX.Element {
  return <FieldLimitsContext.Provider value={limits ?? null}>{children}</FieldLimitsContext.Provider>
}

function useFieldLimits(name: string): FieldLimitsOf | undefined {
  return useContext(FieldLimitsContext)?.[name]
}

interface FieldIds {
  inputId: string
  hintId: string
  errorId: string
}

function useFieldIds(): FieldIds {
  const base = useId()
  return { inputId: `${base}-input`, hintId: `${base}-hint`, errorId: `${base}-error` }
}

/** `aria-describedby` for a control: its hint and, when present, its error. */
function describedBy(ids: FieldIds, hint: ReactNode, invalid: boolean): string | undefined {
  const parts = [hint ? ids.hintId : null, invalid ? ids.errorId : null].filter(Boolean)
  return parts.length > 0 ? parts.join(' ') : undefined
}

export interface FieldShellProps {
  ids: FieldIds
  label: ReactNode
  hint?: ReactNode
  /** Text as it is, or a form error (said in the UI language of each render: `fieldErrorText`). */
  error?: string | ShownFieldError
  required?: boolean
  /** Checkboxes and switches put the label after the control. */
  inline?: boolean
  className?: string
  children: ReactNode
}

/** Label, control, hint and the error shown right at the field. */
export function FieldShell({
  ids,
  label,
  hint,
  error: shown,
  required,
  inline,
  className,
  children,
}: FieldShellProps): React.JSX.Element {
  // A language switch renders the shell again: a form error follows it (react-hook-form keeps its code).
  const t = useT()
  const error = typeof shown === 'string' ? shown || undefined : fieldErrorText(shown)
  return (
    <div
      className={['field', inline && 'field--inline', error && 'field--invalid', className]
        .filter(Boolean)
        .join(' ')}
    >
      {inline ? (
        <label className="field__inline-label" htmlFor={ids.inputId}>
          {children}
          <span>{label}</span>
        </label>
      ) : (
        <>
          <label className="field__label" htmlFor={ids.inputId}>
            {label}
            {required && (
              <span className="field__required" title={t('common.required')}>
                {' *'}
              </span>
            )}
          </label>
          {children}
        </>
      )}
      {hint && !error && (
        <p className="field__hint" id={ids.hintId}>
          {hint}
        </p>
      )}
      {hint && error && (
        <p className="visually-hidden" id={ids.hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={ids.errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}

interface BoundProps<T extends FieldValues, N extends FieldPath<T>> {
  control: Control<T>
  name: N
  label: ReactNode
  hint?: ReactNode
  required?: boolean
  readOnly?: boolean
  disabled?: boolean
  className?: string
}

/**
 * Everything a bound field needs: its value and setter, the error (translated), the props of the FieldShell,
 * and the props every control takes (id, name, ref, onBlur, required, aria-invalid, aria-describedby).
 */
function useBound<T extends FieldValues, N extends FieldPath<T>>(
  props: BoundProps<T, N>,
  extraError?: string,
) {
  const { control, name, label, hint, required, className } = props
  const ids = useFieldIds()
  const { field, fieldState } = useController({ control, name })
  // The resolver and applyFieldErrors keep the code: FieldShell says it in the UI language (never zod's wording).
  const error = extraError ?? fieldState.error
  const invalid = extraError !== undefined || fieldErrorText(fieldState.error) !== undefined
  // Taken apart here: the React compiler treats an object holding `ref` as a ref and refuses reads of it.
  const { ref, name: inputName, value, onBlur, onChange } = field
  return {
    value: value as unknown,
    setValue: (next: unknown) => onChange(next as FieldPathValue<T, N>),
    shell: { ids, label, hint, error, required, className },
    input: {
      id: ids.inputId,
      name: inputName,
      ref,
      onBlur,
      required,
      'aria-invalid': invalid || undefined,
      'aria-describedby': describedBy(ids, hint, invalid),
    },
  }
}

export interface TextFieldProps<T extends FieldValues, N extends FieldPath<T>> extends BoundProps<T, N> {
  type?: 'text' | 'password' | 'url' | 'email' | 'search' | 'date'
  placeholder?: string
  autoComplete?: string
  autoFocus?: boolean
  multiline?: boolean
  rows?: number
  mono?: boolean
  /** Default: the schema's, inside a FieldLimitsProvider. */
  maxLength?: number
  /** Empty text is stored as null (for optional API fields). */
  emptyAsNull?: boolean
}

/** A text input bound to a react-hook-form field whose value is a string (or null with `emptyAsNull`). */
export function TextField<T extends FieldValues, N extends FieldPath<T>>(
  props: TextFieldProps<T, N>,
): React.JSX.Element {
  const {
    readOnly,
    disabled,
    type = 'text',
    placeholder,
    autoComplete,
    autoFocus,
    multiline,
    rows = 3,
  } = props
  const { mono, emptyAsNull } = props
  const limits = useFieldLimits(props.name)
  const maxLength = props.maxLength ?? limits?.maxLength
  const required = props.required ?? (limits?.minLength ?? 0) > 0
  const { value, setValue, shell, input } = useBound({ ...props, required })
  const common = {
    ...input,
    value: typeof value === 'string' ? value : value == null ? '' : String(value),
    readOnly,
    disabled,
    placeholder,
    maxLength,
    className: ['input', mono && 'mono', multiline && 'input--multiline'].filter(Boolean).join(' '),
  }
  const onChange = (text: string) => setValue(emptyAsNull && text === '' ? null : text)
  return (
    <FieldShell {...shell}>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <div className="input-box">
          <input
            {...common}
            type={type}
            autoComplete={autoComplete}
            autoFocus={autoFocus}
            onChange={(e) => onChange(e.target.value)}
          />
        </div>
      )}
    </FieldShell>
  )
}

function formatNumberValue(value: unknown): string {
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : ''
}

export interface NumberFieldProps<T extends FieldValues, N extends FieldPath<T>> extends BoundProps<T, N> {
  placeholder?: string
  /** Shown after the input: "₽", "%", "дн.". */
  suffix?: string
  /** Whole numbers only (the keyboard hint changes; validation stays the schema's). */
  integer?: boolean
}

interface TypedNumber {
  /** What was typed → the value (null when empty), or 'invalid'. */
  parse: (text: string) => number | null | 'invalid'
  /** The value as the input shows it. */
  format: (value: unknown) => string
}

/**
 * A text input bound to a field whose value is `number | null`. It keeps the text as typed ("12," while typing
 * 12,5), stores null when empty and reports text that does not parse as a field error.
 */
function ParsedNumberField<T extends FieldValues, N extends FieldPath<T>>(
  props: NumberFieldProps<T, N> & TypedNumber,
): React.JSX.Element {
  const { readOnly, disabled, placeholder, suffix, integer, parse, format } = props
  const t = useT()
  const [notANumber, setNotANumber] = useState(false)
  const { value, setValue, shell, input } = useBound(
    props,
    notANumber ? t('validation.notANumber') : undefined,
  )
  const [text, setText] = useState(() => format(value))
  const [lastValue, setLastValue] = useState<unknown>(value)
  // The form value changed from outside (reset, a draft restored, take theirs): show it.
  if (value !== lastValue) {
    setLastValue(value)
    if (parse(text) !== value) {
      setText(format(value))
      setNotANumber(false)
    }
  }
  return (
    <FieldShell {...shell}>
      <div className={suffix ? 'input-group' : undefined}>
        <div className="input-box">
          <input
            {...input}
            className="input num"
            type="text"
            inputMode={integer ? 'numeric' : 'decimal'}
            value={text}
            placeholder={placeholder}
            readOnly={readOnly}
            disabled={disabled}
            onChange={(e) => {
              const next = e.target.value
              setText(next)
              const parsed = parse(next)
              setNotANumber(parsed === 'invalid')
              if (parsed !== 'invalid') {
                setLastValue(parsed)
                setValue(parsed)
              }
            }}
          />
        </div>
        {suffix && (
          <span className="input-group__suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </div>
    </FieldShell>
  )
}

/** A number input bound to a field whose value is `number | null` ("12,5" and "12 000" are read as numbers). */
export function NumberField<T extends FieldValues, N extends FieldPath<T>>(
  props: NumberFieldProps<T, N>,
): React.JSX.Element {
  return <ParsedNumberField {...props} parse={parseNumberInput} format={formatNumberValue} />
}

function moneyLang(language: string): MoneyLang {
  return language.startsWith('en') ? 'en' : 'ru'
}

/**
 * Roubles (`number | null`, at most 2 decimals, as on the wire) typed the way people write money: «30 000»,
 * «30000,5», «30 000,50 ₽» (and «30,000.50» in English); shown grouped, with «₽» after the input.
 */
export function MoneyField<T extends FieldValues, N extends FieldPath<T>>(
  props: Omit<NumberFieldProps<T, N>, 'integer' | 'suffix'>,
): React.JSX.Element {
  const lang = moneyLang(useLanguageCode())
  return (
    <ParsedNumberField
      {...props}
      suffix="₽"
      parse={(text) => {
        if (text.trim() === '') return null
        const kopecks = parseMoney(text, lang)
        return kopecks === null ? 'invalid' : fromKopecks(kopecks)
      }}
      format={(value) =>
        typeof value === 'number' && hasAtMostDecimals(value, 2) && Math.abs(value) <= MAX_MONEY_ROUBLES
          ? formatMoneyInput(toKopecks(value), lang)
          : formatNumberValue(value)
      }
    />
  )
}

/** A percent (`number | null`, at most 2 decimals): «12,5», «12.5», «12 %»; «%» after the input. */
export function PercentField<T extends FieldValues, N extends FieldPath<T>>(
  props: Omit<NumberFieldProps<T, N>, 'integer' | 'suffix'>,
): React.JSX.Element {
  const lang = moneyLang(useLanguageCode())
  return (
    <ParsedNumberField
      {...props}
      suffix="%"
      parse={(text) => (text.trim() === '' ? null : (parsePercent(text) ?? 'invalid'))}
      format={(value) =>
        typeof value === 'number' && Number.isFinite(value) ? formatPercentInput(value, lang) : ''
      }
    />
  )
}

export interface SelectOption {
  value: string
  label: string
  disabled?: boolean
}

export interface SelectProps<T extends FieldValues, N extends FieldPath<T>> extends BoundProps<T, N> {
  options: SelectOption[]
  /** Offers an empty choice stored as null, labelled with this text. */
  emptyLabel?: string
  /** Values are numbers (ids): the select converts them (an option whose value is not digits stays text). */
  numeric?: boolean
}

/** A select bound to a string field (or a numeric id with `numeric`, null for the empty choice). */
export function Select<T extends FieldValues, N extends FieldPath<T>>(
  props: SelectProps<T, N>,
): React.JSX.Element {
  const { readOnly, disabled, options, emptyLabel, numeric } = props
  const { value, setValue, shell, input } = useBound(props)
  return (
    <FieldShell {...shell}>
      <select
        {...input}
        className="input select"
        value={value == null ? '' : String(value)}
        disabled={disabled || readOnly}
        aria-readonly={readOnly || undefined}
        onChange={(e) => {
          const raw = e.target.value
          setValue(raw === '' ? null : numeric && /^\d+$/.test(raw) ? Number(raw) : raw)
        }}
      >
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value} disabled={option.disabled}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  )
}

export type CheckboxProps<T extends FieldValues, N extends FieldPath<T>> = BoundProps<T, N>

function BooleanField<T extends FieldValues, N extends FieldPath<T>>(
  props: BoundProps<T, N> & { asSwitch: boolean },
): React.JSX.Element {
  const { readOnly, disabled, asSwitch } = props
  const { value, setValue, shell, input } = useBound(props)
  return (
    <FieldShell {...shell} inline>
      <input
        {...input}
        required={undefined}
        type="checkbox"
        role={asSwitch ? 'switch' : undefined}
        className={asSwitch ? 'switch' : 'checkbox'}
        checked={value === true}
        disabled={disabled || readOnly}
        aria-readonly={readOnly || undefined}
        onChange={(e) => setValue(e.target.checked)}
      />
    </FieldShell>
  )
}

/** A checkbox bound to a boolean field. */
export function Checkbox<T extends FieldValues, N extends FieldPath<T>>(
  props: CheckboxProps<T, N>,
): React.JSX.Element {
  return <BooleanField {...props} asSwitch={false} />
}

/** An on/off switch (`role="switch"`) bound to a boolean field. */
export function Switch<T extends FieldValues, N extends FieldPath<T>>(
  props: CheckboxProps<T, N>,
): React.JSX.Element {
  return <BooleanField {...props} asSwitch />
}

export interface SearchInputProps {
  value: string
  onChange: (value: string) => void
  label: string
  placeholder?: string
  /** Makes this the field Ctrl+K focuses. */
  searchTarget?: boolean
  className?: string
}

/** A standalone search box (not part of a form). */
export function SearchInput({
  value,
  onChange,
  label,
  placeholder,
  searchTarget = true,
  className,
}: SearchInputProps): React.JSX.Element {
  return (
    <div className={['search-input', className].filter(Boolean).join(' ')}>
      <Icon name="search" className="search-input__icon" />
      <input
        type="search"
        className="input search-input__input"
        aria-label={label}
        placeholder={placeholder ?? label}
        title={searchTarget ? withShortcut(label, 'mod+k') : undefined}
        aria-keyshortcuts={searchTarget ? ariaShortcut('mod+k') : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && value !== '') {
            e.stopPropagation()
            onChange('')
          }
        }}
        {...(searchTarget ? { 'data-search-target': '' } : {})}
      />
    </div>
  )
}
