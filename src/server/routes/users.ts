import { z } from 'zod'
import { idParams, listOf, user, userCreate, userListQuery, userUpdate, versionQuery } from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, ANY_ROLE, caller, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { forbidden } from '../errors'
import { createUser, deleteUser, getUser, listUsers, updateUser } from '../services/users'

const tags = ['users']
const userList = listOf(user)

/**
 * Users who log in (admin manages them; anyone reads themselves). Guards, 409: nobody deletes, deactivates or
 * demotes themselves; the last active admin stays. A password, role or active change ends that user's sessions.
 */
export function userRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(
    '/users/list',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Users of the server (admin); q: login, name or e-mail; active: true/false',
        security: SECURITY,
        querystring: userListQuery,
        response: { 200: userList, ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => listUsers(ctx, request.query),
  )

  app.get(
    '/users/:id',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'One user (admin, or the user themselves)',
        security: SECURITY,
        params: idParams,
        response: { 200: user, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => {
      const me = caller(request).user
      if (me.role !== 'admin' && me.id !== request.params.id) throw forbidden(me.role)
      return getUser(ctx, request.params.id)
    },
  )

  app.post(
    '/users/create',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Create a user (admin): login 1–64 characters of any script, unique case-insensitively (409); password ' +
          'of 3 characters or more',
        security: SECURITY,
        body: userCreate,
        response: { 201: user, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createUser(ctx, request.body, caller(request).user.login)),
  )

  app.put(
    '/users/:id',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Update a user (admin) with the version it was based on; a password replaces the old one. A new password, ' +
          'role or deactivation ends the user’s sessions. 409: stale version, login taken, yourself, last admin.',
        security: SECURITY,
        params: idParams,
        body: userUpdate,
        response: { 200: user, ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request) => updateUser(ctx, request.params.id, request.body, caller(request).user),
  )

  app.delete(
    '/users/:id',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Delete a user (admin) at ?version=N; not yourself, not the last active admin (409)',
        security: SECURITY,
        params: idParams,
        querystring: versionQuery,
        response: { 204: z.null().describe('Deleted'), ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) => {
      deleteUser(ctx, request.params.id, request.query.version, caller(request).user)
      return reply.code(204).send(null)
    },
  )
}
