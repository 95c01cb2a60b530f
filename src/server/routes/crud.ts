import { z } from 'zod'
import {
  type ActiveListQuery,
  activeListQuery,
  idempotencyHeaders,
  idParams,
  type ListEnvelope,
  listOf,
  versionQuery,
} from '@shared/api'
import type { EditableDescriptor } from '@shared/resources'
import type { FastifyInstance } from 'fastify'
import type { ServerContext } from '../context'
import { ANY_ROLE, caller, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { idempotentCreate } from '../services/idempotency'

/**
 * What the database does for one editable resource of API.md (`list`, `{id}`, `create`, `PUT {id}`,
 * `DELETE {id}?version=`); its path, schemas and write roles come from its shared descriptor.
 */
export interface CrudServices<Item, Create, Update> {
  list(ctx: ServerContext, query: ActiveListQuery): ListEnvelope<Item>
  /** Optional fast path: `list` already serialized (each item validated against `item` when it was cached). */
  listJson?(ctx: ServerContext, query: ActiveListQuery): string
  get(ctx: ServerContext, id: number): Item
  create(ctx: ServerContext, input: Create, actor: string): Item
  update(ctx: ServerContext, id: number, input: Update, actor: string): Item
  remove(ctx: ServerContext, id: number, version: number): void
}

/** Registers the five routes of a resource with its schemas, roles, idempotent create and versioned writes. */
export function crudRoutes<D extends EditableDescriptor>(
  app: ZodApp,
  ctx: ServerContext,
  descriptor: D,
  services: CrudServices<z.output<D['entity']>, z.output<D['create']>, z.output<D['update']>>,
): void {
  type Item = z.output<D['entity']>
  const { segment, noun, writeRoles: writers } = descriptor
  const item = descriptor.entity as z.ZodType<Item>
  const resource = {
    ...services,
    createBody: descriptor.create as unknown as z.ZodType<z.output<D['create']>>,
    updateBody: descriptor.update as unknown as z.ZodType<z.output<D['update']>>,
  }
  // Generic schemas defeat the type provider's inference, so this file registers on the untyped instance and
  // reads each request part through `validated` (the route's own schema has already parsed it).
  const routes: FastifyInstance = app
  const validated = <T>(_schema: z.ZodType<T>, value: unknown): T => value as T
  const tags = [segment]
  const read = { config: { access: ANY_ROLE } }
  const write = { config: { access: writers } }
  const who = `(${writers.join(', ')})`

  routes.get(
    `/${segment}/list`,
    {
      ...read,
      schema: {
        tags,
        summary: `List ${noun}s (q: case-insensitive substring; active: filter)`,
        security: SECURITY,
        querystring: activeListQuery,
        response: { 200: listOf(item), ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request, reply) => {
      const query = validated(activeListQuery, request.query)
      if (!resource.listJson) return resource.list(ctx, query)
      return reply.type('application/json; charset=utf-8').send(resource.listJson(ctx, query))
    },
  )

  routes.get(
    `/${segment}/:id`,
    {
      ...read,
      schema: {
        tags,
        summary: `One ${noun}`,
        security: SECURITY,
        params: idParams,
        response: { 200: item, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => resource.get(ctx, validated(idParams, request.params).id),
  )

  routes.post(
    `/${segment}/create`,
    {
      ...write,
      schema: {
        tags,
        summary: `Create a ${noun} ${who}; an Idempotency-Key makes retries safe`,
        security: SECURITY,
        headers: idempotencyHeaders,
        body: resource.createBody,
        response: { 201: item, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      const actor = caller(request).user.login
      const input = validated(resource.createBody, request.body)
      const answer = idempotentCreate(ctx, request, item, () => resource.create(ctx, input, actor))
      // Creates answer 201, and a replay answers what was stored: also 201.
      return reply.code(201).send(answer.body)
    },
  )

  routes.put(
    `/${segment}/:id`,
    {
      ...write,
      schema: {
        tags,
        summary: `Update a ${noun} ${who}: send the version it was based on; a stale one is 409 with current`,
        security: SECURITY,
        params: idParams,
        body: resource.updateBody,
        response: { 200: item, ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      resource.update(
        ctx,
        validated(idParams, request.params).id,
        validated(resource.updateBody, request.body),
        caller(request).user.login,
      ),
  )

  routes.delete(
    `/${segment}/:id`,
    {
      ...write,
      schema: {
        tags,
        summary: `Delete a ${noun} ${who} at ?version=N`,
        security: SECURITY,
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null().describe('Deleted'), ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      resource.remove(
        ctx,
        validated(idParams, request.params).id,
        validated(versionQuery, request.query).version,
      )
      return reply.code(204).send()
    },
  )
}
