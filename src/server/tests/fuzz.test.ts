import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import {
  accountGroupCreate,
  accountGroupUpdate,
  errorBody,
  identifierCheckRequest,
  identifierTypeCreate,
  identifierTypeUpdate,
  loginForm,
  logoutRequest,
  refreshRequest,
  rkDiscountImportRequest,
  versionQuery,
} from '@shared/api'
import { guestLadderExample } from '@shared/domain/example-ladder'
import { ladderCreateChecked, ladderUpdateChecked } from '@shared/domain'
import { startSandbox, type Sandbox } from '../testing'
import { call, demoTokens } from '../test-support'
import { openSandboxDb } from './direct-db'

// Random malformed bodies, queries and ids at every write endpoint: never a 500, and the database unchanged.
let sandbox: Sandbox
let admin: string
let before: string

/** Every row of every table, in a stable order: equal strings mean nothing changed. */
function dumpDatabase(path: string): string {
  const { db } = openSandboxDb(path)
  try {
    const tables = db
      .prepare(
        // A virtual table's rows are its shadow tables' (listed themselves).
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name`,
      )
      .all() as { name: string }[]
    return JSON.stringify(
      tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}" ORDER BY 1, 2`).all()]),
    )
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  sandbox = await startSandbox()
  admin = (await demoTokens(sandbox.apiUrl)).admin
  before = dumpDatabase(sandbox.dbPath)
})
afterAll(async () => {
  // The property of the whole file: whatever was sent, the database is exactly as it was.
  expect(dumpDatabase(sandbox.dbPath)).toBe(before)
  await sandbox.dispose()
})

/** What JSON makes of a value on the way to the server. */
const overTheWire = (value: unknown): unknown => {
  const text = JSON.stringify(value)
  return text === undefined ? undefined : JSON.parse(text)
}

/** Random bodies near `template` (fields replaced, added, removed) and anywhere else, that `schema` rejects. */
function invalidBodies(schema: z.ZodType, template: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = [...Object.keys(template), 'extra', '__proto__', 'constructor']
  const nearTemplate = fc
    .tuple(
      fc.dictionary(fc.constantFrom(...keys), fc.jsonValue(), { maxKeys: 3 }),
      fc.subarray(Object.keys(template), { maxLength: Math.min(2, Object.keys(template).length) }),
    )
    .map(([overrides, removed]) => {
      const body: Record<string, unknown> = { ...template, ...overrides }
      for (const key of removed) delete body[key]
      return body
    })
  return fc
    .oneof(nearTemplate, fc.jsonValue(), fc.constant(undefined))
    .map(overTheWire)
    .filter((body) => !schema.safeParse(body).success)
}

/** Raw text sent as application/json: mostly not JSON at all. */
const garbageJson = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('{', '[', '{"a":}', '"', '1e999'),
)

/** Path ids: numbers, negatives, text, unicode, traversal. */
const pathIds = fc.oneof(
  fc.integer({ min: -5, max: 5 }).map(String),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('1.5', '1e3', '..', '%00', 'ladders', '9'.repeat(30)),
)

/** Query strings with random keys and values, `version` often among them. */
const queries = fc
  .dictionary(
    fc.oneof(fc.constantFrom('version', 'limit', 'offset', 'q', 'active'), fc.string()),
    fc.string(),
    {
      maxKeys: 4,
    },
  )
  .map((params) => new URLSearchParams(params).toString())

type Write = {
  method: string
  path: (id: string) => string
  schema: z.ZodType
  template: Record<string, unknown>
}

const ladderTemplate = {
  ...guestLadderExample,
  steps: guestLadderExample.steps.map((s) => ({ ...s, rk_discount_id: null })),
}
const groupTemplate = { name: 'G', description: null, ladder_id: 1, active: true }
const typeTemplate = {
  code: 'c',
  name: 'T',
  kind: 'other',
  pattern: null,
  min_length: 1,
  max_length: 5,
  unique: false,
  active: true,
}

const WRITES: Record<string, Write> = {
  'POST auth/login': {
    method: 'POST',
    path: () => '/auth/login',
    schema: loginForm,
    template: { username: 'admin', password: 'x' },
  },
  'POST auth/refresh_token': {
    method: 'POST',
    path: () => '/auth/refresh_token',
    schema: refreshRequest,
    template: { refresh_token: 'x' },
  },
  'POST auth/logout': {
    method: 'POST',
    path: () => '/auth/logout',
    schema: logoutRequest.nullish(),
    template: { refresh_token: 'x' },
  },
  'POST rk_discounts/import': {
    method: 'POST',
    path: () => '/rk_discounts/import',
    schema: rkDiscountImportRequest,
    template: { discounts: [{ rk_code: 1, name: 'A', kind: 'percent', value: 5, active: true }] },
  },
  'POST ladders/create': {
    method: 'POST',
    path: () => '/ladders/create',
    schema: ladderCreateChecked,
    template: ladderTemplate,
  },
  'PUT ladders/{id}': {
    method: 'PUT',
    path: (id) => `/ladders/${id}`,
    schema: ladderUpdateChecked,
    template: { ...ladderTemplate, version: 1 },
  },
  'POST account_groups/create': {
    method: 'POST',
    path: () => '/account_groups/create',
    schema: accountGroupCreate,
    template: groupTemplate,
  },
  'PUT account_groups/{id}': {
    method: 'PUT',
    path: (id) => `/account_groups/${id}`,
    schema: accountGroupUpdate,
    template: { ...groupTemplate, version: 1 },
  },
  'POST identifier_types/create': {
    method: 'POST',
    path: () => '/identifier_types/create',
    schema: identifierTypeCreate,
    template: typeTemplate,
  },
  'PUT identifier_types/{id}': {
    method: 'PUT',
    path: (id) => `/identifier_types/${id}`,
    schema: identifierTypeUpdate,
    template: { ...typeTemplate, version: 1 },
  },
  'POST identifier_types/{id}/check': {
    method: 'POST',
    path: (id) => `/identifier_types/${id}/check`,
    schema: identifierCheckRequest,
    template: { value: '1' },
  },
}

const ACCEPTABLE = [400, 401, 404, 409, 413, 415, 422, 429]
const RUNS = { numRuns: 40 }

const send = async (method: string, path: string, options: Parameters<typeof call>[3]) => {
  const response = await call(sandbox.apiUrl, method, path, { token: admin, ...options })
  expect(ACCEPTABLE, `${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`).toContain(
    response.status,
  )
  // Every refusal speaks in codes: a client translates `code` + `params`, never `detail`.
  expect(errorBody.safeParse(response.body).success, JSON.stringify(response.body)).toBe(true)
  return response
}

describe.each(Object.entries(WRITES))('%s', (_name, write) => {
  it('random invalid JSON bodies (and ids) never give a 500 nor change anything', async () => {
    await fc.assert(
      fc.asyncProperty(
        invalidBodies(write.schema, write.template),
        fc.oneof(fc.constant('1'), pathIds),
        async (body, id) => {
          const path = write.path(encodeURIComponent(id))
          const response =
            body === undefined
              ? await send(write.method, path, {})
              : await send(write.method, path, { json: body })
          expect(response.status).not.toBe(200)
        },
      ),
      RUNS,
    )
  })

  it('raw garbage as JSON and random queries never give a 500', async () => {
    await fc.assert(
      fc.asyncProperty(garbageJson, queries, async (text, query) => {
        // The server reads a blank JSON body as no body at all.
        let parsed: unknown = undefined
        try {
          if (text.trim() !== '') parsed = JSON.parse(text)
        } catch {
          parsed = Symbol('not json')
        }
        fc.pre(!write.schema.safeParse(parsed).success)
        await send(write.method, `${write.path('1')}?${query}`, {
          raw: { contentType: 'application/json', text },
        })
      }),
      RUNS,
    )
  })
})

describe.each(['ladders', 'account_groups', 'identifier_types'])('DELETE %s/{id}', (segment) => {
  it('random ids and queries without a valid version never give a 500 nor delete anything', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constant('1'), pathIds), queries, async (id, query) => {
        fc.pre(!versionQuery.safeParse(Object.fromEntries(new URLSearchParams(query))).success)
        await send('DELETE', `/${segment}/${encodeURIComponent(id)}?${query}`, {})
      }),
      RUNS,
    )
  })
})

describe('list endpoints', () => {
  it.each(['ladders', 'account_groups', 'identifier_types', 'rk_discounts', 'users'])(
    'random queries on %s/list never give a 500',
    async (segment) => {
      await fc.assert(
        fc.asyncProperty(queries, async (query) => {
          const response = await call(sandbox.apiUrl, 'GET', `/${segment}/list?${query}`, { token: admin })
          expect([200, 422]).toContain(response.status)
        }),
        RUNS,
      )
    },
  )
})
