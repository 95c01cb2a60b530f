// Answers are read tolerantly: a newer ProBonus may add fields, and this app must keep working with it. The shared
// schemas are strict (the sandbox refuses unknown fields in requests and checks its own answers against them);
// the client reads answers through a copy of the schema whose objects drop unknown keys instead of refusing them.
import { z } from 'zod'

const tolerantCopies = new WeakMap<z.ZodType, z.ZodType>()

/** The same schema with every object (however deep) stripping unknown keys; everything else is kept as is. */
export function tolerant<T extends z.ZodType>(schema: T): T {
  const known = tolerantCopies.get(schema)
  if (known) return known as T
  const copy = convert(schema)
  tolerantCopies.set(schema, copy)
  return copy as T
}

function convert(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(
      Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, value]) => [key, tolerant(value)]),
    )
    return schema.clone({ ...schema._zod.def, shape, catchall: undefined })
  }
  if (schema instanceof z.ZodArray) {
    return schema.clone({ ...schema._zod.def, element: tolerant(schema.element as z.ZodType) })
  }
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) {
    const innerType = tolerant(schema._zod.def.innerType as z.ZodType)
    return (schema as z.ZodType).clone({ ...schema._zod.def, innerType } as typeof schema._zod.def)
  }
  if (schema instanceof z.ZodUnion) {
    const options = (schema._zod.def.options as z.ZodType[]).map((option) => tolerant(option))
    return schema.clone({ ...schema._zod.def, options })
  }
  if (schema instanceof z.ZodPipe) {
    return schema.clone({ ...schema._zod.def, in: tolerant(schema._zod.def.in as z.ZodType) })
  }
  return schema
}
