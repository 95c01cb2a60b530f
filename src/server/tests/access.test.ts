import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@shared/api'
import { startSandbox, type Sandbox } from '../testing'
import { call, demoTokens } from '../test-support'

// Every endpoint × every role: 401 without a token, 403 for a role that may not, and through for one that may.
let sandbox: Sandbox
let tokens: Record<Role, string>

beforeAll(async () => {
  sandbox = await startSandbox()
  tokens = await demoTokens(sandbox.apiUrl)
})
afterAll(() => sandbox.dispose())

const ALL: Role[] = ['admin', 'marketing', 'viewer']
const ADMIN: Role[] = ['admin']
const LADDERS: Role[] = ['admin', 'marketing']

/** [method, path, roles allowed]. Writes send `{}`: allowed roles get 422 and nothing changes. */
const ENDPOINTS: [string, string, Role[]][] = [
  ['GET', '/auth/info', ALL],
  ['GET', '/users/list', ADMIN],
  ['GET', '/rk_discounts/list', ALL],
  ['GET', '/rk_discounts/1', ALL],
  ['POST', '/rk_discounts/import', ADMIN],
  ['GET', '/ladders/list', ALL],
  ['GET', '/ladders/1', ALL],
  ['GET', '/ladders/1/history', ALL],
  ['POST', '/ladders/create', LADDERS],
  ['PUT', '/ladders/1', LADDERS],
  ['DELETE', '/ladders/1?version=x', LADDERS],
  ['GET', '/account_groups/list', ALL],
  ['GET', '/account_groups/1', ALL],
  ['POST', '/account_groups/create', ADMIN],
  ['PUT', '/account_groups/1', ADMIN],
  ['DELETE', '/account_groups/1?version=x', ADMIN],
  ['GET', '/identifier_types/list', ALL],
  ['GET', '/identifier_types/1', ALL],
  ['POST', '/identifier_types/create', ADMIN],
  ['PUT', '/identifier_types/1', ADMIN],
  ['DELETE', '/identifier_types/1?version=x', ADMIN],
  ['POST', '/identifier_types/1/check', ALL],
]

describe.each(ENDPOINTS)('%s %s', (method, path, allowed) => {
  const json = method === 'GET' || method === 'DELETE' ? undefined : {}

  it('401 with WWW-Authenticate without a token', async () => {
    const response = await call(sandbox.apiUrl, method, path, { json })
    expect(response.status).toBe(401)
    expect(response.headers.get('www-authenticate')).toBe('Bearer')
    expect(response.body).toEqual({ detail: 'Not authenticated', code: 'not_authenticated', params: {} })
  })

  it.each(ALL)('role %s', async (role) => {
    const response = await call(sandbox.apiUrl, method, path, { token: tokens[role], json })
    if (allowed.includes(role)) {
      expect(response.status).not.toBe(401)
      expect(response.status).not.toBe(403)
      expect([200, 422]).toContain(response.status)
    } else {
      expect(response.status).toBe(403)
      expect(response.body).toMatchObject({ detail: expect.stringContaining(role) })
    }
  })
})

describe('public endpoints', () => {
  it.each([
    ['GET', '/api/v0/health'],
    ['GET', '/openapi.json'],
    ['GET', '/docs'],
  ])('%s %s needs no token', async (method, path) => {
    const response = await call(sandbox.url, method, path)
    expect(response.status).toBe(200)
  })

  it('unknown paths are 404 {detail}, with or without a token', async () => {
    for (const token of [undefined, tokens.admin]) {
      const response = await call(sandbox.apiUrl, 'GET', '/nothing/here', { token })
      expect(response.status).toBe(404)
      expect(response.body).toEqual({ detail: 'Not Found', code: 'route_not_found', params: {} })
    }
  })
})
