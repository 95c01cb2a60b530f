// The forms' resolver: the shared zod schema checks the values, and every problem is said by its code in the UI
// language (`fieldMessage`), so zod's own wording never reaches the screen.
import { toNestErrors } from '@hookform/resolvers'
import type { FieldError, FieldValues, Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { codeOfIssueIn } from '@shared/api'
import { codedFieldError } from './messages'

/** How a form's values are checked: `schema.safeParse`, or a quicker function with the same answers. */
export type FormParse = (values: unknown) => z.ZodSafeParseResult<unknown>

/**
 * A react-hook-form resolver for `schema` whose messages are ours: `{type: code, message: text}` per field. `parse`
 * replaces `schema.safeParse` where the form has a quicker check with the same answers (the ladder's).
 */
export function codedResolver<T extends FieldValues>(
  schema: z.ZodType,
  parse: FormParse = (values) => schema.safeParse(values),
): Resolver<T> {
  // Synchronous: no schema here refines asynchronously.
  return async (values, _context, options) => {
    const result = parse(values)
    if (result.success) return { values: result.data as T, errors: {} }
    const errors: Record<string, FieldError> = {}
    for (const issue of result.error.issues) {
      const path = issue.path.filter((part): part is string | number => typeof part !== 'symbol')
      const name = path.join('.')
      if (errors[name]) continue
      const { code, params } = codeOfIssueIn(issue, values)
      errors[name] = codedFieldError({ path, code, params })
    }
    // Outer paths first: an error of a whole ladder step (`steps.1`) must not replace its fields' (`steps.1.name`).
    const nested = Object.fromEntries(
      Object.entries(errors).sort(([a], [b]) => a.split('.').length - b.split('.').length),
    )
    return { values: {}, errors: toNestErrors(nested, options) }
  }
}
