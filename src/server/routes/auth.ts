import {
  authInfo,
  changePasswordRequest,
  loginForm,
  loginRequest,
  logoutRequest,
  refreshRequest,
  tokenPair,
} from '@shared/api'
import { type ServerContext, SERVER_VERSION } from '../context'
import { ANY_ROLE, caller, errors, SECURITY, type ZodApp } from '../http'
import { parseOr422 } from '../validation'

export function authRoutes(app: ZodApp, ctx: ServerContext): void {
  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in (OAuth2 password flow form, or JSON {username, password})',
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: loginForm,
        response: { 200: tokenPair, ...errors(401, 422, 429) },
      },
    },
    async (request) => {
      // The OAuth2 form may carry grant_type, scope, client_id…; a JSON body is exactly {username, password}.
      if (request.headers['content-type']?.includes('json')) parseOr422(loginRequest, request.body)
      return ctx.auth.login(request.body.username, request.body.password, request.ip)
    },
  )

  app.post(
    '/auth/refresh_token',
    {
      config: { access: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair (the old one stops working)',
        body: refreshRequest,
        response: { 200: tokenPair, ...errors(401, 422) },
      },
    },
    async (request) => ctx.auth.refresh(request.body.refresh_token),
  )

  app.post(
    '/auth/logout',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['auth'],
        summary: 'End the login session: its access and refresh tokens stop working',
        security: SECURITY,
        body: logoutRequest.nullish(),
        response: { ...errors(401, 422) },
      },
    },
    async (request, reply) => {
      ctx.auth.logout(caller(request), request.body?.refresh_token)
      return reply.code(204).send()
    },
  )

  app.post(
    '/auth/change_password',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['auth'],
        summary:
          'Change my password: a wrong current password is 422 at current_password; my other sessions end, this ' +
          'one goes on',
        security: SECURITY,
        body: changePasswordRequest,
        response: { ...errors(401, 422) },
      },
    },
    async (request, reply) => {
      await ctx.auth.changePassword(caller(request), request.body.current_password, request.body.new_password)
      return reply.code(204).send()
    },
  )

  app.get(
    '/auth/info',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['auth'],
        summary: 'Who is logged in, and which server this is',
        security: SECURITY,
        response: { 200: authInfo, ...errors(401) },
      },
    },
    async (request) => ({
      user: caller(request).user,
      server: { name: 'ProBonus', version: SERVER_VERSION },
    }),
  )
}
