import { describe, expect, it } from 'vitest'
import { sendsInClear } from './server-url'

describe('sendsInClear', () => {
  it('flags plain http to another computer', () => {
    for (const url of [
      'http://192.168.1.10:8777',
      'http://probonus.example',
      'http://10.0.0.1',
      'http://127.0.0.1.evil.example',
      'http://localhost.evil.example:8777',
      'http://[::ffff:7f00:1]',
      'http://0.0.0.0:8777',
    ]) {
      expect(sendsInClear(url), url).toBe(true)
    }
  })

  it('accepts https anywhere and http on this computer', () => {
    for (const url of [
      'https://probonus.example',
      'http://127.0.0.1:8777',
      'http://127.8.9.10',
      'http://localhost:8777',
      'http://app.localhost',
      'http://[::1]:8777',
      'not a url',
    ]) {
      expect(sendsInClear(url), url).toBe(false)
    }
  })
})
