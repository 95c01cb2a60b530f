import type { FastifySerializerCompiler } from 'fastify'
import { serializerCompiler } from 'fastify-type-provider-zod'
import type { z } from 'zod'

/**
 * Answers whose JSON is already known: immutable objects (frozen cache entries) mapped to the JSON their route's
 * response schema produced for them. The serializer sends that JSON instead of encoding the object again.
 */
const knownJson = new WeakMap<object, string>()

/** Registers the JSON of a frozen answer object; it must be what the response schema encodes it to. */
export function rememberJson(answer: object, json: string): void {
  if (!Object.isFrozen(answer)) throw new Error('rememberJson: only frozen objects can have remembered JSON')
  knownJson.set(answer, json)
}

/** The type provider's zod serializer (every answer checked against its response schema), with the shortcut above. */
export const serializer: FastifySerializerCompiler<z.ZodType> = (route) => {
  const encode = serializerCompiler(route)
  return (data: unknown) => (typeof data === 'object' && data !== null && knownJson.get(data)) || encode(data)
}
