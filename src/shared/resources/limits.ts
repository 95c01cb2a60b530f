// Size limits read from a body schema, so forms take `maxLength` and number bounds from the one schema that the
// server validates with (never a literal in a screen).
import { z } from 'zod'

export interface FieldLimits {
  minLength?: number
  maxLength?: number
  min?: number
  max?: number
  integer?: boolean
  /** Arrays: most items. */
  maxItems?: number
}

/** The schema under `optional`, `nullable`, `default` and `readonly` wrappers. */
export function unwrapSchema(schema: z.ZodType): z.ZodType {
  let current: z.ZodType = schema
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodReadonly
    ) {
      current = current.unwrap() as z.ZodType
    } else return current
  }
}

/** The limits of one schema (a string's length, a number's bounds, an array's size); empty when it has none. */
export function limitsOf(schema: z.ZodType): FieldLimits {
  const inner = unwrapSchema(schema)
  const limits: FieldLimits = {}
  if (inner instanceof z.ZodString) {
    if (inner.minLength !== null) limits.minLength = inner.minLength
    if (inner.maxLength !== null) limits.maxLength = inner.maxLength
  } else if (inner instanceof z.ZodNumber) {
    if (inner.minValue !== null && Number.isFinite(inner.minValue)) limits.min = inner.minValue
    if (inner.maxValue !== null && Number.isFinite(inner.maxValue)) limits.max = inner.maxValue
    if (inner.isInt) limits.integer = true
  } else if (inner instanceof z.ZodArray) {
    const max = (inner._zod.bag as { maximum?: number }).maximum
    if (typeof max === 'number') limits.maxItems = max
  }
  return limits
}

/** `limitsOf` for every field of an object schema. */
export function fieldLimits<Shape extends z.ZodRawShape>(
  object: z.ZodObject<Shape>,
): { readonly [K in keyof Shape]: FieldLimits } {
  const shape = object.shape
  return Object.fromEntries(Object.keys(shape).map((key) => [key, limitsOf(shape[key] as z.ZodType)])) as {
    [K in keyof Shape]: FieldLimits
  }
}
