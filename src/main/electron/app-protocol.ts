// The `app://renderer/…` scheme the packaged renderer is served from: files of out/renderer only (a path
// traversal check), correct MIME types, the CSP as a response header, client routes answered with index.html.
import { readFile, stat } from 'node:fs/promises'
import type { Protocol } from 'electron'
import {
  APP_HOST,
  APP_SCHEME,
  contentSecurityPolicy,
  isClientRoute,
  mimeTypeFor,
  resolveStaticPath,
} from './security'

/** Must run before the app is ready: a standard, secure scheme gets an origin, fetch and a working CSP 'self'. */
export function registerAppSchemePrivileges(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ])
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/** The request handler of the scheme, as a plain function of a fetch Request (tested under Node). */
export function createAppRequestHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed')
    let url: URL
    try {
      url = new URL(request.url)
    } catch {
      return textResponse(400, 'Bad request')
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return textResponse(404, 'Not found')
    let filePath = resolveStaticPath(rendererDir, url.pathname)
    if (filePath === null) return textResponse(404, 'Not found')
    if (!(await isFile(filePath))) {
      if (!isClientRoute(url.pathname)) return textResponse(404, 'Not found')
      filePath = resolveStaticPath(rendererDir, '/index.html') as string
    }
    try {
      const body = await readFile(filePath)
      return new Response(request.method === 'HEAD' ? null : body, {
        status: 200,
        headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(filePath), 'Cache-Control': 'no-cache' },
      })
    } catch {
      return textResponse(404, 'Not found')
    }
  }
}

export function serveRendererFromAppScheme(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir))
}
