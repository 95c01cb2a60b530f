// Pure security helpers of the shell: URL checks, the IPC sender check, the CSP, the static path check and MIME
// types. No electron import here (types only at most), so all of it is unit-tested under plain Node.
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/** The privileged scheme the packaged renderer is served from, and its one host. */
export const APP_SCHEME = 'app'
export const APP_HOST = 'renderer'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`

const MAX_URL_LENGTH = 2048
// Whitespace and control characters are silently stripped or tolerated by the URL parser; a link that needs
// them to parse is not one we hand to the OS.
function hasUnsafeCharacters(raw: string): boolean {
  for (const char of raw) {
    const code = char.codePointAt(0) ?? 0
    if (code <= 0x20 || (code >= 0x7f && code <= 0xa0) || /\s/u.test(char) || code === 0xfeff) return true
    if ((code >= 0x200b && code <= 0x200f) || code === 0x2028 || code === 0x2029) return true
  }
  return false
}

function parseUrl(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null
  if (hasUnsafeCharacters(raw)) return null
  try {
    return new URL(raw)
  } catch {
    return null
  }
}

/**
 * True for an absolute http(s) URL that may be handed to the OS browser: parsed (never pattern-matched), no
 * credentials, a real host name, nothing the parser had to repair.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  const url = parseUrl(raw)
  if (!url) return false
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false
  if (url.username !== '' || url.password !== '') return false
  if (url.hostname === '') return false
  // The scheme must be exactly what was written: `HTTPS:` and `http:\\host` are normalised by the parser.
  if (!(raw as string).toLowerCase().startsWith(`${url.protocol}//`)) return false
  return true
}

/**
 * `scheme://host[:port]` of an http(s) or app: URL (Node's URL gives `null` as the origin of custom schemes, so
 * it is built by hand), or null for anything else.
 */
export function originOf(raw: unknown): string | null {
  const url = parseUrl(raw)
  if (!url) return null
  if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== `${APP_SCHEME}:`) return null
  if (url.username !== '' || url.password !== '' || url.host === '') return null
  return `${url.protocol}//${url.host}`
}

/** The origins the renderer may be loaded from: the app scheme, plus the dev server when there is one. */
export function trustedRendererOrigins(devServerUrl?: string): string[] {
  const origins = [APP_ORIGIN]
  const devOrigin = devServerUrl ? originOf(devServerUrl) : null
  if (devOrigin && devOrigin.startsWith('http')) origins.push(devOrigin)
  return origins
}

export function isTrustedRendererUrl(raw: unknown, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(raw)
  return origin !== null && trustedOrigins.includes(origin)
}

/** The parts of Electron's WebFrameMain the sender check needs. */
export interface SenderFrame {
  readonly url: string
  readonly parent: unknown
}

/**
 * An IPC message is served only when it comes from the top frame of our own window, and that frame shows our
 * renderer (not a page it was navigated to, not an iframe inside it).
 */
export function isTrustedSender(
  sender: { senderId: number; frame: SenderFrame | null | undefined },
  expected: { webContentsId: number | null; trustedOrigins: readonly string[] },
): boolean {
  if (expected.webContentsId === null || sender.senderId !== expected.webContentsId) return false
  const frame = sender.frame
  if (!frame || frame.parent !== null) return false
  return isTrustedRendererUrl(frame.url, expected.trustedOrigins)
}

/** The Content-Security-Policy of the renderer: scripts only from our own origin, no plugins, no framing. */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // React and the chart library set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    // 'self' covers the browser host's WebSocket (same host and port) in Chromium.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/**
 * The file under `rootDir` a request path names, or null when it would leave `rootDir` (`..`, encoded
 * separators, absolute paths, NUL) or cannot be decoded. `/` is `index.html`.
 */
export function resolveStaticPath(rootDir: string, requestPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(requestPath)
  } catch {
    return null
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null
  const relativePath = decoded.replace(/^\/+/, '') || 'index.html'
  if (isAbsolute(relativePath)) return null
  const root = resolve(rootDir)
  const target = resolve(root, relativePath)
  const fromRoot = relative(root, target)
  if (fromRoot === '' || fromRoot === '..' || fromRoot.startsWith(`..${sep}`) || isAbsolute(fromRoot))
    return null
  return target
}

/** Paths without an extension are client-side routes: they get the app's index.html. */
export function isClientRoute(requestPath: string): boolean {
  return extname(requestPath) === ''
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
}

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}
