import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { otherSpellings } from '../tests/jwt-spellings'
import { signJwt, verifyJwt } from './jwt'

const secret = Buffer.from('0123456789abcdef0123456789abcdef')
const claims = { sub: '1', sid: 'session', iat: 1000, exp: 1900 }
const MAX_LIFETIME = 900
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
const hs256 = (body: string) => `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
const verify = (token: string, now = 1000) => verifyJwt(token, secret, now, MAX_LIFETIME)

describe('HS256 access tokens', () => {
  it('round-trips claims until exp (exclusive)', async () => {
    const token = await signJwt(claims, secret)
    expect(await verify(token, 1899)).toEqual(claims)
    expect(await verify(token, 1900)).toBeNull()
  })

  it('refuses another secret, a changed payload, alg none and other headers', async () => {
    const token = await signJwt(claims, secret)
    const [header, , signature] = token.split('.')
    expect(
      await verifyJwt(token, Buffer.from('another secret of 32 bytes......'), 1000, MAX_LIFETIME),
    ).toBeNull()
    expect(await verify(`${header}.${b64({ ...claims, sub: '2' })}.${signature}`)).toBeNull()
    expect(await verify(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`)).toBeNull()
    // Correctly signed, but with a header this server never writes.
    expect(await verify(hs256(`${b64({ typ: 'JWT', alg: 'HS256' })}.${b64(claims)}`))).toBeNull()
    expect(await verify(hs256(`${b64({ alg: 'HS512', typ: 'JWT' })}.${b64(claims)}`))).toBeNull()
  })

  it('refuses well-signed tokens whose claims are not ours', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' })
    for (const payload of [
      { sub: '1', iat: 1, exp: 2000 },
      { ...claims, exp: '2000' },
      { ...claims, role: 'admin' },
      'text',
      null,
    ]) {
      expect(await verify(hs256(`${header}.${b64(payload)}`))).toBeNull()
    }
    for (const garbage of ['', '.', 'a.b.c', 'a.b', '...', (await signJwt(claims, secret)) + 'x']) {
      expect(await verify(garbage)).toBeNull()
    }
  })

  it('accepts a token only in its one canonical compact spelling', async () => {
    const token = await signJwt(claims, secret)
    const spellings = otherSpellings(token)
    // Padding on each segment, flipped unused bits in the payload's and the signature's last character.
    expect(spellings.length).toBeGreaterThanOrEqual(6)
    for (const spelling of spellings) expect(await verify(spelling), spelling).toBeNull()
    expect(await verify(token)).toEqual(claims)
  })

  it('refuses a token living longer than the server issues, or issued in the future', async () => {
    const header = b64({ alg: 'HS256', typ: 'JWT' })
    const yearLong = hs256(`${header}.${b64({ ...claims, exp: claims.iat + 365 * 24 * 3600 })}`)
    expect(await verify(yearLong)).toBeNull()
    const longest = hs256(`${header}.${b64({ ...claims, exp: claims.iat + MAX_LIFETIME })}`)
    expect(await verify(longest)).toEqual({ ...claims, exp: claims.iat + MAX_LIFETIME })
    const future = hs256(`${header}.${b64({ ...claims, iat: 2000, exp: 2100 })}`)
    expect(await verify(future, 1000)).toBeNull()
  })
})
