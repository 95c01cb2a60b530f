import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { startSandbox, type Sandbox } from '../testing'

// /openapi.json is generated from the same zod schemas the routes validate with.
let sandbox: Sandbox
let document: z.infer<typeof openApi>

const openApi = z.object({
  openapi: z.string(),
  paths: z.record(
    z.string(),
    z.record(z.string(), z.looseObject({ security: z.array(z.unknown()).optional() })),
  ),
  components: z.looseObject({ securitySchemes: z.record(z.string(), z.unknown()) }),
})

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'none' })
  document = openApi.parse(await (await fetch(`${sandbox.url}/openapi.json`)).json())
})
afterAll(() => sandbox.dispose())

describe('/openapi.json', () => {
  it('documents every part-1 endpoint under /api/v0', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /api/v0/auth/login',
        'GET /api/v0/auth/info',
        'POST /api/v0/auth/refresh_token',
        'POST /api/v0/auth/logout',
        'GET /api/v0/users/list',
        'GET /api/v0/rk_discounts/list',
        'GET /api/v0/rk_discounts/{id}',
        'POST /api/v0/rk_discounts/import',
        'GET /api/v0/ladders/list',
        'GET /api/v0/ladders/{id}',
        'POST /api/v0/ladders/create',
        'PUT /api/v0/ladders/{id}',
        'DELETE /api/v0/ladders/{id}',
        'GET /api/v0/ladders/{id}/history',
        'GET /api/v0/account_groups/list',
        'POST /api/v0/account_groups/create',
        'PUT /api/v0/account_groups/{id}',
        'DELETE /api/v0/account_groups/{id}',
        'GET /api/v0/identifier_types/list',
        'POST /api/v0/identifier_types/create',
        'POST /api/v0/identifier_types/{id}/check',
        'GET /api/v0/health',
      ]),
    )
    expect(operations.some((operation) => operation.includes('/bench/') || operation.includes('/docs'))).toBe(
      false,
    )
  })

  it('has the OAuth2 password flow against auth/login, required on protected routes only', () => {
    expect(document.components.securitySchemes).toEqual({
      OAuth2PasswordBearer: {
        type: 'oauth2',
        flows: { password: { tokenUrl: '/api/v0/auth/login', scopes: {} } },
      },
    })
    expect(document.paths['/api/v0/ladders/list']?.get?.security).toEqual([{ OAuth2PasswordBearer: [] }])
    expect(document.paths['/api/v0/health']?.get?.security).toBeUndefined()
    expect(document.paths['/api/v0/auth/login']?.post?.security).toBeUndefined()
  })

  it('describes bodies from the shared schemas (strict, with the fields of API.md)', () => {
    const create = z
      .object({
        requestBody: z.object({
          content: z.object({
            'application/json': z.object({
              schema: z.looseObject({
                properties: z.record(z.string(), z.unknown()),
                additionalProperties: z.literal(false),
              }),
            }),
          }),
        }),
      })
      .parse(document.paths['/api/v0/ladders/create']?.post)
    expect(Object.keys(create.requestBody.content['application/json'].schema.properties).sort()).toEqual(
      ['active', 'basis', 'downgrade', 'name', 'period', 'period_days', 'steps'].sort(),
    )
  })
})
