import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAppRequestHandler } from './app-protocol'

describe('the app:// request handler', () => {
  let base = ''
  let handle: (request: Request) => Promise<Response>

  beforeAll(async () => {
    base = await mkdtemp(join(tmpdir(), 'app-protocol-'))
    const renderer = join(base, 'renderer')
    await mkdir(join(renderer, 'assets'), { recursive: true })
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>ProBonus Admin</title>')
    await writeFile(join(renderer, 'assets', 'index-1.js'), 'console.log(1)')
    await writeFile(join(renderer, 'assets', 'index-1.css'), 'body{}')
    await writeFile(join(base, 'secret.txt'), 'outside the renderer')
    handle = createAppRequestHandler(renderer)
  })

  afterAll(async () => {
    await rm(base, { recursive: true, force: true })
  })

  it('serves the renderer files with their types and the CSP header', async () => {
    const index = await handle(new Request('app://renderer/index.html'))
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(await index.text()).toContain('ProBonus Admin')
    const script = await handle(new Request('app://renderer/assets/index-1.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('x-content-type-options')).toBe('nosniff')
    const style = await handle(new Request('app://renderer/assets/index-1.css'))
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('answers client routes with index.html and missing files with 404', async () => {
    const route = await handle(new Request('app://renderer/ladders/12'))
    expect(route.status).toBe(200)
    expect(await route.text()).toContain('ProBonus Admin')
    expect((await handle(new Request('app://renderer/assets/missing.js'))).status).toBe(404)
  })

  it('never leaves the renderer directory', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
    ]) {
      const response = await handle(new Request(`app://renderer${path}`))
      expect(response.status, path).not.toBe(200)
      expect(await response.text(), path).not.toContain('outside the renderer')
    }
  })

  it('refuses other hosts and methods', async () => {
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404)
    expect(
      (await handle(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status,
    ).toBe(405)
  })
})
