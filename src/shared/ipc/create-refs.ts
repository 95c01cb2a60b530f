// A draft may name an entity whose create is still in the outbox: a group created offline that uses a ladder
// created offline. In place of the id it holds `new:<the create's op_id>`; main holds the referring row back until
// that create has reached the server, then puts the real id in. The server never sees one.
import { z } from 'zod'

export const CREATE_REF_PREFIX = 'new:'

/** `new:<op_id>`. */
export const createRef = z.string().regex(/^new:[0-9A-Za-z-]{1,64}$/)
export type CreateRef = z.infer<typeof createRef>

/** The reference to the entity the outbox create `opId` will make. */
export function createRefTo(opId: string): CreateRef {
  return `${CREATE_REF_PREFIX}${opId}`
}

/** The create's op_id a value refers to, or null when it is not a reference. */
export function opIdOfRef(value: unknown): string | null {
  return createRef.safeParse(value).success ? (value as string).slice(CREATE_REF_PREFIX.length) : null
}
