import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ensureWritableDbPath, parseCli, UsageError } from '../cli-args'

// The command as users run it (`npm run server -- …` is `tsx src/server/cli.ts …`). Each start costs tsx a few
// seconds on this machine, so the flag rules are checked in-process and only a few real starts are spawned.
const CLI = join(import.meta.dirname, '..', 'cli.ts')
const dir = mkdtempSync(join(tmpdir(), 'probonus-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function start(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
}

async function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = start(args)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  return { code, stdout, stderr }
}

/** Resolves with the first stdout line once the server prints it. */
function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const end = text.indexOf('\n')
      if (end >= 0) resolve(text.slice(0, end))
    })
    child.on('exit', (code) => reject(new Error(`exited ${code} before printing`)))
  })
}

describe('flags', () => {
  it('defaults: 127.0.0.1, 8777, ./data/sandbox.db, demo seed', () => {
    expect(parseCli([])).toMatchObject({ host: '127.0.0.1', port: 8777, seed: 'demo' })
    expect(parseCli([])).toHaveProperty('dbPath', join(process.cwd(), 'data', 'sandbox.db'))
    expect(
      parseCli(['--port', '0', '--seed', 'none', '--access-token-ttl', '60', '--session-ttl', '3600']),
    ).toMatchObject({
      port: 0,
      seed: 'none',
      accessTokenTtlSeconds: 60,
      sessionTtlSeconds: 3600,
    })
  })

  it.each([
    [['--bogus'], /--bogus/],
    [['--port', 'eighty'], /--port/],
    [['--port', '70000'], /--port/],
    [['--port', '-1'], /--port/],
    [['--seed', 'everything'], /--seed/],
    [['--host', ''], /--host/],
    [['--refresh-token-ttl', '0'], /--refresh-token-ttl/],
    [['--session-ttl', '1e3'], /--session-ttl/],
    [['positional'], /positional/],
  ])('%j is a usage error naming the flag', (args, message) => {
    expect(() => parseCli(args)).toThrow(UsageError)
    expect(() => parseCli(args)).toThrow(message)
  })

  it.each(['/proc/probonus/sandbox.db', '/etc/hostname/sandbox.db'])(
    'an unwritable database path %s is a usage error',
    (path) => {
      expect(() => ensureWritableDbPath(path)).toThrow(/cannot write the database/)
    },
  )

  it('creates missing directories of the database path', () => {
    const path = join(dir, 'a', 'b', 'sandbox.db')
    ensureWritableDbPath(path)
    expect(existsSync(join(dir, 'a', 'b'))).toBe(true)
  })

  it.skipIf(process.platform === 'win32')('creates them readable by the owner only (0700)', () => {
    ensureWritableDbPath(join(dir, 'private', 'data', 'sandbox.db'))
    for (const created of [join(dir, 'private'), join(dir, 'private', 'data')]) {
      expect((statSync(created).mode & 0o777).toString(8)).toBe('700')
    }
  })
})

describe('the command', () => {
  it('a bad flag or an unwritable database: one clear line on stderr and exit code 2', async () => {
    const results = await Promise.all([
      run(['--bogus']),
      run(['--port', '0', '--db', '/proc/probonus/sandbox.db']),
      // Writable to root as far as access() can tell, but not a database SQLite can open.
      run(['--port', '0', '--db', '/proc/version']),
    ])
    for (const { code, stdout, stderr } of results) {
      expect(code).toBe(2)
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n')).toHaveLength(1)
    }
    expect(results[0]?.stderr).toMatch(/--bogus/)
    expect(results[1]?.stderr).toMatch(/cannot write the database at \/proc\/probonus\/sandbox\.db/)
    expect(results[2]?.stderr).toMatch(/cannot open the database at \/proc\/version/)
  })

  it('--port 0: prints the free port once it accepts requests; SIGTERM and SIGINT close cleanly', async () => {
    await Promise.all(
      (['SIGTERM', 'SIGINT'] as const).map(async (signal) => {
        const dbPath = join(dir, `nested-${signal}`, 'sandbox.db')
        const child = start(['--host', '127.0.0.1', '--port', '0', '--db', dbPath, '--seed', 'none'])
        const line = await firstLine(child)
        const match = /^ProBonus sandbox listening on (http:\/\/127\.0\.0\.1:(\d+))$/.exec(line)
        expect(match, line).not.toBeNull()
        expect(Number(match?.[2])).toBeGreaterThan(0)
        const health = await fetch(`${match?.[1]}/api/v0/health`)
        expect(health.status).toBe(200)
        const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
        child.kill(signal)
        expect(await exited).toBe(0)
        expect(existsSync(dbPath)).toBe(true)
      }),
    )
  })
})
