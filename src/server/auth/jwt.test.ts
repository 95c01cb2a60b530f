import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signJwt, verifyJwt } from './jwt'

const secret = Buffer.from('0123456789abcdef0123456789abcdef')
const claims = { sub: '1', sid: 'session', iat: 1000, exp: 1900 }
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('HS256 access tokens', () => {
  it('round-trips claims until exp (exclusive)', () => {
    const token = signJwt(claims, secret)
    expect(verifyJwt(token, secret, 1899)).toEqual(claims)
    expect(verifyJwt(token, secret, 1900)).toBeNull()
  })

  it('refuses another secret, a changed payload, alg none and other headers', () => {
    const token = signJwt(claims, secret)
    const [header, , signature] = token.split('.')
    expect(verifyJwt(token, Buffer.from('another secret of 32 bytes......'), 1000)).toBeNull()
    expect(verifyJwt(`${header}.${b64({ ...claims, sub: '2' })}.${signature}`, secret, 1000)).toBeNull()
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims)}.`
    expect(verifyJwt(none, secret, 1000)).toBeNull()
    // Correctly signed, but with a header this server never writes.
    const body = `${b64({ typ: 'JWT', alg: 'HS256' })}.${b64(claims)}`
    const signed = `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
    expect(verifyJwt(signed, secret, 1000)).toBeNull()
  })

  it('refuses well-signed tokens whose claims are not ours', () => {
    for (const payload of [{ sub: '1', iat: 1, exp: 2000 }, { ...claims, exp: '2000' }, 'text', null]) {
      const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`
      const token = `${body}.${createHmac('sha256', secret).update(body).digest('base64url')}`
      expect(verifyJwt(token, secret, 1000)).toBeNull()
    }
    for (const garbage of ['', '.', 'a.b.c', 'a.b', '...', signJwt(claims, secret) + 'x']) {
      expect(verifyJwt(garbage, secret, 1000)).toBeNull()
    }
  })
})
