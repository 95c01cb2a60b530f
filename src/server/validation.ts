import type { FastifySchemaCompiler } from 'fastify'
import { type z } from 'zod'
import { codeOfIssue, type ValidationErrorItem, type ZodIssueLike } from '@shared/api'
import { fieldItem, type Loc, RequestValidationError, validationFailed } from './errors'

/** Where Fastify's request parts go in a FastAPI `loc`. */
const LOC_ROOT: Record<string, string> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
}

/**
 * zod issues → FastAPI `detail` items under `root` (`body`, `query`, …) with their codes (`codeOfIssue`, the
 * translation the forms use too); unknown keys get one item each; a required field absent from `input` is
 * `missing` / `required` (also for coerced query values, which zod sees as NaN).
 */
export function issuesToDetail(
  issues: readonly ZodIssueLike[],
  root: Loc,
  input: unknown,
): ValidationErrorItem[] {
  const items: ValidationErrorItem[] = []
  for (const issue of issues) {
    const loc: Loc = [...root, ...issue.path.map(locPart)]
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        items.push(
          fieldItem(
            [...loc, key],
            'extra_forbidden',
            {},
            'Extra inputs are not permitted',
            'extra_forbidden',
          ),
        )
      }
      continue
    }
    const absent = issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined
    const { code, params } = codeOfIssue(issue, absent)
    if (absent) items.push({ loc, msg: 'Field required', type: 'missing', code, params })
    else {
      const domainCode = issue.code === 'custom' ? issue.params?.code : undefined
      const type = typeof domainCode === 'string' ? domainCode : issue.code
      items.push({ loc, msg: issue.message, type, code, params })
    }
  }
  return items
}

const locPart = (part: PropertyKey): string | number => (typeof part === 'number' ? part : String(part))

/** The value at `path` inside `input`, undefined when any step is absent. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  return current === null && path.length === 0 ? undefined : current
}

/** Parses `data` with `schema`, or throws the 422 whose `loc` starts with `root`. */
export function parseOr422<T extends z.ZodType>(schema: T, data: unknown, root: Loc = ['body']): z.output<T> {
  const result = schema.safeParse(data)
  if (result.success) return result.data
  throw validationFailed(issuesToDetail(result.error.issues, root, data))
}

/**
 * Fastify validator compiler for zod schemas (the type provider's own one loses the distinction between
 * `steps.2` and `steps["2"]` and the keys of unknown fields). Failures become 422 with exact `loc`s.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const root = LOC_ROOT[httpPart ?? 'body'] ?? 'body'
  return (data: unknown) => {
    const result = schema.safeParse(data)
    if (result.success) {
      // A headers schema names a few headers: keep the others (authorization, content-type…) on the request.
      if (httpPart === 'headers' && isObject(data) && isObject(result.data))
        return { value: { ...data, ...result.data } }
      return { value: result.data }
    }
    return { error: new RequestValidationError(issuesToDetail(result.error.issues, [root], data)) }
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null
