// The error codes of the contract (API.md, "Error codes"), once: every 4xx answer carries one of them with its
// params beside FastAPI's English `detail`, and so does every item of a 422. Clients speak the user's language
// from `code` + `params` and never parse `detail`.
import { z } from 'zod'
import { REGEX_PROBLEMS, type RegexProblem } from '../domain/identifier-values'
import { LADDER_ISSUE_CODES, type LadderIssueCode } from '../domain/ladder-codes'

const none = z.strictObject({})
const count = z.number().int().min(0)
const text = z.string()
const bound = z.number()

/** Codes of whole answers (401, 403, 404, 409, 413, 415, 429 and the 422s whose detail is a sentence). */
export const answerErrorParams = {
  // 400 / 401 / 403 / 404 / 413 / 415 / 429
  bad_request: none,
  not_authenticated: none,
  bad_credentials: none,
  session_ended: none,
  forbidden: z.strictObject({ role: text }),
  not_found: z.strictObject({
    resource: text,
    id: z.number().nullable(),
    ids: z.array(z.number()).optional(),
  }),
  route_not_found: none,
  body_too_large: z.strictObject({ max_bytes: count }),
  unsupported_media_type: none,
  too_many_attempts: z.strictObject({ retry_after: count }),
  // 409
  version_conflict: z.strictObject({ version: count, base_version: count }),
  idempotency_key_reused: none,
  group_has_accounts: z.strictObject({ group: text, accounts: count }),
  ladder_in_use: z.strictObject({ groups: z.array(text) }),
  identifier_type_in_use: z.strictObject({ type: text }),
  identifier_values_shared: z.strictObject({ value: text }),
  code_taken: z.strictObject({ code: text }),
  login_taken: z.strictObject({ login: text }),
  self_change: none,
  last_admin: none,
  number_taken: z.strictObject({ number: text }),
  identifier_value_taken: z.strictObject({ type: text, value: text, number: text }),
  account_blocked: z.strictObject({ number: text }),
  group_has_blocked_accounts: z.strictObject({ numbers: z.array(text), count }),
  temporary_identifiers_off: none,
  temporary_identifiers_exhausted: none,
  // 422 whose detail is a sentence
  balance_too_low: z.strictObject({ balance: bound, amount: bound }),
  group_balance_too_low: z.strictObject({ numbers: z.array(text), amount: bound }),
  amount_too_large: z.strictObject({ max: bound }),
} as const

/** Codes of one field of a 422 (`detail[i].code`): zod's checks in words a client can translate, and the domain's. */
export const fieldErrorParams = {
  required: none,
  extra_forbidden: none,
  json_invalid: none,
  invalid_type: z.strictObject({ expected: text }),
  not_a_number: none,
  not_an_integer: none,
  too_short: z.strictObject({ min: count, length: count.optional() }),
  too_long: z.strictObject({ max: count, length: count.optional() }),
  too_small: z.strictObject({ min: bound, inclusive: z.boolean() }),
  too_big: z.strictObject({ max: bound, inclusive: z.boolean() }),
  too_few_items: z.strictObject({ min: count }),
  too_many_items: z.strictObject({ max: count }),
  invalid_option: z.strictObject({ options: z.array(z.union([text, z.number(), z.boolean()])) }),
  invalid_format: z.strictObject({ format: text }),
  /** The value does not have the field's fixed shape (a code, a phone): the field says which. */
  pattern_invalid: none,
  /** A regular expression that does not compile, and why. */
  regex_invalid: z.strictObject({ problem: z.enum(REGEX_PROBLEMS) }),
  decimals: z.strictObject({ max: count }),
  min_greater_than_max: none,
  range_reversed: none,
  duplicate: none,
  rk_code_duplicate: z.strictObject({ rk_code: z.number(), row: count, first_row: count }),
  reference_not_found: z.strictObject({ resource: text, id: z.number() }),
  /** Paying with bonus: above the bill, or above what a rule allows now (`rule`: balance, step cap, a limit). */
  payment_above_bill: z.strictObject({ max: bound }),
  payment_above_allowed: z.strictObject({ allowed: bound, rule: text }),
  // an identifier value against its type (the same codes as identifier_types/{id}/check)
  pattern_mismatch: none,
  inactive_type: z.strictObject({ type: text }),
  wrong_password: none,
  invalid: none,
  /** A discount level set by hand names a step the ladder of the account's group lacks (`steps`: how many it has). */
  step_not_in_ladder: z.strictObject({ index: count, steps: count }),
  /** A date that has already passed (`today`: the current business day). */
  date_in_past: z.strictObject({ today: text }),
  ...Object.fromEntries(
    LADDER_ISSUE_CODES.map((code) => [code, z.record(text, z.union([text, z.number()]))] as const),
  ),
} as const as FieldParamSchemas

type FieldParamSchemas = {
  required: typeof none
  extra_forbidden: typeof none
  json_invalid: typeof none
  invalid_type: z.ZodObject<{ expected: z.ZodString }>
  not_a_number: typeof none
  not_an_integer: typeof none
  too_short: z.ZodObject<{ min: z.ZodNumber; length: z.ZodOptional<z.ZodNumber> }>
  too_long: z.ZodObject<{ max: z.ZodNumber; length: z.ZodOptional<z.ZodNumber> }>
  too_small: z.ZodObject<{ min: z.ZodNumber; inclusive: z.ZodBoolean }>
  too_big: z.ZodObject<{ max: z.ZodNumber; inclusive: z.ZodBoolean }>
  too_few_items: z.ZodObject<{ min: z.ZodNumber }>
  too_many_items: z.ZodObject<{ max: z.ZodNumber }>
  invalid_option: z.ZodObject<{
    options: z.ZodArray<z.ZodUnion<[z.ZodString, z.ZodNumber, z.ZodBoolean]>>
  }>
  invalid_format: z.ZodObject<{ format: z.ZodString }>
  pattern_invalid: typeof none
  regex_invalid: z.ZodObject<{ problem: z.ZodEnum<{ [P in RegexProblem]: P }> }>
  decimals: z.ZodObject<{ max: z.ZodNumber }>
  min_greater_than_max: typeof none
  range_reversed: typeof none
  duplicate: typeof none
  rk_code_duplicate: z.ZodObject<{ rk_code: z.ZodNumber; row: z.ZodNumber; first_row: z.ZodNumber }>
  reference_not_found: z.ZodObject<{ resource: z.ZodString; id: z.ZodNumber }>
  payment_above_bill: z.ZodObject<{ max: z.ZodNumber }>
  payment_above_allowed: z.ZodObject<{ allowed: z.ZodNumber; rule: z.ZodString }>
  pattern_mismatch: typeof none
  inactive_type: z.ZodObject<{ type: z.ZodString }>
  wrong_password: typeof none
  invalid: typeof none
  step_not_in_ladder: z.ZodObject<{ index: z.ZodNumber; steps: z.ZodNumber }>
  date_in_past: z.ZodObject<{ today: z.ZodString }>
} & Record<LadderIssueCode, z.ZodRecord<z.ZodString, z.ZodUnion<[z.ZodString, z.ZodNumber]>>>

export type AnswerErrorCode = keyof typeof answerErrorParams
export type FieldErrorCode = keyof FieldParamSchemas
export type ErrorCode = AnswerErrorCode | FieldErrorCode

/** The params each code carries. */
export type ErrorParams<C extends ErrorCode> = C extends AnswerErrorCode
  ? z.infer<(typeof answerErrorParams)[C]>
  : C extends FieldErrorCode
    ? z.infer<FieldParamSchemas[C]>
    : never

export const ANSWER_ERROR_CODES = Object.keys(answerErrorParams) as AnswerErrorCode[]
export const FIELD_ERROR_CODES = Object.keys(fieldErrorParams) as FieldErrorCode[]
/** Every code a sandbox answer may carry (some codes serve both a whole answer and a field). */
export const ERROR_CODES: readonly ErrorCode[] = [
  ...new Set<ErrorCode>([...ANSWER_ERROR_CODES, ...FIELD_ERROR_CODES]),
]

export const errorCode = z
  .enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]])
  .meta({ description: 'A stable machine code; the texts for it are the client’s (see `params`).' })

const paramsDescription =
  'Values the message for `code` needs: ' +
  Object.entries({ ...answerErrorParams, ...fieldErrorParams })
    .map(([code, schema]) => {
      const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape) : ['…']
      return `${code} {${keys.join(', ')}}`
    })
    .join('; ')

/** JSON values params are made of. */
const paramValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number(), z.boolean()])),
])
export const errorParams = z.record(z.string(), paramValue).meta({ description: paramsDescription })
export type ErrorParamsRecord = z.infer<typeof errorParams>

// ---- FastAPI-shaped errors, as the sandbox sends them ----

export const validationErrorItem = z.strictObject({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string(),
  code: errorCode,
  params: errorParams,
})
export type ValidationErrorItem = z.infer<typeof validationErrorItem>

/** 422 */
export const validationError = z.strictObject({ detail: z.array(validationErrorItem) })
export type ValidationError = z.infer<typeof validationError>

/** 400, 401, 403, 404, 413, 415, 429, and 422s whose detail is a sentence (a withdrawal above the balance). */
export const messageError = z.strictObject({ detail: z.string(), code: errorCode, params: errorParams })
export type MessageError = z.infer<typeof messageError>

/** 409: the entity as it is now (a stale version), so the client can show base / mine / theirs. */
export const conflictError = z.strictObject({
  detail: z.string(),
  code: errorCode,
  params: errorParams,
  current: z.unknown().optional(),
})
export type ConflictError = z.infer<typeof conflictError>

export const errorBody = z.union([validationError, conflictError, messageError])
export type ErrorBody = z.infer<typeof errorBody>

// ---- the same, read tolerantly by a client (a newer server may send codes and fields this one does not know) ----

export const receivedFieldError = z.object({
  loc: z.array(z.union([z.string(), z.number()])),
  msg: z.string(),
  type: z.string().optional(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
})
export const receivedValidationError = z.object({ detail: z.array(receivedFieldError) })
export const receivedMessageError = z.object({
  detail: z.string(),
  code: z.string().optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  current: z.unknown().optional(),
})

// ---- zod issues → codes (the server's 422 items and the forms' messages use the same translation) ----

/** What this needs of a zod issue (v4's `$ZodIssue`, loosely, so plain objects do too). */
export interface ZodIssueLike {
  code: string
  path: PropertyKey[]
  message: string
  input?: unknown
  expected?: string
  origin?: string
  minimum?: number | bigint
  maximum?: number | bigint
  inclusive?: boolean
  format?: string
  values?: readonly unknown[]
  /** Unknown keys of an `unrecognized_keys` issue. */
  keys?: string[]
  /** Custom issues carry their code and params here (`refine(fn, { params: { code, … } })`). */
  params?: Record<string, unknown>
}

export interface CodedIssue {
  code: ErrorCode
  params: ErrorParamsRecord
}

const num = (value: number | bigint | undefined): number => Number(value ?? 0)

function jsonParams(params: Record<string, unknown>): ErrorParamsRecord {
  const out: ErrorParamsRecord = {}
  for (const [key, value] of Object.entries(params)) {
    const parsed = paramValue.safeParse(value)
    if (parsed.success) out[key] = parsed.data
  }
  return out
}

const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)

/**
 * The code and params of one zod issue. `absent` says the value at the issue's path was missing (the caller knows
 * the input): a missing value is `required` whatever type was expected.
 */
export function codeOfIssue(issue: ZodIssueLike, absent = false): CodedIssue {
  switch (issue.code) {
    case 'invalid_type': {
      if (absent) return { code: 'required', params: {} }
      // zod reports a fractional (or unsafe) number where an integer is expected as `expected: 'int'`.
      if (issue.expected === 'int') return { code: 'not_an_integer', params: {} }
      if (issue.expected === 'number') return { code: 'not_a_number', params: {} }
      return { code: 'invalid_type', params: { expected: issue.expected ?? 'unknown' } }
    }
    case 'too_small': {
      const min = num(issue.minimum)
      if (issue.origin === 'string')
        return min <= 1 ? { code: 'required', params: {} } : { code: 'too_short', params: { min } }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_few_items', params: { min } }
      return { code: 'too_small', params: { min, inclusive: issue.inclusive ?? true } }
    }
    case 'too_big': {
      const max = num(issue.maximum)
      if (issue.origin === 'string') return { code: 'too_long', params: { max } }
      if (issue.origin === 'array' || issue.origin === 'set')
        return { code: 'too_many_items', params: { max } }
      return { code: 'too_big', params: { max, inclusive: issue.inclusive ?? true } }
    }
    case 'invalid_format':
      return issue.format === 'regex'
        ? { code: 'pattern_invalid', params: {} }
        : { code: 'invalid_format', params: { format: issue.format ?? 'unknown' } }
    case 'invalid_value':
      return {
        code: 'invalid_option',
        params: jsonParams({ options: (issue.values ?? []).filter((v) => typeof v !== 'object') }),
      }
    case 'unrecognized_keys':
      return { code: 'extra_forbidden', params: {} }
    case 'not_multiple_of':
      return { code: 'not_an_integer', params: {} }
    case 'custom': {
      const { code, ...params } = issue.params ?? {}
      if (isErrorCode(code)) return { code, params: jsonParams(params) }
      return { code: 'invalid', params: {} }
    }
    default:
      return { code: 'invalid', params: {} }
  }
}

/** `refine(check, coded('decimals', { max: 2 }, 'At most 2 decimals'))`: a custom issue with its code. */
export function coded<C extends FieldErrorCode>(
  code: C,
  params: ErrorParams<C>,
  message: string,
): { message: string; params: Record<string, unknown> } {
  return { message, params: { code, ...(params as Record<string, unknown>) } }
}

/** The value at `path` inside `input`; undefined when any step is absent (null counts as absent too). */
function valueAtPath(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current ?? undefined
}

/** `codeOfIssue` for an issue of parsing `input`: a value missing there (or null) is `required`. */
export function codeOfIssueIn(issue: ZodIssueLike, input: unknown): CodedIssue {
  const absent = issue.code === 'invalid_type' && valueAtPath(input, issue.path) === undefined
  return codeOfIssue(issue, absent)
}
