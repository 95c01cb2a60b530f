import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, messageOf, startTestServer } from '../test-support'

// The login throttle under attack: concurrent guesses, a guesser keeping a login locked, password spraying.
// A movable clock instead of waiting; client addresses other than 127.0.0.1 through Fastify's inject.
let clock = Date.parse('2025-03-01T10:00:00Z')
let server: Awaited<ReturnType<typeof startTestServer>>

beforeAll(async () => {
  server = await startTestServer({ now: () => clock })
})
afterAll(() => server.close())

interface Outcome {
  status: number
  retryAfter: number | null
  detail: string
}

async function loginFrom(address: string, username: string, password: string): Promise<Outcome> {
  const response = await server.app.inject({
    method: 'POST',
    url: '/api/v0/auth/login',
    payload: { username, password },
    remoteAddress: address,
  })
  const retryAfter = response.headers['retry-after']
  const body: unknown = response.json()
  const detail = typeof body === 'object' && body && 'detail' in body ? String(body.detail) : ''
  return {
    status: response.statusCode,
    retryAfter: retryAfter === undefined ? null : Number(retryAfter),
    detail,
  }
}

const minutes = (n: number) => n * 60_000

describe('login throttling', () => {
  it('counts attempts as they start: 100 concurrent guesses get at most 5 password checks', async () => {
    const guesses = Array.from({ length: 99 }, (_, i) => `guess-${i}`)
    // The right password last: before the fix it was checked like the rest and answered 200.
    const responses = await Promise.all(
      [...guesses, '111'].map((password) =>
        call(server.apiUrl, 'POST', '/auth/login', { json: { username: 'viewer', password } }),
      ),
    )
    const statuses = responses.map((response) => response.status)
    const checked = statuses.filter((status) => status === 401).length
    expect(checked).toBeGreaterThanOrEqual(1)
    expect(checked).toBeLessThanOrEqual(5)
    expect(statuses.filter((status) => status === 429).length).toBe(100 - checked)
    const right = responses.at(-1)!
    expect(right.status).toBe(429)
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(messageOf(right)).toMatch(/for this user/)
    clock += minutes(61)
  })

  it("a guesser cannot keep a login's owner out; the lock grows, capped, and is forgotten after an hour", async () => {
    const owner = '10.0.0.7'
    const guesser = '10.0.0.66'
    expect((await loginFrom(owner, 'marketing', '111')).status).toBe(200)

    for (let i = 0; i < 5; i++) expect((await loginFrom(guesser, 'marketing', `x${i}`)).status).toBe(401)
    const locked = await loginFrom(guesser, 'marketing', '111')
    expect(locked).toMatchObject({ status: 429, retryAfter: 60 })
    // The owner's address has logged in to this login before and has not been failing: not held by the lock.
    expect((await loginFrom(owner, 'marketing', '111')).status).toBe(200)
    // An address that never logged in to it waits like the guesser.
    expect((await loginFrom('10.0.0.8', 'marketing', '111')).status).toBe(429)

    // After each lock one attempt; each failure doubles the lock, up to 15 minutes.
    const locks: number[] = []
    for (let round = 0; round < 6; round++) {
      clock += locked.retryAfter! * 1000 * 2 ** round
      expect((await loginFrom(guesser, 'marketing', `y${round}`)).status).toBe(401)
      const next = await loginFrom(guesser, 'marketing', `z${round}`)
      expect(next.status).toBe(429)
      locks.push(next.retryAfter!)
      expect((await loginFrom(owner, 'marketing', '111')).status).toBe(200)
    }
    expect(locks).toEqual([120, 240, 480, 900, 900, 900])

    // An hour without a failure: the login starts afresh (5 attempts, then a 60 s lock).
    clock += minutes(61)
    for (let i = 0; i < 5; i++) expect((await loginFrom(guesser, 'marketing', `w${i}`)).status).toBe(401)
    expect(await loginFrom(guesser, 'marketing', 'w5')).toMatchObject({ status: 429, retryAfter: 60 })
    clock += minutes(61)
  })

  it('a trusted address is still held by its own failures', async () => {
    const owner = '10.0.1.7'
    expect((await loginFrom(owner, 'admin', '111')).status).toBe(200)
    for (let i = 0; i < 5; i++) expect((await loginFrom(owner, 'admin', `typo${i}`)).status).toBe(401)
    expect(await loginFrom(owner, 'admin', '111')).toMatchObject({ status: 429, retryAfter: 60 })
    clock += minutes(1)
    expect((await loginFrom(owner, 'admin', '111')).status).toBe(200)
    clock += minutes(61)
  })

  it('password spraying: 20 failures from one address lock that address for every login, not others', async () => {
    const sprayer = '10.0.2.66'
    for (let i = 0; i < 20; i++) expect((await loginFrom(sprayer, `user-${i}`, '111')).status).toBe(401)
    const refused = await loginFrom(sprayer, 'admin', '111')
    expect(refused).toMatchObject({ status: 429, retryAfter: 60 })
    expect(refused.detail).toMatch(/from this address/)
    expect((await loginFrom('10.0.2.67', 'admin', '111')).status).toBe(200)
    // The same client written IPv4-mapped is the same client.
    expect((await loginFrom(`::ffff:${sprayer}`, 'admin', '111')).status).toBe(429)
    clock += minutes(1)
    expect((await loginFrom(sprayer, 'admin', '111')).status).toBe(200)
  })

  it('an IPv6 client counts by its /64: a new address for each guess does not escape', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await loginFrom(`2001:db8:5:0:${(i + 1).toString(16)}::1`, `user-${i}`, '111')).status).toBe(
        401,
      )
    }
    expect((await loginFrom('2001:db8:5::abcd', 'admin', '111')).status).toBe(429)
    expect((await loginFrom('2001:db8:6::1', 'admin', '111')).status).toBe(200)
    clock += minutes(1)
  })
})
