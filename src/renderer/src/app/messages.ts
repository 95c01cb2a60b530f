// The one place a refusal becomes words: by the server's code and params (API.md "Error codes"), in the UI
// language, never the server's English `detail` nor the validation library's wording.
import {
  formatMoney,
  LADDER_ISSUE_CODES,
  ladderIssueMessage,
  toKopecks,
  type LadderIssueCode,
} from '@shared/domain'
import type { IpcErrorCode, IpcErrorReason, IpcFieldError } from '@shared/ipc'
import { formatNumber } from './format'
import { currentLanguage, i18n } from './i18n'

type Params = Record<string, unknown>

/** What `messageFor` reads of an IPC error (or of a failed outbox row). */
export interface ErrorLike {
  code: IpcErrorCode
  reason?: IpcErrorReason | null
  retryAfterSeconds?: number
}

/** A field's problem: where, what (code + params); `message` is English, for logs only. */
export type FieldErrorLike = Pick<IpcFieldError, 'path' | 'code' | 'params'> & { message?: string }

/** Which param counts the thing a text is about (for Russian plural forms). */
const COUNTED_BY: Record<string, string> = {
  group_has_accounts: 'accounts',
  too_short: 'min',
  too_long: 'max',
}

/** Params that are roubles, by code: said as money («1 250,50 ₽»), not as a bare number. */
const MONEY_PARAMS: Record<string, readonly string[]> = {
  balance_too_low: ['balance', 'amount'],
  group_balance_too_low: ['amount'],
  amount_too_large: ['max'],
}

const translate = (key: string, options: Params): string => String(i18n.t(key as never, options as never))
const exists = (key: string, options: Params): boolean => i18n.exists(key, options as never)

/** Params as a sentence shows them: lists of names as «a», «b»; the role by its name in the UI language. */
function textParams(code: string, params: Params | undefined): Params {
  const out: Params = {}
  for (const [key, value] of Object.entries(params ?? {})) {
    out[key] = Array.isArray(value)
      ? value.map((item) => (typeof item === 'string' ? `«${item}»` : String(item))).join(', ')
      : value
  }
  if (typeof out.role === 'string') out.roleName = translate(`roles.${out.role}`, { defaultValue: out.role })
  if (typeof out.problem === 'string') {
    out.problemText = translate(`errorCodes.regexProblem.${out.problem}`, {
      defaultValue: translate('errorCodes.regexProblem.other', {}),
    })
  }
  for (const key of MONEY_PARAMS[code] ?? []) {
    const value = params?.[key]
    if (typeof value === 'number') out[key] = formatMoney(toKopecks(value), currentLanguage())
  }
  const countedBy = COUNTED_BY[code]
  if (countedBy && typeof params?.[countedBy] === 'number') out.count = params[countedBy]
  return out
}

/** The sentence for a server (or main) reason code, or null when this app has none for it. */
export function reasonMessage(reason: IpcErrorReason): string | null {
  const key = `errorCodes.answer.${reason.code}`
  const params = textParams(reason.code, reason.params)
  return exists(key, params) ? translate(key, params) : null
}

/**
 * What to tell the user about a failed call: the server's reason when it gave one this app knows, else the
 * sentence of the error's category («Сервер недоступен…», «Проверьте выделенные поля»).
 */
export function messageFor(error: ErrorLike): string {
  if (error.reason) {
    const text = reasonMessage(error.reason)
    if (text !== null) return text
  }
  return translate(`errors.${error.code}`, { seconds: error.retryAfterSeconds ?? 0 })
}

/** Ladder issue params that number a step (or count steps): not amounts. */
const STEP_PARAMS: ReadonlySet<string> = new Set([
  'step',
  'other',
  'previousStep',
  'lowerStep',
  'count',
  'id',
])

const isLadderCode = (code: string): code is LadderIssueCode =>
  (LADDER_ISSUE_CODES as readonly string[]).includes(code)

/** The field's own name in a path (`['steps', 2, 'name']` → `name`). */
function fieldKey(path: readonly (string | number)[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) {
    const part = path[i]
    if (typeof part === 'string') return part
  }
  return undefined
}

/** The key of a field code's text: `too_small` with an exclusive bound reads «Должно быть больше». */
function fieldCodeKey(code: string, params: Params | undefined): string {
  if ((code === 'too_small' || code === 'too_big') && params?.inclusive === false) return `${code}_exclusive`
  return code
}

/** What is wrong with one field, in the UI language: by its code and params, in the field's own words if any. */
export function fieldMessage(field: FieldErrorLike): string {
  const code = field.code ?? 'invalid'
  const params = field.params ?? {}
  if (isLadderCode(code)) {
    const language = currentLanguage()
    const issueParams = Object.fromEntries(
      Object.entries(params)
        .filter((entry): entry is [string, string | number] => ['string', 'number'].includes(typeof entry[1]))
        // Amounts as the UI language writes them («20 000,5», «1 000 000 000 000»); step numbers stay plain.
        .map(([key, value]) => [
          key,
          typeof value === 'number' && !STEP_PARAMS.has(key) ? formatNumber(value, language) : value,
        ]),
    )
    return ladderIssueMessage({ code, params: issueParams }, language)
  }
  const options = textParams(code, params)
  const name = fieldKey(field.path)
  const own = name === undefined ? null : `errorCodes.byField.${name}.${code}`
  if (own && exists(own, options)) return translate(own, options)
  const general = `errorCodes.field.${fieldCodeKey(code, params)}`
  if (exists(general, options)) return translate(general, options)
  // A whole refusal about one field (`code_taken` at «Код»): its sentence.
  const answer = `errorCodes.answer.${code}`
  return exists(answer, options) ? translate(answer, options) : translate('errorCodes.field.invalid', {})
}

/**
 * A form field's error as react-hook-form keeps it: `type` is the code and `coded` what the text is made of, so
 * the field says it in the UI language of the moment it is shown (`fieldErrorText`), not of the moment it was
 * found. `message` is the text as it was then, for code that reads an error outside a render.
 */
export interface CodedFieldError {
  type: string
  message: string
  coded: FieldErrorLike
}

/** The form error (`setError`, a resolver's result) for a field's problem. */
export function codedFieldError(field: FieldErrorLike): CodedFieldError {
  const coded = { path: field.path, code: field.code ?? 'invalid', params: field.params }
  return { type: coded.code, message: fieldMessage(coded), coded }
}

/** A form error as react-hook-form hands it out (a field's, a list's or its root's). */
export interface ShownFieldError {
  type?: unknown
  message?: unknown
}

const isCoded = (value: unknown): value is FieldErrorLike =>
  typeof value === 'object' && value !== null && Array.isArray((value as FieldErrorLike).path)

/**
 * The text of a form field's error now: a coded one (`codedFieldError`) in the current UI language, any other as
 * it was written. A component showing it re-renders on a language switch (`useT`).
 */
export function fieldErrorText(error: ShownFieldError | null | undefined): string | undefined {
  if (!error) return undefined
  // `setError` keeps keys it does not know: an error of another type may sit on top of an old `coded`.
  if ('coded' in error && isCoded(error.coded) && error.coded.code === error.type) {
    return fieldMessage(error.coded)
  }
  return typeof error.message === 'string' && error.message !== '' ? error.message : undefined
}

/** Refusals of a whole request that are about one field of the form: shown at that field. */
const FIELD_OF_REASON: Record<string, (string | number)[]> = {
  code_taken: ['code'],
  login_taken: ['login'],
  number_taken: ['number'],
}

/**
 * The field errors of a refused row: its 422 fields, plus the refusal itself at its field when it is about one
 * (a duplicate code lands at «Код», not in a banner).
 */
export function fieldErrorsOf(row: {
  action: string
  fields: readonly IpcFieldError[]
  error_reason?: IpcErrorReason | null
}): IpcFieldError[] {
  const reason = row.error_reason
  const path = reason ? FIELD_OF_REASON[reason.code] : undefined
  // Not yet for a refused create: the editor that follows the create once it is fixed loses its values when the
  // refusal is also a form error (e2e app-drafts, «a refused create … is fixed in place»); there the banner says it.
  if (!reason || !path || row.action === 'create') return [...row.fields]
  return [...row.fields, { path, code: reason.code, params: reason.params, message: reason.code }]
}

/** Why an outbox row (or a draft) was refused, from its stored code and reason. */
export function rowMessage(row: {
  error_code: IpcErrorCode | null
  error_reason?: IpcErrorReason | null
}): string {
  return messageFor({ code: row.error_code ?? 'server', reason: row.error_reason })
}
