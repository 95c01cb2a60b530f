import formbody from '@fastify/formbody'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyServerOptions, type onRequestAsyncHookHandler } from 'fastify'
import { jsonSchemaTransform, type ZodTypeProvider } from 'fastify-type-provider-zod'
import { AuthService } from './auth/service'
import { type ServerContext, SERVER_VERSION } from './context'
import { openDatabase } from './db/database'
import { forbidden, handleError } from './errors'
import type { Role } from '@shared/api'
import { ADMIN_ONLY, type ZodApp } from './http'
import { registerApiRoutes } from './routes'
import { type SeedKind, seedDatabase } from './seed'
import { LAUNCH_PROOF_PATH, launchProof } from './launch-proof'
import { serializer } from './serialization'
import { zodValidatorCompiler } from './validation'

export interface BuildServerOptions {
  /** SQLite file; created (with migrations and the seed) when missing. */
  dbPath: string
  /** Data for a new database (default `demo`); ignored for a database that was seeded before. */
  seed?: SeedKind
  accessTokenTtlSeconds?: number
  refreshTokenTtlSeconds?: number
  /** Absolute lifetime of a login session (default 30 days from its login). */
  sessionTtlSeconds?: number
  logger?: FastifyServerOptions['logger']
  /** Clock in ms since the epoch (tests move it). */
  now?: () => number
  /**
   * Registers `GET /bench/hello`, the bare baseline route of `bench/`, and `GET /bench/cpu` (this process's CPU
   * time in µs, so a bench can tell the server's own cost per request on a shared machine). Never in a normal server.
   */
  benchRoutes?: boolean
  /** Answers `GET /__sandbox/launch-proof?nonce=…` signed with this token: `npm start`'s proof (launch-proof.ts). */
  launchToken?: string
  /**
   * Closing drops every connection, busy ones too (tests: a stopped server must look gone). By default a close
   * waits for the requests under way, and a kept-alive connection busy at that moment stays open for its client's
   * next requests until it idles out (72 s): a test's sandbox then took longer to stop than the test may.
   */
  dropConnectionsOnClose?: boolean
}

export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60
export const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60
export const API_PREFIX = '/api/v0'

declare module 'fastify' {
  interface FastifyInstance {
    /** The server's context (database, auth, clock): for tests, benches and seeds. */
    sandbox: ServerContext
  }
}

/** The sandbox ProBonus server, ready to `listen()`. Closing it closes its database. */
export async function buildServer(options: BuildServerOptions): Promise<ZodApp> {
  const now = options.now ?? Date.now
  const db = openDatabase(options.dbPath)
  let app: ZodApp | null = null
  try {
    const config = {
      accessTokenTtlSeconds: options.accessTokenTtlSeconds ?? DEFAULT_ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: options.refreshTokenTtlSeconds ?? DEFAULT_REFRESH_TOKEN_TTL_SECONDS,
      sessionTtlSeconds: options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS,
    }
    const ctx: ServerContext = {
      db,
      config,
      auth: new AuthService(db, { ...config, now }),
      now,
      nowIso: () => new Date(now()).toISOString(),
    }
    await seedDatabase(ctx, options.seed ?? 'demo')
    // Start with an empty write-ahead log: a fresh seed would otherwise be copied back by a request's checkpoint.
    db.sqlite.pragma('wal_checkpoint(TRUNCATE)')

    app = Fastify({
      logger: options.logger ?? false,
      // Generous for RK imports of 20,000 rows; everything else is far smaller.
      bodyLimit: 8 * 1024 * 1024,
      // FastAPI answers /x/ as it answers /x; so do we.
      routerOptions: { ignoreTrailingSlash: true },
      forceCloseConnections: options.dropConnectionsOnClose ? true : 'idle',
    }).withTypeProvider<ZodTypeProvider>()
    app.decorate('sandbox', ctx)
    app.decorateRequest('auth', null)
    app.setValidatorCompiler(zodValidatorCompiler)
    app.setSerializerCompiler(serializer)
    app.setErrorHandler(handleError)
    app.setNotFoundHandler((_request, reply) =>
      reply.code(404).send({ detail: 'Not Found', code: 'route_not_found', params: {} }),
    )
    app.addHook('onClose', async () => db.close())

    // An empty body sent as application/json (common on DELETE) means "no body", as in FastAPI.
    const parseJson = app.getDefaultJsonParser('error', 'error')
    app.removeContentTypeParser('application/json')
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8')
      if (text.trim() === '') done(null, undefined)
      else parseJson(request, text, done)
    })
    await app.register(formbody)
    await registerDocs(app)

    await app.register(
      async (api) => {
        // Each route gets its guard when it is registered (no per-request lookup of its options): 401 and 403
        // come before the body is even read.
        api.addHook('onRoute', (route) => {
          const access = route.config?.access ?? ADMIN_ONLY
          if (access === 'public') return
          const guard = accessGuard(ctx, access)
          const existing = route.onRequest ? [route.onRequest].flat() : []
          route.onRequest = [guard, ...existing]
        })
        registerApiRoutes(api, ctx)
      },
      { prefix: API_PREFIX },
    )

    if (options.benchRoutes) {
      app.get('/bench/hello', { schema: { hide: true } }, async () => ({ hello: 'world' }))
      // The baseline of a write: one committed UPDATE of a row (of 64) on the same connection, in a transaction
      // as every API write, from a JSON body.
      db.sqlite.exec(
        `CREATE TABLE IF NOT EXISTS bench_rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL, n INTEGER NOT NULL);
         INSERT OR IGNORE INTO bench_rows (id, value, n)
           WITH RECURSIVE ids(id) AS (SELECT 1 UNION ALL SELECT id + 1 FROM ids WHERE id < 64)
           SELECT id, '', 0 FROM ids`,
      )
      const benchUpdate = db.sqlite.prepare('UPDATE bench_rows SET value = ?, n = n + 1 WHERE id = ?')
      let benchRow = 0
      app.put('/bench/update', { schema: { hide: true } }, async (request) => {
        benchRow = (benchRow % 64) + 1
        const changes = db.tx(() => benchUpdate.run(JSON.stringify(request.body), benchRow).changes)
        return { updated: changes }
      })
      app.get('/bench/cpu', { schema: { hide: true } }, async () => {
        const { user, system } = process.cpuUsage()
        return { micros: user + system }
      })
    }
    const launchToken = options.launchToken
    if (launchToken) {
      app.get(LAUNCH_PROOF_PATH, { schema: { hide: true } }, async (request, reply) => {
        const nonce = (request.query as Record<string, unknown>).nonce
        if (typeof nonce !== 'string' || !/^[\w-]{16,100}$/.test(nonce))
          return reply.code(400).send({ detail: 'nonce' })
        return { proof: launchProof(launchToken, nonce) }
      })
    }
    app.get('/openapi.json', { schema: { hide: true } }, async () => app?.swagger())
    await app.ready()
    return app
  } catch (error) {
    if (app) await app.close()
    await db.close()
    throw error
  }
}

/** The onRequest hook of a protected route: the caller's token, then their role. */
function accessGuard(ctx: ServerContext, roles: readonly Role[]): onRequestAsyncHookHandler {
  return async (request) => {
    const auth = await ctx.auth.authenticate(request.headers.authorization)
    request.auth = auth
    if (!roles.includes(auth.user.role))
      throw forbidden(auth.user.role, `The ${auth.user.role} role may not do this`)
  }
}

async function registerDocs(app: ZodApp): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'ProBonus API (sandbox)',
        version: SERVER_VERSION,
        description:
          'The ProBonus loyalty server contract as implemented by the ProBonus Admin sandbox. ' +
          'Authorize with a user (demo: admin / 111) through the OAuth2 password flow.',
      },
      components: {
        securitySchemes: {
          OAuth2PasswordBearer: {
            type: 'oauth2',
            flows: { password: { tokenUrl: `${API_PREFIX}/auth/login`, scopes: {} } },
          },
        },
      },
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  })
}
