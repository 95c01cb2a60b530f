import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type BetterSqlite3 from 'better-sqlite3'
import { guestLadderExample } from '@shared/domain/example-ladder'
import { startSandbox, type Sandbox } from '../testing'
import { call, demoTokens } from '../test-support'
import { openSandboxDb } from './direct-db'

// Random and half-valid bodies and queries at every part-2 endpoint: never a 500, and a refused request (4xx)
// changes nothing — a second connection's data_version moves only when another connection commits.
let sandbox: Sandbox
let admin: string
let watcher: BetterSqlite3.Database

beforeAll(async () => {
  sandbox = await startSandbox()
  admin = (await demoTokens(sandbox.apiUrl)).admin
  watcher = openSandboxDb(sandbox.dbPath).db
})
afterAll(async () => {
  watcher.close()
  await sandbox.dispose()
})

let keys = 0
async function send(method: string, path: string, body: unknown): Promise<number> {
  const before = watcher.pragma('data_version', { simple: true })
  const response = await call(sandbox.apiUrl, method, path, {
    token: admin,
    raw:
      body === undefined
        ? undefined
        : { contentType: 'application/json', text: JSON.stringify(body) ?? 'null' },
    headers: { 'idempotency-key': `fuzz-${++keys}` },
  })
  expect(
    response.status,
    `${method} ${path} ${JSON.stringify(body)} → ${JSON.stringify(response.body)}`,
  ).toBeLessThan(500)
  if (response.status >= 400)
    expect(watcher.pragma('data_version', { simple: true }), `${method} ${path}`).toBe(before)
  return response.status
}

const junk = fc.oneof(
  fc.jsonValue(),
  fc.double(),
  fc.constantFrom(
    -1,
    0,
    0.001,
    1e13,
    2 ** 53,
    Number.MAX_VALUE,
    '',
    ' ',
    '1',
    'null',
    '+7',
    '\u0000',
    'ё'.repeat(600),
  ),
)

/** A valid body with one field replaced by junk, dropped, or an unknown field added. */
const mutated = (valid: Record<string, unknown>) =>
  fc
    .tuple(fc.constantFrom(...Object.keys(valid), '__extra__'), junk, fc.boolean())
    .map(([key, value, drop]) => {
      const body: Record<string, unknown> = { ...valid }
      if (drop) delete body[key]
      else body[key] = value
      return body
    })

const ENDPOINTS: [string, string, Record<string, unknown>][] = [
  [
    'POST',
    '/accounts/create',
    { number: 'F-1', holder_name: 'Фаззов Ф', group_id: 1, identifiers: [{ type_id: 1, value: '1234567' }] },
  ],
  [
    'PUT',
    '/accounts/1',
    { number: 'F-2', group_id: 1, version: 1, identifiers: [{ type_id: 2, value: '+79990000000' }] },
  ],
  ['POST', '/operations/create', { account_id: 1, type: 'withdraw', amount: 1e9, comment: 'x' }],
  ['POST', '/operations/create_group', { group_id: 1, type: 'withdraw', amount: 1e9 }],
  ['POST', '/operations/purchase', { account_id: 999_999, amount: 100 }],
  [
    'POST',
    '/ladders/preview',
    { ...guestLadderExample, steps: guestLadderExample.steps.map((s) => ({ ...s, rk_discount_id: null })) },
  ],
]

describe.each(ENDPOINTS)('%s %s', (method, path, valid) => {
  it('random and half-valid bodies: never a 500, refused ones change nothing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(junk, mutated(valid)), async (body) => {
        await send(method, path, body)
      }),
      { numRuns: 60 },
    )
  })
})

describe('queries', () => {
  const query = fc
    .dictionary(
      fc.constantFrom(
        'q',
        'offset',
        'limit',
        'group_id',
        'account_id',
        'type',
        'from',
        'to',
        'ladder_id',
        'x',
      ),
      fc.oneof(
        fc.string(),
        fc.integer().map(String),
        fc.constantFrom('2026-02-30', '2026-01-01', '-1', '1e3', '%', '+7 (916'),
      ),
    )
    .map((params) => new URLSearchParams(params).toString())

  it.each([
    '/accounts/list',
    '/operations/list',
    '/reports/operations',
    '/reports/ladder_steps',
    '/reports/balances',
  ])('random queries on %s never give a 500', async (path) => {
    await fc.assert(
      fc.asyncProperty(query, async (search) => {
        await send('GET', `${path}?${search}`, undefined)
      }),
      { numRuns: 60 },
    )
  })
})
