import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  contentSecurityPolicy,
  isClientRoute,
  isSafeExternalUrl,
  isTrustedRendererUrl,
  isTrustedSender,
  mimeTypeFor,
  originOf,
  resolveStaticPath,
  trustedRendererOrigins,
} from './security'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://probonus.example/docs',
    'http://probonus.example:8080/path?q=1#frag',
    'https://xn--80ak6aa92e.xn--p1ai/',
    'HTTPS://Probonus.Example/',
    'http://evil.example/?next=app://x',
  ])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    ['credentials', 'http://user:pass@host.example/'],
    ['a user name only', 'https://user@host.example/'],
    ['a credential hiding the real host', 'https://probonus.example@evil.example/'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: with odd case', 'JaVaScRiPt:alert(1)'],
    ['file:', 'file:///etc/passwd'],
    ['the app scheme', 'app://renderer/index.html'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a custom protocol handler', 'ms-settings:privacy'],
    ['smb:', 'smb://server/share'],
    ['a relative URL', '/relative/path'],
    ['a scheme-relative URL', '//evil.example/'],
    ['backslashes the parser repairs', 'http:\\\\evil.example\\'],
    ['a single slash the parser repairs', 'http:/evil.example/'],
    ['a leading space', ' https://probonus.example/'],
    ['an embedded newline', 'https://probonus.example/\nfoo'],
    ['an embedded tab', 'java\tscript:alert(1)'],
    ['a NUL', 'https://probonus.example/\u0000'],
    ['no host', 'http://'],
    ['a very long URL', `https://probonus.example/${'a'.repeat(3000)}`],
    ['an empty string', ''],
  ])('rejects %s', (_why, url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })

  it.each([undefined, null, 42, {}, ['https://probonus.example/']])('rejects a non-string %j', (value) => {
    expect(isSafeExternalUrl(value)).toBe(false)
  })
})

describe('originOf and the trusted renderer origins', () => {
  it('builds the origin of the app scheme by hand', () => {
    expect(originOf(APP_ENTRY_URL)).toBe(APP_ORIGIN)
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173')
    expect(originOf('file:///tmp/index.html')).toBeNull()
    expect(originOf('http://user:pass@localhost:5173/')).toBeNull()
  })

  it('trusts the app scheme and the dev server only', () => {
    const origins = trustedRendererOrigins('http://localhost:5173/')
    expect(origins).toEqual([APP_ORIGIN, 'http://localhost:5173'])
    expect(isTrustedRendererUrl('app://renderer/index.html#/ladders', origins)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5173/ladders', origins)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', origins)).toBe(false)
    expect(isTrustedRendererUrl('app://other/index.html', origins)).toBe(false)
    expect(isTrustedRendererUrl('http://evil.example/?next=app://renderer/', origins)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173@evil.example/', origins)).toBe(false)
    expect(trustedRendererOrigins(undefined)).toEqual([APP_ORIGIN])
    expect(trustedRendererOrigins('javascript:alert(1)')).toEqual([APP_ORIGIN])
  })
})

describe('isTrustedSender', () => {
  const expected = { webContentsId: 7, trustedOrigins: [APP_ORIGIN] }
  const topFrame = { url: 'app://renderer/index.html', parent: null }

  it('accepts the top frame of our window showing our renderer', () => {
    expect(isTrustedSender({ senderId: 7, frame: topFrame }, expected)).toBe(true)
  })

  it('rejects another window, a subframe, a foreign page and a missing frame', () => {
    expect(isTrustedSender({ senderId: 8, frame: topFrame }, expected)).toBe(false)
    expect(isTrustedSender({ senderId: 7, frame: { ...topFrame, parent: topFrame } }, expected)).toBe(false)
    expect(
      isTrustedSender({ senderId: 7, frame: { url: 'https://evil.example/', parent: null } }, expected),
    ).toBe(false)
    expect(
      isTrustedSender({ senderId: 7, frame: { url: 'file:///index.html', parent: null } }, expected),
    ).toBe(false)
    expect(isTrustedSender({ senderId: 7, frame: null }, expected)).toBe(false)
    expect(isTrustedSender({ senderId: 7, frame: undefined }, expected)).toBe(false)
    expect(isTrustedSender({ senderId: 7, frame: topFrame }, { ...expected, webContentsId: null })).toBe(
      false,
    )
  })
})

describe('contentSecurityPolicy', () => {
  const directives = new Map(
    contentSecurityPolicy()
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values] as const),
  )

  it("allows scripts from 'self' only", () => {
    expect(directives.get('script-src')).toEqual(["'self'"])
    expect(directives.get('default-src')).toEqual(["'self'"])
  })

  it('forbids plugins, framing, form posts and base rewrites', () => {
    expect(directives.get('object-src')).toEqual(["'none'"])
    expect(directives.get('frame-ancestors')).toEqual(["'none'"])
    expect(directives.get('form-action')).toEqual(["'none'"])
    expect(directives.get('base-uri')).toEqual(["'none'"])
  })

  it("is the same policy as the renderer's index.html meta (which cannot carry frame-ancestors)", () => {
    const html = readFileSync(resolve(import.meta.dirname, '../../renderer/index.html'), 'utf8')
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]
    const withoutFrameAncestors = contentSecurityPolicy()
      .split('; ')
      .filter((directive) => !directive.startsWith('frame-ancestors'))
      .join('; ')
    expect(meta).toBe(withoutFrameAncestors)
  })

  it('never allows eval or inline scripts', () => {
    for (const values of directives.values()) {
      expect(values).not.toContain("'unsafe-eval'")
      expect(values).not.toContain('*')
    }
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'")
  })
})

describe('resolveStaticPath', () => {
  const root = resolve('/srv/app/out/renderer')

  it('maps request paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'))
    expect(resolveStaticPath(root, '/index.html')).toBe(join(root, 'index.html'))
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'))
    expect(resolveStaticPath(root, '/assets/%D1%88%D1%80%D0%B8%D1%84%D1%82.woff2')).toBe(
      join(root, 'assets', 'шрифт.woff2'),
    )
  })

  it.each([
    '/../main/index.js',
    '/assets/../../main/index.js',
    '/%2e%2e/main/index.js',
    '/%2e%2e%2fmain/index.js',
    '/assets/%2e%2e/%2e%2e/preload/index.cjs',
    '/..%5cmain%5cindex.js',
    '/assets\\..\\..\\main',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/..',
    '//etc/passwd/../../..',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull()
  })

  it('keeps an absolute-looking path inside the root', () => {
    expect(resolveStaticPath(root, '//etc/passwd')).toBe(join(root, 'etc', 'passwd'))
  })
})

describe('MIME types and client routes', () => {
  it('gives the types a browser needs to run the renderer', () => {
    expect(mimeTypeFor('/x/index.html')).toBe('text/html; charset=utf-8')
    expect(mimeTypeFor('/x/assets/index-1.JS')).toBe('text/javascript; charset=utf-8')
    expect(mimeTypeFor('/x/assets/index-1.css')).toBe('text/css; charset=utf-8')
    expect(mimeTypeFor('/x/icon.svg')).toBe('image/svg+xml')
    expect(mimeTypeFor('/x/font.woff2')).toBe('font/woff2')
    expect(mimeTypeFor('/x/blob.bin')).toBe('application/octet-stream')
  })

  it('treats extension-less paths as routes', () => {
    expect(isClientRoute('/ladders/12')).toBe(true)
    expect(isClientRoute('/assets/app.js')).toBe(false)
  })
})
