import { listOf, listQuery, user } from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { listUsers } from '../services/users'

const userList = listOf(user)

export function userRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(
    '/users/list',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags: ['users'],
        summary: 'Users of the server (admin)',
        security: SECURITY,
        querystring: listQuery,
        response: { 200: userList, ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => listUsers(ctx, request.query),
  )
}
