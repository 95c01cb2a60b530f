import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../testing'
import { call, demoTokens, locsOf } from '../test-support'

// FastAPI-shaped errors for malformed requests of every kind.
let sandbox: Sandbox
let admin: string

beforeAll(async () => {
  sandbox = await startSandbox()
  admin = (await demoTokens(sandbox.apiUrl)).admin
})
afterAll(() => sandbox.dispose())

const post = (path: string, options: Parameters<typeof call>[3]) =>
  call(sandbox.apiUrl, 'POST', path, { token: admin, ...options })

describe('malformed bodies', () => {
  it('malformed JSON is 422 at loc ["body"]', async () => {
    for (const text of ['{"name":', '{name: 1}', '[1,]', '\u0000', 'nul']) {
      const response = await post('/ladders/create', { raw: { contentType: 'application/json', text } })
      expect(response.status, text).toBe(422)
      expect(response.body).toEqual({
        detail: [{ loc: ['body'], msg: 'JSON decode error', type: 'json_invalid' }],
      })
    }
  })

  it('a missing body, null, an array or a string is 422 at loc ["body"]', async () => {
    for (const options of [
      {},
      { json: null },
      { json: [] },
      { json: 'ladder' },
      { raw: { contentType: 'application/json', text: '' } },
    ]) {
      const response = await post('/ladders/create', options)
      expect(response.status).toBe(422)
      expect(locsOf(response)).toEqual([['body']])
    }
  })

  it('prototype-poisoning keys are refused, never applied', async () => {
    const text = '{"value": "1", "__proto__": {"admin": true}}'
    const response = await post('/identifier_types/1/check', {
      raw: { contentType: 'application/json', text },
    })
    expect(response.status).toBe(422)
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
  })

  it('an unsupported content type is 415, a form where JSON is expected is validated as a body', async () => {
    const xml = await post('/ladders/create', { raw: { contentType: 'application/xml', text: '<ladder/>' } })
    expect(xml.status).toBe(415)
    const form = await post('/identifier_types/1/check', { form: { value: '+79161234567' } })
    expect(form.status).toBe(200)
  })

  it('a body over the size limit is 413, not a crash', async () => {
    const text = JSON.stringify({ value: 'x'.repeat(9 * 1024 * 1024) })
    const response = await post('/identifier_types/1/check', {
      raw: { contentType: 'application/json', text },
    })
    expect(response.status).toBe(413)
  })

  it('numbers that are not numbers: strings, huge, fractional ids', async () => {
    const response = await post('/account_groups/create', {
      json: { name: 'G', ladder_id: 1.5, active: 'true' },
    })
    expect(locsOf(response)).toEqual([
      ['body', 'ladder_id'],
      ['body', 'active'],
    ])
    // 1e400 parses to Infinity: not an id.
    const text = '{"name": "G", "ladder_id": 1e400, "active": true}'
    const huge = await post('/account_groups/create', { raw: { contentType: 'application/json', text } })
    expect(locsOf(huge)).toEqual([['body', 'ladder_id']])
  })
})

describe('query, path and header locs', () => {
  it('query: bad values and unknown parameters', async () => {
    const response = await call(
      sandbox.apiUrl,
      'GET',
      '/ladders/list?limit=501&offset=-1&active=yes&sort=name',
      {
        token: admin,
      },
    )
    expect(response.status).toBe(422)
    expect(locsOf(response)).toEqual([
      ['query', 'offset'],
      ['query', 'limit'],
      ['query', 'active'],
      ['query', 'sort'],
    ])
    const repeated = await call(sandbox.apiUrl, 'GET', '/ladders/list?q=a&q=b', { token: admin })
    expect(locsOf(repeated)).toEqual([['query', 'q']])
  })

  it('path: ids must be positive integers written in plain decimal', async () => {
    // `1e3`, `0x10` and friends are numbers to JavaScript (1000, 16): only `^[1-9][0-9]*$` names an id.
    const spellings = ['1e3', '0x10', '0b1', '0o7', '01', '+1', '1.0', ' 1', '1_000', 'Infinity']
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999999999999', ...spellings]) {
      const response = await call(sandbox.apiUrl, 'GET', `/ladders/${id}`, { token: admin })
      expect(response.status, id).toBe(422)
      expect(locsOf(response)).toEqual([['path', 'id']])
    }
    // The same for ids and versions in queries.
    const groupId = await call(sandbox.apiUrl, 'GET', '/accounts/list?group_id=0x1', { token: admin })
    expect(locsOf(groupId)).toEqual([['query', 'group_id']])
    const version = await call(sandbox.apiUrl, 'DELETE', '/ladders/1?version=1e0', { token: admin })
    expect(locsOf(version)).toEqual([['query', 'version']])
  })

  it('DELETE needs ?version', async () => {
    const response = await call(sandbox.apiUrl, 'DELETE', '/ladders/1', { token: admin })
    expect(response.body).toEqual({
      detail: [{ loc: ['query', 'version'], msg: 'Field required', type: 'missing' }],
    })
    const withJsonHeader = await call(sandbox.apiUrl, 'DELETE', '/ladders/1', {
      token: admin,
      raw: { contentType: 'application/json', text: '' },
    })
    expect(locsOf(withJsonHeader)).toEqual([['query', 'version']])
  })

  it('header: an over-long Idempotency-Key', async () => {
    const response = await post('/account_groups/create', {
      json: { name: 'G', active: true },
      headers: { 'Idempotency-Key': 'k'.repeat(201) },
    })
    expect(response.status).toBe(422)
    expect(locsOf(response)).toEqual([['header', 'idempotency-key']])
  })
})
