import { createHmac } from 'node:crypto'
import { statSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tokenPair } from '@shared/api'
import { startSandbox, type Sandbox } from '../testing'
import { call, login, startTestServer } from '../test-support'
import { openSandboxDb } from './direct-db'

// Secrets on disk and what they are worth: the database holds the JWT signing secret, so it is the owner's
// alone; a token minted with that secret still cannot outlive what the server issues; refreshing cannot make a
// login session last forever.

describe('the database file', () => {
  let sandbox: Sandbox
  beforeAll(async () => {
    sandbox = await startSandbox({ seed: 'demo' })
  })
  afterAll(() => sandbox.dispose())

  it.skipIf(process.platform === 'win32')(
    'is created readable by its owner only (0600), its WAL too',
    async () => {
      await login(sandbox.apiUrl, 'admin')
      for (const path of [sandbox.dbPath, `${sandbox.dbPath}-wal`]) {
        expect((statSync(path).mode & 0o777).toString(8), path).toBe('600')
      }
    },
  )

  it('a token minted with the secret from a copy of it: refused when it lives longer than the server issues', async () => {
    const pair = await login(sandbox.apiUrl, 'admin')
    const { db } = openSandboxDb(sandbox.dbPath)
    let secret: Buffer
    let sid: string
    try {
      const row = db.prepare("SELECT value FROM settings WHERE key = 'jwt_secret'").get() as { value: string }
      secret = Buffer.from(row.value, 'base64url')
      const session = db
        .prepare('SELECT id FROM login_sessions WHERE revoked_at IS NULL ORDER BY created_at DESC LIMIT 1')
        .get() as { id: string }
      sid = session.id
    } finally {
      db.close()
    }
    const [header] = pair.access_token.split('.')
    const mint = (lifetimeSeconds: number) => {
      const iat = Math.floor(Date.now() / 1000) - 5
      const payload = { sid, sub: '1', iat, exp: iat + lifetimeSeconds }
      const body = `${header}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`
      return `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
    }
    const yearLong = await call(sandbox.apiUrl, 'GET', '/users/list', { token: mint(365 * 24 * 3600) })
    expect(yearLong.status).toBe(401)
    expect(yearLong.headers.get('www-authenticate')).toBe('Bearer')
    // The control: the same token with the lifetime the server issues (15 minutes) is taken.
    expect((await call(sandbox.apiUrl, 'GET', '/users/list', { token: mint(15 * 60) })).status).toBe(200)
  })
})

describe('login sessions', () => {
  let clock = Date.parse('2025-03-01T10:00:00Z')
  let server: Awaited<ReturnType<typeof startTestServer>>
  beforeAll(async () => {
    server = await startTestServer({
      now: () => clock,
      accessTokenTtlSeconds: 60,
      refreshTokenTtlSeconds: 600,
      sessionTtlSeconds: 3600,
    })
  })
  afterAll(() => server.close())

  const refresh = (refreshToken: string) =>
    call(server.apiUrl, 'POST', '/auth/refresh_token', { json: { refresh_token: refreshToken } })

  it('end at their absolute lifetime from login, however often the refresh token is rotated', async () => {
    const loggedInAt = clock
    let pair = await login(server.apiUrl, 'viewer')
    const at = (seconds: number) => (clock = loggedInAt + seconds * 1000)
    for (let step = 1; step <= 6; step++) {
      at(step * 550)
      const response = await refresh(pair.refresh_token)
      expect(response.status, `refresh at ${step * 550} s`).toBe(200)
      pair = tokenPair.parse(response.body)
      expect(pair.expires_in).toBe(60)
    }
    // Near the end the new tokens live only until the session ends.
    at(3570)
    const last = await refresh(pair.refresh_token)
    expect(last.status).toBe(200)
    pair = tokenPair.parse(last.body)
    expect(pair.expires_in).toBe(30)
    at(3599)
    expect((await call(server.apiUrl, 'GET', '/auth/info', { token: pair.access_token })).status).toBe(200)
    at(3600)
    expect((await call(server.apiUrl, 'GET', '/auth/info', { token: pair.access_token })).status).toBe(401)
    const ended = await refresh(pair.refresh_token)
    expect(ended.status).toBe(401)
    expect(ended.headers.get('www-authenticate')).toBe('Bearer')
    // A new login starts a new session.
    expect((await login(server.apiUrl, 'viewer')).token_type).toBe('bearer')
  })
})
