// Flags of the sandbox command, parsed and checked without side effects beyond creating the database directory.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { SEED_KINDS, type SeedKind } from './seed'

export const USAGE =
  'usage: npm run server -- [--host 127.0.0.1] [--port 8777] [--db ./data/sandbox.db] ' +
  `[--seed ${SEED_KINDS.join('|')}] [--access-token-ttl SECONDS] [--refresh-token-ttl SECONDS] ` +
  '[--session-ttl SECONDS]'

/** Exit code of a usage problem (bad flag, unusable database path). */
export const EXIT_USAGE = 2

export class UsageError extends Error {}

export interface CliOptions {
  host: string
  port: number
  dbPath: string
  seed: SeedKind
  accessTokenTtlSeconds?: number
  refreshTokenTtlSeconds?: number
  sessionTtlSeconds?: number
}

export function parseCli(argv: string[]): CliOptions | 'help' {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '8777' },
        db: { type: 'string', default: './data/sandbox.db' },
        seed: { type: 'string', default: 'demo' },
        'access-token-ttl': { type: 'string' },
        'refresh-token-ttl': { type: 'string' },
        'session-ttl': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }))
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error))
  }
  if (values.help) return 'help'
  if (!values.host.trim()) throw new UsageError('--host must not be empty')
  const seed = values.seed
  if (!isSeedKind(seed)) throw new UsageError(`--seed must be one of ${SEED_KINDS.join(', ')}, not "${seed}"`)
  if (!values.db.trim()) throw new UsageError('--db must not be empty')
  return {
    host: values.host,
    port: integerFlag('--port', values.port, 0, 65_535),
    dbPath: resolve(values.db),
    seed,
    accessTokenTtlSeconds: optionalInteger('--access-token-ttl', values['access-token-ttl']),
    refreshTokenTtlSeconds: optionalInteger('--refresh-token-ttl', values['refresh-token-ttl']),
    sessionTtlSeconds: optionalInteger('--session-ttl', values['session-ttl']),
  }
}

const isSeedKind = (value: string): value is SeedKind => (SEED_KINDS as readonly string[]).includes(value)

function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not "${text}"`)
  }
  return value
}

const optionalInteger = (flag: string, text: string | undefined): number | undefined =>
  text === undefined ? undefined : integerFlag(flag, text, 1, 10 * 365 * 24 * 60 * 60)

/**
 * Creates the database's directory (and missing parents, each readable by the owner only: the database holds the
 * JWT signing secret) and checks it can be written, or throws a UsageError saying why not. Parents are created
 * one by one: a recursive mkdir under /proc never returns on Node 20.
 */
export function ensureWritableDbPath(dbPath: string): void {
  const dir = dirname(dbPath)
  try {
    const missing: string[] = []
    let existing = dir
    while (!existsSync(existing)) {
      missing.unshift(existing)
      const parent = dirname(existing)
      if (parent === existing) break
      existing = parent
    }
    if (!statSync(existing).isDirectory())
      throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' })
    for (const path of missing) mkdirSync(path, { mode: 0o700 })
    accessSync(dir, constants.W_OK)
    if (existsSync(dbPath)) accessSync(dbPath, constants.R_OK | constants.W_OK)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new UsageError(`cannot write the database at ${dbPath} (${reason})`)
  }
}
