// What a resource descriptor says: everything the server's routes, main's client / cache / outbox / handlers and
// the renderer's editors, conflict view and permissions derive from. Three shapes fit every resource of API.md:
// a collection (`/ladders/list`, `/{id}`, `/create`, `PUT /{id}`, `DELETE /{id}?version=`), a singleton
// (`GET/PUT /settings`) and a command (`POST /auth/change_password`, `POST /operations/create`).
import type { z } from 'zod'
import type { Role } from '../api/auth'
import type { FieldLimits } from './limits'
import type { ResourceVerb } from './names'

/**
 * How writes reach the server: `drafts` — edited offline, saved durably, queued in the outbox, conflicts
 * resolved; `online` — sent at once, refused offline with the reason, never written to disk (money, passwords,
 * settings); `none` — read-only here (written by another system, or by a command of its own).
 */
export type WriteMode = 'drafts' | 'online' | 'none'

interface Described<K extends string> {
  kind: K
  /** Singular noun for docs and logs: `ladder`. */
  noun: string
  /** Roles that may write (every signed-in role reads). */
  writeRoles: readonly Role[]
  writes: WriteMode
}

/** A list of entities with ids under `/api/v0/<segment>`. */
export interface CollectionDescriptor<
  K extends string = string,
  Entity extends z.ZodType<{ id: number }> = z.ZodType<{ id: number }>,
> extends Described<K> {
  shape: 'collection'
  /** URL segment under /api/v0: `ladders`, `account_groups`. */
  segment: string
  /** The entity as the server answers it. */
  entity: Entity
  /** Main keeps the whole list on disk for offline reading. */
  cached: boolean
  /** Its IPC channels `<prefix>:<verb>` (from ./names, which the preload bundles). */
  ipc: { readonly prefix: string; readonly verbs: readonly ResourceVerb[] }
}

/** A collection people edit: create, update and delete bodies, the fields of its editor and conflict view. */
export interface EditableDescriptor<
  K extends string = string,
  Entity extends z.ZodType<{ id: number; version: number }> = z.ZodType<{ id: number; version: number }>,
  Create extends z.ZodObject = z.ZodObject,
  Update extends z.ZodObject = z.ZodObject,
> extends CollectionDescriptor<K, Entity> {
  /** The create body with every rule the server checks (the forms' resolver, main's check before queueing). */
  create: Create
  /** The update body: the create body plus `version`. */
  update: Update
  /** What a person edits: the body's fields in order (conflict view, comparing a body with an entity). */
  fields: readonly (keyof Create['shape'] & string)[]
  /** A list field whose items are merged one by one in a conflict (a ladder's steps), with the items' fields. */
  steps?: { readonly field: keyof Create['shape'] & string; readonly fields: readonly string[] }
  /**
   * Fields that hold the id of another draft kind (a group's `ladder_id`: `ladder`). A draft may put a reference
   * to that kind's create still in the outbox there (`new:<op_id>`, shared/ipc/create-refs); main sends the row
   * once the create has its id.
   */
  references?: { readonly [F in keyof Create['shape'] & string]?: string }
  /** Size limits of the body's fields, read from `create` (forms take `maxLength` from here). */
  limits: { readonly [F in keyof Create['shape']]: FieldLimits }
  /** A short name of a body or an entity for lists of drafts; null when it has none yet. */
  title: (body: Readonly<Record<string, unknown>>) => string | null
  /** What a person calls one (an editor's heading, "«…» deleted"); null when it has none yet. */
  displayName: (body: Readonly<Record<string, unknown>>) => string | null
}

/**
 * A singleton edited through drafts (the server's settings). To the drafts, the outbox, the cache and the conflict
 * view it is a collection of one: its document sits at `SINGLETON_ID` (the entity schema supplies that id, since
 * the server's answer has none), there is no create and no delete, and main's API client turns "update 1" into
 * `PUT /<segment>` and "get 1" / "list" into `GET /<segment>`.
 */
export interface DraftSingletonDescriptor<
  K extends string = string,
  Entity extends z.ZodType<{ id: number; version: number }> = z.ZodType<{ id: number; version: number }>,
  Create extends z.ZodObject = z.ZodObject,
  Update extends z.ZodObject = z.ZodObject,
> extends Omit<EditableDescriptor<K, Entity, Create, Update>, 'shape'> {
  shape: 'singleton'
  writes: 'drafts'
}

/** One document per server under `/api/v0/<segment>`: `GET`, and `PUT` with `version`. */
export interface SingletonDescriptor<
  K extends string = string,
  Entity extends z.ZodType<{ version: number }> = z.ZodType<{ version: number }>,
  Update extends z.ZodObject = z.ZodObject,
> extends Described<K> {
  shape: 'singleton'
  segment: string
  entity: Entity
  update: Update
  fields: readonly (keyof Update['shape'] & string)[]
  limits: { readonly [F in keyof Update['shape']]: FieldLimits }
}

/** A request that does something once (a money operation, a password change, an import): online only. */
export interface CommandDescriptor<
  K extends string = string,
  Body extends z.ZodType = z.ZodType,
  Answer extends z.ZodType | null = z.ZodType | null,
> extends Described<K> {
  shape: 'command'
  writes: 'online'
  /** Path under /api/v0: `auth/change_password`. */
  path: string
  body: Body
  /** The answer's schema; null for a 204. */
  answer: Answer
  /** `required`: every call carries an `Idempotency-Key` (operations); `none`: it means nothing here. */
  idempotency: 'required' | 'optional' | 'none'
  /** The body holds a secret (a password): never logged, never stored, not even as a failed request. */
  secret: boolean
  /** A longer wait for the answer than the client's default (a large import). */
  timeoutMs?: number
}

export type AnyDescriptor =
  | CollectionDescriptor
  | EditableDescriptor
  | DraftSingletonDescriptor
  | SingletonDescriptor
  | CommandDescriptor
