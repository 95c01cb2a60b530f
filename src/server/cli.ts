// The sandbox ProBonus server as a command:
//   npm run server -- --host 127.0.0.1 --port 8777 --db ./data/sandbox.db [--seed demo|none]
import type { AddressInfo } from 'node:net'
import { buildServer } from './app'
import { type CliOptions, ensureWritableDbPath, EXIT_USAGE, parseCli, USAGE, UsageError } from './cli-args'
import type { ZodApp } from './http'
import { LAUNCH_TOKEN_ENV } from './launch-proof'

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
    process.stderr.write(`probonus sandbox: ${error.message} (see --help)\n`)
    process.exit(EXIT_USAGE)
  }
  if (options === 'help') {
    process.stdout.write(`${USAGE}\n`)
    return
  }

  // Set by `npm start` only; kept out of this process's environment once read.
  const launchToken = process.env[LAUNCH_TOKEN_ENV]
  delete process.env[LAUNCH_TOKEN_ENV]

  let app: ZodApp
  try {
    app = await buildServer({
      dbPath: options.dbPath,
      seed: options.seed,
      accessTokenTtlSeconds: options.accessTokenTtlSeconds,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
      sessionTtlSeconds: options.sessionTtlSeconds,
      ...(launchToken ? { launchToken } : {}),
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
