import type { AuthService } from './auth/service'
import type { Db } from './db/database'

export interface ServerConfig {
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  /** Absolute lifetime of a login session from its login: no refresh goes beyond it. */
  sessionTtlSeconds: number
}

/** What every route and service gets: the database, the clock, auth, the configuration. */
export interface ServerContext {
  db: Db
  auth: AuthService
  config: ServerConfig
  /** Milliseconds since the epoch; injectable so tests can move time. */
  now(): number
  /** `now()` as ISO 8601 UTC, the format of every stored timestamp. */
  nowIso(): string
}

/** The version the sandbox reports in `health` and `auth/info`. */
export const SERVER_VERSION = '0.1.0'
