// The browser host: serves the built renderer and carries the IPC contract over a WebSocket to the same core the
// desktop app uses. Loopback only; every request must name us in Host (no DNS rebinding); the WebSocket needs the
// page's session and our own Origin. The printed key is traded by the page for a session secret of its own (src/shared/web/
// host-session.ts), offered as a WebSocket subprotocol: no cookie, which every other server on 127.0.0.1 would get.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { resolve } from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { WebSocketServer, type WebSocket } from 'ws'
import { createCore, MemorySecretStore, type Core } from '@main/core'
import { contentSecurityPolicy, isClientRoute } from '@main/electron/security'
import { HOST_STATUS_PATH, HOST_WS_PATH, MAX_WS_MESSAGE_BYTES } from '@shared/web/protocol'
import {
  HOST_SESSION_HEADER,
  HOST_SESSION_PATH,
  HOST_WS_PROTOCOL,
  hostSessionRequest,
  sessionFromProtocols,
} from '@shared/web/host-session'
import { createConnectionHandler } from './connection'

export const HOST_ADDRESS = '127.0.0.1'
export const DEFAULT_RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')

/** A connect-style middleware (Vite's dev server in middleware mode). */
export type DevMiddleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

export interface BrowserHostOptions {
  /** A core to serve; the host does not close it. Else one is created over dataDir and closed with the host. */
  core?: Core
  dataDir?: string
  defaultProfiles?: { name: string; baseUrl: string }[]
  /** Default 0: a free port. */
  port?: number
  /** The built renderer (default out/renderer). Ignored with `dev`. */
  rendererDir?: string
  /** Development: the renderer comes from this middleware (Vite with HMR) attached to the host's HTTP server. */
  dev?: (server: Server) => Promise<{ middleware: DevMiddleware; close(): Promise<void> }>
  log?: (message: string, error?: unknown) => void
}

export interface BrowserHost {
  /** `http://127.0.0.1:PORT` */
  url: string
  /**
   * The URL to open: `url/?key=SECRET`. Whoever has it can open tabs of the app for as long as this host runs;
   * each tab trades it for a session of its own (the key itself never opens the WebSocket).
   */
  urlWithKey: string
  port: number
  close(): Promise<void>
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}

function sameSecret(candidate: string | undefined, secret: string): boolean {
  return typeof candidate === 'string' && timingSafeEqual(digest(candidate), digest(secret))
}

/** Sessions a host keeps (one per tab opened from the link); the oldest goes first. */
const MAX_SESSIONS = 64

/** The session secrets handed to pages, kept as digests. */
class Sessions {
  private readonly digests = new Set<string>()

  create(): string {
    const session = randomBytes(32).toString('base64url')
    this.digests.add(digest(session).toString('hex'))
    for (const oldest of this.digests) {
      if (this.digests.size <= MAX_SESSIONS) break
      this.digests.delete(oldest)
    }
    return session
  }

  /** A lookup by SHA-256 digest: its timing says nothing about any secret. */
  has(candidate: string | undefined): boolean {
    return typeof candidate === 'string' && this.digests.has(digest(candidate).toString('hex'))
  }
}

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': contentSecurityPolicy(),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? ((message: string, error?: unknown) => console.error(message, error ?? ''))
  const rendererDir = options.rendererDir ?? DEFAULT_RENDERER_DIR
  if (!options.dev && !existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error(
      `The renderer is not built (${rendererDir}/index.html is missing): run \`npm run build\` first`,
    )
  }
  if (!options.core && !options.dataDir) throw new Error('startBrowserHost needs a core or a dataDir')

  const secret = randomBytes(32).toString('base64url')
  let port = 0
  const allowedHosts = (): string[] => [`${HOST_ADDRESS}:${port}`, `localhost:${port}`]
  const allowedOrigins = (): string[] => allowedHosts().map((host) => `http://${host}`)
  const hostAllowed = (req: IncomingMessage): boolean => allowedHosts().includes(req.headers.host ?? '')
  const sessions = new Sessions()

  let devMiddleware: DevMiddleware | null = null
  const isHostRoute = (url: string | undefined): boolean => {
    const path = (url ?? '/').split('?')[0]
    return path === HOST_SESSION_PATH || path === HOST_STATUS_PATH || path === HOST_WS_PATH
  }

  const fastify: FastifyInstance = Fastify({
    logger: false,
    bodyLimit: 1024,
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!hostAllowed(req)) {
          res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected request')
          return
        }
        if (devMiddleware && !isHostRoute(req.url)) devMiddleware(req, res, () => handler(req, res))
        else handler(req, res)
      }),
  })

  fastify.addHook('onSend', async (request, reply) => {
    reply.headers(SECURITY_HEADERS)
    if (
      !options.dev &&
      (request.url === '/' || reply.getHeader('content-type')?.toString().startsWith('text/html'))
    ) {
      reply.header('cache-control', 'no-store')
    }
  })

  const invalidLink =
    'This link is not valid for the running ProBonus Admin: open the URL it printed when it started.'

  // The printed link (`/?key=…`) opens the app; the page takes the key out of the address bar and trades it.
  fastify.get('/', async (request, reply) => {
    const key = (request.query as Record<string, unknown>).key
    if (key !== undefined && (typeof key !== 'string' || !sameSecret(key, secret))) {
      return reply.code(403).type('text/plain; charset=utf-8').send(invalidLink)
    }
    if (options.dev) return reply.code(404).send('Not found')
    return reply.sendFile('index.html')
  })

  // The trade: the launch key for a new session secret of this tab. JSON only (a cross-site form cannot send it).
  fastify.post(HOST_SESSION_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const origin = request.headers.origin
    if (origin !== undefined && !allowedOrigins().includes(origin))
      return reply.code(403).send({ error: 'origin' })
    const body = hostSessionRequest.safeParse(request.body)
    if (!request.headers['content-type']?.startsWith('application/json') || !body.success) {
      return reply.code(400).send({ error: 'bad_request' })
    }
    if (!sameSecret(body.data.key, secret)) return reply.code(403).send({ error: invalidLink })
    return { session: sessions.create() }
  })

  fastify.get(HOST_STATUS_PATH, async (request, reply) => {
    reply.header('cache-control', 'no-store')
    const session = request.headers[HOST_SESSION_HEADER]
    return { authorized: sessions.has(typeof session === 'string' ? session : undefined) }
  })

  if (!options.dev) {
    await fastify.register(fastifyStatic, {
      root: rendererDir,
      index: false,
      wildcard: true,
      serveDotFiles: false,
    })
    fastify.setNotFoundHandler(async (request, reply) => {
      const path = request.url.split('?')[0] ?? '/'
      if (request.method === 'GET' && isClientRoute(path)) return reply.sendFile('index.html')
      return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
    })
  }

  const core =
    options.core ??
    (await createCore({
      dataDir: options.dataDir as string,
      secretStore: new MemorySecretStore(),
      defaultProfiles: options.defaultProfiles ?? [],
      log,
    }))
  const ownsCore = !options.core

  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_WS_MESSAGE_BYTES,
    perMessageDeflate: false,
    handleProtocols: (offered) => (offered.has(HOST_WS_PROTOCOL) ? HOST_WS_PROTOCOL : false),
  })
  const handleConnection = createConnectionHandler(core.registry, log)
  wss.on('connection', (socket: WebSocket) => handleConnection(socket))

  function refuseUpgrade(socket: Duplex, status: number, text: string): void {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`)
  }

  fastify.server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0]
    if (path !== HOST_WS_PATH) {
      // Vite's HMR socket shares this server in development; anything else is refused.
      if (!options.dev) refuseUpgrade(socket, 404, 'Not Found')
      return
    }
    if (!hostAllowed(req)) return refuseUpgrade(socket, 421, 'Misdirected Request')
    if (!allowedOrigins().includes(req.headers.origin ?? '')) return refuseUpgrade(socket, 403, 'Forbidden')
    if (!sessions.has(sessionFromProtocols(req.headers['sec-websocket-protocol']))) {
      return refuseUpgrade(socket, 401, 'Unauthorized')
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req))
  })

  let devServer: { close(): Promise<void> } | null = null
  try {
    if (options.dev) {
      const dev = await options.dev(fastify.server)
      devMiddleware = dev.middleware
      devServer = dev
    }
    await fastify.listen({ host: HOST_ADDRESS, port: options.port ?? 0 })
  } catch (error) {
    await devServer?.close()
    await fastify.close()
    if (ownsCore) await core.close()
    throw error
  }
  port = (fastify.server.address() as AddressInfo).port
  const url = `http://${HOST_ADDRESS}:${port}`

  let closing: Promise<void> | null = null
  return {
    url,
    urlWithKey: `${url}/?key=${secret}`,
    port,
    close() {
      closing ??= (async () => {
        for (const client of wss.clients) client.terminate()
        wss.close()
        await devServer?.close()
        await fastify.close()
        if (ownsCore) await core.close()
      })()
      return closing
    },
  }
}
