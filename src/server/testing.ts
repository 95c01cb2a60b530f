import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildServer } from './app'
import type { ZodApp } from './http'

export interface SandboxOptions {
  /** Default `demo`: users admin / marketing / viewer, password `111`, catalog, ladders, groups, identifier types. */
  seed?: 'demo' | 'none'
  /** A database file to use (kept on dispose); default a fresh one in a temp directory. */
  dbPath?: string
  accessTokenTtlSeconds?: number
  refreshTokenTtlSeconds?: number
  sessionTtlSeconds?: number
  /** Default 0: a free port. */
  port?: number
}

export interface Sandbox {
  /** `http://127.0.0.1:PORT` */
  url: string
  /** `url + '/api/v0'` */
  apiUrl: string
  port: number
  dbPath: string
  /** Stops listening; keeps the database file. */
  stop(): Promise<void>
  /** Listens again on the same port and database. */
  start(): Promise<void>
  /** Stops and deletes the temporary database. */
  dispose(): Promise<void>
}

const HOST = '127.0.0.1'

/** A real sandbox server in this process, on a free port with a temporary database: what tests talk to. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const tempDir = options.dbPath ? null : mkdtempSync(join(tmpdir(), 'probonus-sandbox-'))
  const dbPath = options.dbPath ?? join(tempDir ?? tmpdir(), 'sandbox.db')
  const serverOptions = {
    dbPath,
    seed: options.seed ?? 'demo',
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: options.refreshTokenTtlSeconds,
    sessionTtlSeconds: options.sessionTtlSeconds,
    dropConnectionsOnClose: true,
  }

  let app: ZodApp | null = null
  const listen = async (port: number): Promise<number> => {
    const server = await buildServer(serverOptions)
    try {
      await server.listen({ host: HOST, port })
    } catch (error) {
      await server.close()
      throw error
    }
    app = server
    return (server.server.address() as AddressInfo).port
  }

  let port: number
  try {
    port = await listen(options.port ?? 0)
  } catch (error) {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
    throw error
  }
  const url = `http://${HOST}:${port}`

  const stop = async (): Promise<void> => {
    const running = app
    app = null
    if (running) await running.close()
  }

  return {
    url,
    apiUrl: `${url}/api/v0`,
    port,
    dbPath,
    stop,
    async start() {
      if (!app) await listen(port)
    },
    async dispose() {
      await stop()
      if (tempDir) rmSync(tempDir, { recursive: true, force: true })
    },
  }
}
