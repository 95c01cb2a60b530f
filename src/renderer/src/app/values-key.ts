// A key for a form's values: equal keys mean the values are the same to a schema. Plain JSON would not do: it
// writes NaN, ±Infinity and an `undefined` array item as null and drops keys whose value is undefined, and a schema
// tells these apart.
const UNDEFINED = '\u0000undefined'

export function valuesKey(values: unknown): string {
  return (
    JSON.stringify(values, (_key, value: unknown) => {
      if (value === undefined) return UNDEFINED
      if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) {
        return `\u0000${Object.is(value, -0) ? '-0' : String(value)}`
      }
      return value
    }) ?? UNDEFINED
  )
}
