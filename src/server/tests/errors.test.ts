import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../testing'
import { z } from 'zod'
import { accountGroup, ERROR_CODES, errorBody, listOf } from '@shared/api'
import { guestLadderExample } from '@shared/domain/example-ladder'
import { call, demoTokens, detailOf, locsOf } from '../test-support'

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
        detail: [
          { loc: ['body'], msg: 'JSON decode error', type: 'json_invalid', code: 'json_invalid', params: {} },
        ],
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
      detail: [
        { loc: ['query', 'version'], msg: 'Field required', type: 'missing', code: 'required', params: {} },
      ],
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

// API.md "Error codes": every refusal carries a stable `code` and `params` beside the English `detail`.
describe('error codes', () => {
  const get = (path: string, token?: string) => call(sandbox.apiUrl, 'GET', path, { token })
  const groups = async () =>
    listOf(accountGroup).parse((await get('/account_groups/list?limit=500', admin)).body).items

  it('401: not authenticated, bad credentials; 403 with the role; 404 of a resource and of a path', async () => {
    expect((await get('/ladders/list')).body).toMatchObject({ code: 'not_authenticated', params: {} })
    const wrong = await call(sandbox.apiUrl, 'POST', '/auth/login', {
      json: { username: 'nobody-here', password: 'x' },
    })
    expect(wrong).toMatchObject({ status: 401, body: { code: 'bad_credentials', params: {} } })
    const { viewer } = await demoTokens(sandbox.apiUrl)
    const refused = await call(sandbox.apiUrl, 'POST', '/account_groups/create', {
      token: viewer,
      json: { name: 'G', active: true },
    })
    expect(refused).toMatchObject({ status: 403, body: { code: 'forbidden', params: { role: 'viewer' } } })
    expect((await get('/ladders/999999', admin)).body).toMatchObject({
      code: 'not_found',
      params: { resource: 'ladder', id: 999999 },
    })
    expect((await get('/nothing', admin)).body).toMatchObject({ code: 'route_not_found' })
  })

  it('409: group_has_accounts with the count, ladder_in_use with the group names, in use, code_taken', async () => {
    const regulars = (await groups()).find((group) => group.name === 'Постоянные гости')
    if (!regulars?.ladder_id) throw new Error('demo group missing')
    const del = (path: string) => call(sandbox.apiUrl, 'DELETE', path, { token: admin })
    expect((await del(`/account_groups/${regulars.id}?version=${regulars.version}`)).body).toMatchObject({
      code: 'group_has_accounts',
      params: { group: 'Постоянные гости', accounts: regulars.accounts_count },
    })
    const ladderVersion = z
      .object({ version: z.number() })
      .parse((await get(`/ladders/${regulars.ladder_id}`, admin)).body).version
    const inUse = await del(`/ladders/${regulars.ladder_id}?version=${ladderVersion}`)
    expect(inUse.status).toBe(409)
    expect(inUse.body).toMatchObject({ code: 'ladder_in_use' })
    expect(
      z.object({ params: z.object({ groups: z.array(z.string()) }) }).parse(inUse.body).params.groups,
    ).toContain('Постоянные гости')
    expect((await del('/identifier_types/1?version=1')).body).toMatchObject({
      code: 'identifier_type_in_use',
    })
    const duplicate = await post('/identifier_types/create', {
      json: { code: 'card', name: 'Карта 2', kind: 'card_number', unique: true, active: true },
    })
    expect(duplicate).toMatchObject({ status: 409, body: { code: 'code_taken', params: { code: 'card' } } })
    const stale = await call(sandbox.apiUrl, 'PUT', `/account_groups/${regulars.id}`, {
      token: admin,
      json: { name: 'X', active: true, version: regulars.version + 5 },
    })
    expect(stale.body).toMatchObject({
      code: 'version_conflict',
      params: { version: regulars.version, base_version: regulars.version + 5 },
      current: { id: regulars.id },
    })
  })

  it('422 items carry field codes with their params (zod checks and the ladder rules)', async () => {
    const group = await post('/account_groups/create', {
      json: { name: '', active: 1, description: 'd'.repeat(2001) },
    })
    expect(detailOf(group).map(({ loc, code, params }) => ({ loc, code, params }))).toEqual([
      { loc: ['body', 'name'], code: 'required', params: {} },
      { loc: ['body', 'description'], code: 'too_long', params: { max: 2000 } },
      { loc: ['body', 'active'], code: 'invalid_type', params: { expected: 'boolean' } },
    ])
    const type = await post('/identifier_types/create', {
      json: {
        code: 'Bad code',
        name: 'T',
        kind: 'other',
        min_length: 'x',
        pattern: '(',
        unique: false,
        active: true,
      },
    })
    expect(detailOf(type).map(({ loc, code }) => [loc.at(-1), code])).toEqual([
      ['code', 'pattern_invalid'],
      ['pattern', 'regex_invalid'],
      ['min_length', 'not_a_number'],
    ])
    const ladder = await post('/ladders/create', {
      json: {
        ...guestLadderExample,
        steps: guestLadderExample.steps.map((step, i) => (i === 1 ? { ...step, threshold: 0 } : step)),
      },
    })
    expect(detailOf(ladder)).toContainEqual(
      expect.objectContaining({
        loc: ['body', 'steps', 1, 'threshold'],
        code: 'threshold_not_increasing',
        params: expect.objectContaining({ step: 2, previousStep: 1 }),
      }),
    )
  })

  it('413, 415 and 429 carry codes; 429 says when to come back', async () => {
    const xml = await post('/ladders/create', { raw: { contentType: 'application/xml', text: '<ladder/>' } })
    expect(xml.body).toMatchObject({ code: 'unsupported_media_type' })
    const huge = await post('/identifier_types/1/check', {
      raw: { contentType: 'application/json', text: JSON.stringify({ value: 'x'.repeat(9 * 1024 * 1024) }) },
    })
    expect(huge.body).toMatchObject({ code: 'body_too_large', params: { max_bytes: 8 * 1024 * 1024 } })
    let last = await call(sandbox.apiUrl, 'POST', '/auth/login', {
      json: { username: 'throttled', password: 'x' },
    })
    for (let i = 0; i < 6 && last.status !== 429; i++) {
      last = await call(sandbox.apiUrl, 'POST', '/auth/login', {
        json: { username: 'throttled', password: 'x' },
      })
    }
    expect(last.status).toBe(429)
    const retryAfter = Number(last.headers.get('retry-after'))
    expect(last.body).toMatchObject({ code: 'too_many_attempts', params: { retry_after: retryAfter } })
  })

  it('every code the server may send is in the shared list, and the list has no unknown entries', () => {
    expect(ERROR_CODES).toContain('group_has_accounts')
    expect(errorBody.safeParse({ detail: 'x', code: 'no_such_code', params: {} }).success).toBe(false)
  })
})
