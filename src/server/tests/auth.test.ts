import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authInfo, listOf, tokenPair, user } from '@shared/api'
import { call, login, messageOf, startTestServer } from '../test-support'
import { otherSpellings } from './jwt-spellings'

// One server with a clock the tests move: token expiry and throttling windows without waiting.
let clock = Date.parse('2025-03-01T10:00:00Z')
let server: Awaited<ReturnType<typeof startTestServer>>
let api: string

beforeAll(async () => {
  server = await startTestServer({ now: () => clock, accessTokenTtlSeconds: 60, refreshTokenTtlSeconds: 600 })
  api = server.apiUrl
})
afterAll(() => server.close())

describe('login', () => {
  it('accepts JSON and answers a bearer pair with the configured lifetime', async () => {
    const response = await call(api, 'POST', '/auth/login', { json: { username: 'admin', password: '111' } })
    expect(response.status).toBe(200)
    const pair = tokenPair.parse(response.body)
    expect(pair.token_type).toBe('bearer')
    expect(pair.expires_in).toBe(60)
  })

  it('accepts the OAuth2 password form with its standard extra fields, login case-insensitive', async () => {
    const response = await call(api, 'POST', '/auth/login', {
      form: { grant_type: 'password', username: 'MARKETING', password: '111', scope: '' },
    })
    expect(response.status).toBe(200)
    const info = await call(api, 'GET', '/auth/info', { token: tokenPair.parse(response.body).access_token })
    expect(authInfo.parse(info.body).user).toMatchObject({
      login: 'marketing',
      role: 'marketing',
      name: 'Маркетолог',
    })
  })

  it('refuses wrong credentials with 401, the FastAPI sentence and WWW-Authenticate', async () => {
    for (const body of [
      { username: 'admin', password: 'wrong' },
      { username: 'nobody', password: '111' },
    ]) {
      const response = await call(api, 'POST', '/auth/login', { json: body })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
      expect(messageOf(response)).toBe('Incorrect username or password')
    }
  })

  it('rejects JSON with OAuth2-only fields and missing fields with exact locs', async () => {
    const extra = await call(api, 'POST', '/auth/login', {
      json: { username: 'a', password: 'b', scope: 'x' },
    })
    expect(extra.status).toBe(422)
    expect(extra.body).toEqual({
      detail: [
        {
          loc: ['body', 'scope'],
          msg: 'Extra inputs are not permitted',
          type: 'extra_forbidden',
          code: 'extra_forbidden',
          params: {},
        },
      ],
    })
    const missing = await call(api, 'POST', '/auth/login', { json: { username: 'a' } })
    expect(missing.body).toEqual({
      detail: [
        { loc: ['body', 'password'], msg: 'Field required', type: 'missing', code: 'required', params: {} },
      ],
    })
  })

  it('throttles a username after 5 failures within a minute, with Retry-After, then lets it in again', async () => {
    for (let i = 0; i < 5; i++) {
      const failed = await call(api, 'POST', '/auth/login', {
        json: { username: 'Viewer', password: 'nope' },
      })
      expect(failed.status).toBe(401)
      clock += 1000
    }
    // Even the right password is refused while throttled, and the other users are not affected.
    const throttled = await call(api, 'POST', '/auth/login', {
      json: { username: 'viewer', password: '111' },
    })
    expect(throttled.status).toBe(429)
    const retryAfter = Number(throttled.headers.get('retry-after'))
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect(
      (await call(api, 'POST', '/auth/login', { json: { username: 'admin', password: '111' } })).status,
    ).toBe(200)
    clock += retryAfter * 1000
    await expect(login(api, 'viewer')).resolves.toMatchObject({ token_type: 'bearer' })
  })
})

describe('access tokens', () => {
  it('401 with WWW-Authenticate for a missing, malformed, forged or expired token', async () => {
    const pair = await login(api, 'admin')
    const [header, payload] = pair.access_token.split('.')
    const forged = `${header}.${payload}.${'A'.repeat(43)}`
    for (const token of [undefined, 'garbage', forged, `${header}.${payload}`]) {
      const response = await call(api, 'GET', '/auth/info', { token })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
    }
    expect(
      (await call(api, 'GET', '/auth/info', { headers: { authorization: 'Basic YWRtaW46MTEx' } })).status,
    ).toBe(401)
    expect((await call(api, 'GET', '/auth/info', { token: pair.access_token })).status).toBe(200)
    clock += 61_000
    const expired = await call(api, 'GET', '/auth/info', { token: pair.access_token })
    expect(expired.status).toBe(401)
    expect(expired.headers.get('www-authenticate')).toBe('Bearer')
  })

  it('accepts a token only in its one canonical spelling (no padding, no flipped unused bits)', async () => {
    const pair = await login(api, 'viewer')
    const spellings = otherSpellings(pair.access_token)
    expect(spellings.length).toBeGreaterThanOrEqual(6)
    for (const spelling of spellings) {
      const response = await call(api, 'GET', '/auth/info', { token: spelling })
      expect(response.status, spelling).toBe(401)
    }
    expect((await call(api, 'GET', '/auth/info', { token: pair.access_token })).status).toBe(200)
  })

  it('users/list is for admins only', async () => {
    const admin = await login(api, 'admin')
    const list = await call(api, 'GET', '/users/list', { token: admin.access_token })
    expect(list.status).toBe(200)
    expect(
      listOf(user)
        .parse(list.body)
        .items.map((u) => u.login),
    ).toEqual(['admin', 'marketing', 'viewer'])
    const filtered = await call(api, 'GET', '/users/list?q=НАБЛЮД', { token: admin.access_token })
    expect(listOf(user).parse(filtered.body)).toMatchObject({ total: 1, items: [{ login: 'viewer' }] })
    for (const name of ['marketing', 'viewer']) {
      const other = await login(api, name)
      expect((await call(api, 'GET', '/users/list', { token: other.access_token })).status).toBe(403)
    }
  })
})

describe('refresh and logout', () => {
  it('rotates: the new pair works, the old refresh token does not', async () => {
    const first = await login(api, 'admin')
    const refreshed = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: first.refresh_token },
    })
    expect(refreshed.status).toBe(200)
    const second = tokenPair.parse(refreshed.body)
    expect(second.refresh_token).not.toBe(first.refresh_token)
    expect((await call(api, 'GET', '/auth/info', { token: second.access_token })).status).toBe(200)
    const third = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: second.refresh_token },
    })
    expect(third.status).toBe(200)
  })

  it('reuse of a rotated refresh token revokes the whole login session', async () => {
    const first = await login(api, 'admin')
    const second = tokenPair.parse(
      (await call(api, 'POST', '/auth/refresh_token', { json: { refresh_token: first.refresh_token } })).body,
    )
    const reuse = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: first.refresh_token },
    })
    expect(reuse.status).toBe(401)
    expect(reuse.headers.get('www-authenticate')).toBe('Bearer')
    // Every token of the session is dead now: both access tokens and the newest refresh token.
    expect((await call(api, 'GET', '/auth/info', { token: first.access_token })).status).toBe(401)
    expect((await call(api, 'GET', '/auth/info', { token: second.access_token })).status).toBe(401)
    const newest = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: second.refresh_token },
    })
    expect(newest.status).toBe(401)
    // Another login session of the same user is untouched.
    const other = await login(api, 'admin')
    expect((await call(api, 'GET', '/auth/info', { token: other.access_token })).status).toBe(200)
  })

  it('refuses unknown and expired refresh tokens', async () => {
    const unknown = await call(api, 'POST', '/auth/refresh_token', { json: { refresh_token: 'nope' } })
    expect(unknown.status).toBe(401)
    const pair = await login(api, 'viewer')
    clock += 601_000
    const expired = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: pair.refresh_token },
    })
    expect(expired.status).toBe(401)
  })

  it('logout answers 204 and revokes both tokens of the session', async () => {
    const pair = await login(api, 'marketing')
    const out = await call(api, 'POST', '/auth/logout', {
      token: pair.access_token,
      json: { refresh_token: pair.refresh_token },
    })
    expect(out.status).toBe(204)
    expect(out.body).toBeNull()
    expect((await call(api, 'GET', '/auth/info', { token: pair.access_token })).status).toBe(401)
    const refresh = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: pair.refresh_token },
    })
    expect(refresh.status).toBe(401)
  })

  it('logout without a body ends the session of the access token; without a token it is 401', async () => {
    const pair = await login(api, 'viewer')
    expect((await call(api, 'POST', '/auth/logout', { token: pair.access_token })).status).toBe(204)
    const refresh = await call(api, 'POST', '/auth/refresh_token', {
      json: { refresh_token: pair.refresh_token },
    })
    expect(refresh.status).toBe(401)
    expect((await call(api, 'POST', '/auth/logout')).status).toBe(401)
  })
})

describe('health', () => {
  it('needs no token', async () => {
    const response = await call(api, 'GET', '/health')
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ status: 'ok' })
  })
})
