import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountGroup, identifierType, ladder, listOf, tokenPair } from '@shared/api'
import { startSandbox, type Sandbox } from '@server/testing'
import { ApiError } from './errors'
import { Http } from './http'

// Answers are read tolerantly (a newer ProBonus may add fields), requests stay strict (the sandbox refuses unknown
// fields), and a refusal keeps the server's code and params.
let sandbox: Sandbox
let token: string

/** The real sandbox as a newer ProBonus would answer: every JSON object gets fields this app does not know. */
const newerServer: typeof fetch = async (input, init) => {
  const response = await fetch(input, init)
  const text = await response.text()
  const addFields = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(addFields)
    if (typeof value !== 'object' || value === null) return value
    const entries = Object.entries(value).map(([key, inner]) => [key, addFields(inner)])
    return { ...Object.fromEntries(entries), loyalty_tier_v2: { since: '2027-01-01' }, tags: ['new'] }
  }
  let body = text
  try {
    body = JSON.stringify(addFields(JSON.parse(text)))
  } catch {
    // not JSON (204): as is
  }
  return new Response(response.status === 204 ? null : body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}

beforeAll(async () => {
  sandbox = await startSandbox()
  const http = new Http({ baseUrl: sandbox.url })
  token = (
    await http.request({
      method: 'POST',
      path: '/auth/login',
      form: { username: 'admin', password: '111' },
      schema: tokenPair,
    })
  ).access_token
})
afterAll(() => sandbox.dispose())

describe('answers from a newer server', () => {
  const http = () => new Http({ baseUrl: sandbox.url, fetch: newerServer })

  it('unknown fields in an answer are ignored, at the top and nested', async () => {
    const one = await http().request({ method: 'GET', path: '/ladders/1', token, schema: ladder })
    expect(one.id).toBe(1)
    expect(one).not.toHaveProperty('loyalty_tier_v2')
    expect(one.steps[0]).not.toHaveProperty('tags')
    const groups = await http().request({
      method: 'GET',
      path: '/account_groups/list',
      token,
      schema: listOf(accountGroup),
    })
    expect(groups.items.length).toBeGreaterThan(0)
    expect(groups.items[0]).not.toHaveProperty('loyalty_tier_v2')
  })

  it('a refusal with an unknown code and extra fields keeps the code and params', async () => {
    const error = await http()
      .request({
        method: 'POST',
        path: '/identifier_types/create',
        token,
        json: { code: 'card', name: 'Карта', kind: 'card_number', unique: true, active: true },
        schema: identifierType,
      })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      code: 'conflict',
      reason: { code: 'code_taken', params: { code: 'card' } },
    })
  })
})

describe('requests stay strict', () => {
  it('the sandbox refuses an unknown field in a request, and the field error keeps its code', async () => {
    const http = new Http({ baseUrl: sandbox.url })
    const error = await http
      .request({
        method: 'POST',
        path: '/account_groups/create',
        token,
        json: { name: 'Группа', active: true, loyalty_tier_v2: 1 },
        schema: accountGroup,
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'validation',
      fields: [{ path: ['loyalty_tier_v2'], code: 'extra_forbidden', params: {} }],
    })
  })
})
