// `npm start`'s sandbox: the data dir is this user's only, a server that merely answers on the sandbox's port
// (here one that even says `status: ok`) is never used — so it never receives the admin's login — and the sandbox
// we started ourselves is reused by the next start, which prints the database it really uses.
import { mkdtemp, readFile, rm, stat, mkdir, chmod, writeFile } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { stopChild, type Child } from '../../scripts/launch/children'
import { prepareDataDir } from '../../scripts/launch/environment'
import { LAUNCH_RECORD_FILE, startSandboxServer } from '../../scripts/launch/sandbox'

let base = ''
const children: Child[] = []

interface Seen {
  method: string
  url: string
  body: string
}

/** A server that pretends to be a sandbox: health says ok, everything else 200; it records all it gets. */
async function fakeSandbox(): Promise<{ server: Server; url: string; port: number; seen: Seen[] }> {
  const seen: Seen[] = []
  const server = createServer((request: IncomingMessage, response) => {
    let body = ''
    request.on('data', (chunk: Buffer) => (body += chunk.toString()))
    request.on('end', () => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', body })
      response.writeHead(200, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ status: 'ok', proof: 'trust me', access_token: 'x' }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return { server, url: `http://127.0.0.1:${port}`, port, seen }
}

async function login(url: string): Promise<number> {
  const response = await fetch(`${url}/api/v0/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'username=admin&password=111',
  })
  return response.status
}

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'probonus-launch-'))
})

afterAll(async () => {
  await Promise.all(children.map((child) => stopChild(child)))
  await rm(base, { recursive: true, force: true })
})

describe('the data dir', () => {
  it.skipIf(process.platform === 'win32')(
    'is created 0700, and an existing readable one is closed',
    async () => {
      const fresh = join(base, 'fresh', 'probonus-admin')
      prepareDataDir(fresh)
      expect((await stat(fresh)).mode & 0o777).toBe(0o700)
      const old = join(base, 'old')
      await mkdir(old, { mode: 0o755 })
      await chmod(old, 0o755)
      prepareDataDir(old)
      expect((await stat(old)).mode & 0o777).toBe(0o700)
    },
  )
})

describe('npm start and a server already on the sandbox port', () => {
  it(
    'starts its own sandbox instead of trusting whatever answers; the next start reuses ours',
    { timeout: 90_000 },
    async () => {
      const dataDir = join(base, 'data')
      prepareDataDir(dataDir)
      const fake = await fakeSandbox()
      const notes: string[] = []
      try {
        // A record of an earlier sandbox whose port the fake took over since.
        await writeFile(
          join(dataDir, LAUNCH_RECORD_FILE),
          JSON.stringify({ url: fake.url, dbPath: join(dataDir, 'old.db'), token: 'x'.repeat(43) }),
        )
        const dbPath = join(dataDir, 'sandbox.db')
        const ours = await startSandboxServer({
          dataDir,
          dbPath,
          port: fake.port,
          note: (l) => notes.push(l),
        })
        if (ours.child) children.push(ours.child)
        expect(ours.child).not.toBeNull()
        expect(ours.url).not.toBe(fake.url)
        expect(ours.dbPath).toBe(dbPath)
        expect(await login(ours.url)).toBe(200)
        // The fake was asked to prove itself and failed; it got nothing else: no login, no body at all.
        expect(
          fake.seen.every((r) => r.method === 'GET' && r.body === '' && !/password|admin/.test(r.url)),
        ).toBe(true)
        const record = await stat(join(dataDir, LAUNCH_RECORD_FILE))
        if (process.platform !== 'win32') expect(record.mode & 0o777).toBe(0o600)
        expect(await readFile(join(dataDir, LAUNCH_RECORD_FILE), 'utf8')).toContain(ours.url)

        // The next start finds our sandbox by its proof and reports the database it really uses.
        const again = await startSandboxServer({
          dataDir,
          dbPath: join(dataDir, 'elsewhere.db'),
          port: fake.port,
          note: (l) => notes.push(l),
        })
        expect(again).toEqual({ url: ours.url, dbPath, child: null })
        expect(fake.seen.length).toBeLessThanOrEqual(1)
      } finally {
        await new Promise<void>((resolve) => fake.server.close(() => resolve()))
      }
    },
  )
})
