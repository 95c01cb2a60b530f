// Helpers for the server's own tests: a small HTTP client for a listening sandbox. Not used by the server.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'
import { errorBody, tokenPair, type TokenPair, validationError, type ValidationErrorItem } from '@shared/api'
import { API_PREFIX, buildServer, type BuildServerOptions } from './app'
import type { ZodApp } from './http'

export interface ApiResponse {
  status: number
  headers: Headers
  /** Parsed JSON, the raw text when it is not JSON, null when empty. */
  body: unknown
}

export interface RequestOptions {
  token?: string
  /** JSON body (serialized here). */
  json?: unknown
  /** Raw body with its content type. */
  raw?: { contentType: string; text: string }
  /** `application/x-www-form-urlencoded` body. */
  form?: Record<string, string>
  headers?: Record<string, string>
}

export async function call(
  apiUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  let body: string | undefined
  if (options.json !== undefined) {
    headers['content-type'] = 'application/json'
    body = JSON.stringify(options.json)
  } else if (options.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded'
    body = new URLSearchParams(options.form).toString()
  } else if (options.raw) {
    headers['content-type'] = options.raw.contentType
    body = options.raw.text
  }
  const response = await fetch(`${apiUrl}${path}`, { method, headers, body })
  const text = await response.text()
  let parsed: unknown = null
  if (text !== '') {
    try {
      parsed = JSON.parse(text)
    } catch {
      parsed = text
    }
  }
  const answer = { status: response.status, headers: response.headers, body: parsed }
  assertCodedError(answer, `${method} ${path}`)
  return answer
}

/**
 * Every 4xx answer carries a known `code` and its `params` (and so does every item of a 422): checked on every
 * answer the server's tests receive, so a refusal without a code fails the test that provoked it.
 */
export function assertCodedError(response: ApiResponse, what: string): void {
  if (response.status < 400 || response.status >= 500) return
  const parsed = errorBody.safeParse(response.body)
  if (!parsed.success) {
    throw new Error(
      `${what}: the ${response.status} answer has no known error code: ${JSON.stringify(response.body)} ` +
        `(${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')})`,
    )
  }
}

export async function login(apiUrl: string, username: string, password = '111'): Promise<TokenPair> {
  const response = await call(apiUrl, 'POST', '/auth/login', { json: { username, password } })
  if (response.status !== 200)
    throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`)
  return tokenPair.parse(response.body)
}

/** Access tokens of the three demo users. */
export async function demoTokens(
  apiUrl: string,
): Promise<{ admin: string; marketing: string; viewer: string }> {
  const [admin, marketing, viewer] = await Promise.all(
    ['admin', 'marketing', 'viewer'].map((user) => login(apiUrl, user).then((pair) => pair.access_token)),
  )
  return { admin: admin ?? '', marketing: marketing ?? '', viewer: viewer ?? '' }
}

/** The 422 items of a response (throws if it is not a FastAPI validation error). */
export function detailOf(response: ApiResponse): ValidationErrorItem[] {
  return validationError.parse(response.body).detail
}

/** The `loc`s of a 422 response, for exact comparisons. */
export const locsOf = (response: ApiResponse): (string | number)[][] =>
  detailOf(response).map((item) => item.loc)

/** The `detail` sentence of a 401/403/404/409/429 response. */
export const messageOf = (response: ApiResponse): string =>
  z.object({ detail: z.string() }).parse(response.body).detail

/** A server built with any `buildServer` option (a movable clock, say), on a free port with a temp database. */
export async function startTestServer(
  options: Partial<BuildServerOptions> = {},
): Promise<{ app: ZodApp; url: string; apiUrl: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'probonus-server-test-'))
  const app = await buildServer({ dbPath: join(dir, 'test.db'), ...options })
  await app.listen({ host: '127.0.0.1', port: 0 })
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
  return {
    app,
    url,
    apiUrl: `${url}${API_PREFIX}`,
    async close() {
      await app.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
