// The sandbox ProBonus server as a command:
//   npm run server -- --host 127.0.0.1 --port 8777 --db ./data/sandbox.db [--seed demo|none]
import { accessSync, constants, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { buildServer } from './app'
import type { ZodApp } from './http'
import { SEED_KINDS, type SeedKind } from './seed'

const USAGE =
  'usage: npm run server -- [--host 127.0.0.1] [--port 8777] [--db ./data/sandbox.db] ' +
  `[--seed ${SEED_KINDS.join('|')}] [--access-token-ttl SECONDS] [--refresh-token-ttl SECONDS]`

/** Exit code of a usage problem (bad flag, unusable database path). */
const EXIT_USAGE = 2

class UsageError extends Error {}

interface CliOptions {
  host: string
  port: number
  dbPath: string
  seed: SeedKind
  accessTokenTtlSeconds?: number
  refreshTokenTtlSeconds?: number
}

function parseCli(argv: string[]): CliOptions | 'help' {
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

/** Creates the database's directory and checks it can be written, or throws a UsageError saying why not. */
function ensureWritableDbPath(dbPath: string): void {
  const dir = dirname(dbPath)
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.W_OK)
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error)
    throw new UsageError(`cannot write the database at ${dbPath} (${reason})`)
  }
}

function displayUrl(address: AddressInfo, host: string): string {
  const shown = host.includes(':') ? `[${host}]` : host
  return `http://${shown}:${address.port}`
}

async function main(): Promise<void> {
  let options: CliOptions | 'help'
  try {
    options = parseCli(process.argv.slice(2))
    if (options !== 'help') ensureWritableDbPath(options.dbPath)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`probonus sandbox: ${error.message}\n${USAGE}\n`)
    process.exit(EXIT_USAGE)
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }

  let app: ZodApp
  try {
    app = await buildServer({
      dbPath: options.dbPath,
      seed: options.seed,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
    })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`probonus sandbox: cannot open the database at ${options.dbPath}: ${reason}\n`)
    process.exit(EXIT_USAGE)
  }

  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`probonus sandbox: error while closing on ${signal}: ${String(error)}\n`)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', () => shutdown('SIGINT'))
  process.on('SIGTERM', () => shutdown('SIGTERM'))

  try {
    await app.listen({ host: options.host, port: options.port })
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    process.stderr.write(`probonus sandbox: cannot listen on ${options.host}:${options.port}: ${reason}\n`)
    await app.close()
    process.exit(1)
  }
  process.stdout.write(
    `ProBonus sandbox listening on ${displayUrl(app.server.address() as AddressInfo, options.host)}\n`,
  )
}

main().catch((error: unknown) => {
  process.stderr.write(`probonus sandbox: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
