import { createHash, randomBytes } from 'node:crypto'
import type { AuthUser, TokenPair } from '@shared/api'
import type { Db } from '../db/database'
import { fieldError, throttled, unauthorized } from '../errors'
import { type AccessClaims, signJwt, verifyJwt } from './jwt'
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords'
import { LoginThrottle } from './throttle'

/** Who is calling: set on every authenticated request as `request.auth`. */
export interface AuthContext {
  user: AuthUser
  sessionId: string
}

export interface AuthServiceOptions {
  accessTokenTtlSeconds: number
  refreshTokenTtlSeconds: number
  /** Absolute lifetime of a login session from its login: refreshing never takes it further. */
  sessionTtlSeconds: number
  now: () => number
}

/** A login session and the refresh token just stored for it: what a token pair is made of. */
interface IssuedSession {
  userId: number
  sessionId: string
  refreshToken: string
  /** When the session ends, in seconds since the epoch: no token of it lives longer. */
  endsAt: number
}

interface LiveSession {
  user: AuthUser
  endsAt: number
}

const JWT_SECRET_KEY = 'jwt_secret'
const BEARER = /^Bearer ([A-Za-z0-9._~+/=-]+)$/i
const TOKEN_CACHE_LIMIT = 10_000

export const loginKey = (login: string): string => login.normalize('NFC').toLowerCase()
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')

/** Logins, token pairs, refresh rotation with reuse detection, logout, and the per-request token check. */
export class AuthService {
  private readonly secret: Buffer
  private readonly throttle: LoginThrottle
  /**
   * Hot-path caches, both safe by construction: a token string maps to the claims its signature was verified for
   * (expiry is still checked on every request), and a session id to its user while the session is live; every
   * revocation goes through `revokeSession`, which drops the session from the cache.
   */
  private readonly verifiedTokens = new Map<string, AccessClaims>()
  private readonly liveSessions = new Map<string, LiveSession>()
  private readonly sessionQuery

  constructor(
    private readonly db: Db,
    private readonly options: AuthServiceOptions,
  ) {
    this.secret = loadOrCreateSecret(db)
    this.throttle = new LoginThrottle(options.now)
    this.sessionQuery = db.prepared(
      db.q
        .selectFrom('login_sessions as s')
        .innerJoin('users as u', 'u.id', 's.user_id')
        .select(['u.id', 'u.login', 'u.name', 'u.role', 'u.active', 's.revoked_at', 's.created_at'])
        .where('s.id', '=', '?'),
    )
  }

  /** A login from client `address` (the socket's peer): throttled per login and per address (see throttle.ts). */
  async login(username: string, password: string, address: string): Promise<TokenPair> {
    const key = loginKey(username)
    // Counted before the password check, so concurrent guesses are counted as they start.
    const attempt = this.throttle.begin(key, address)
    if (!attempt.admitted) {
      throw throttled(
        attempt.scope === 'login'
          ? 'Too many failed logins for this user; try again later'
          : 'Too many failed logins from this address; try again later',
        attempt.retryAfterSeconds,
      )
    }
    let user: { id: number; password_hash: string; active: number } | undefined
    let succeeded = false
    try {
      user = this.db.first(
        this.db.q.selectFrom('users').select(['id', 'password_hash', 'active']).where('login_key', '=', key),
      )
      const hash = user ? user.password_hash : await dummyPasswordHash()
      const passwordOk = await verifyPassword(password, hash)
      succeeded = user !== undefined && passwordOk && user.active !== 0
    } finally {
      attempt.end(succeeded)
    }
    if (!user || !succeeded) throw unauthorized('Incorrect username or password', 'bad_credentials')
    const issued = this.db.tx((): IssuedSession => {
      const sessionId = randomBytes(16).toString('base64url')
      const endsAt = this.nowSeconds() + this.options.sessionTtlSeconds
      this.db.run(
        this.db.q.insertInto('login_sessions').values({
          id: sessionId,
          user_id: user.id,
          created_at: this.nowIso(),
          revoked_at: null,
          revoked_reason: null,
        }),
      )
      this.db.run(
        this.db.q.updateTable('users').set({ last_login_at: this.nowIso() }).where('id', '=', user.id),
      )
      return { userId: user.id, sessionId, endsAt, refreshToken: this.storeRefreshToken(sessionId, endsAt) }
    })
    return this.tokenPair(issued)
  }

  /** Exchanges a refresh token for a new pair. An already-rotated token revokes its whole login session. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = this.db.tx((): IssuedSession | string => {
      const row = this.db.first(
        this.db.q
          .selectFrom('refresh_tokens as t')
          .innerJoin('login_sessions as s', 's.id', 't.session_id')
          .innerJoin('users as u', 'u.id', 's.user_id')
          .select([
            't.token_hash',
            't.expires_at',
            't.rotated_at',
            's.id as session_id',
            's.revoked_at',
            's.created_at as session_created_at',
            'u.id as user_id',
            'u.active',
          ])
          .where('t.token_hash', '=', sha256(refreshToken)),
      )
      if (!row) return 'Invalid refresh token'
      if (row.rotated_at !== null) {
        this.revokeSession(row.session_id, 'refresh token reuse')
        return 'Refresh token was already used; the login session is revoked'
      }
      if (row.revoked_at !== null) return 'The login session has ended'
      const endsAt = this.sessionEnd(row.session_created_at)
      if (endsAt <= this.nowSeconds()) return 'The login session has expired; log in again'
      if (row.expires_at <= this.nowSeconds()) return 'Refresh token expired'
      if (row.active === 0) return 'User is inactive'
      this.db.run(
        this.db.q
          .updateTable('refresh_tokens')
          .set({ rotated_at: this.nowIso() })
          .where('token_hash', '=', row.token_hash),
      )
      return {
        userId: row.user_id,
        sessionId: row.session_id,
        endsAt,
        refreshToken: this.storeRefreshToken(row.session_id, endsAt),
      }
    })
    // The revocation above must commit, so the 401 is thrown only after the transaction.
    if (typeof outcome === 'string') throw unauthorized(outcome, 'session_ended')
    return this.tokenPair(outcome)
  }

  /** Ends the caller's login session (access and refresh tokens), and the session of `refreshToken` if it is theirs. */
  logout(auth: AuthContext, refreshToken?: string | null): void {
    this.db.tx(() => {
      this.revokeSession(auth.sessionId, 'logout')
      if (!refreshToken) return
      const row = this.db.first(
        this.db.q
          .selectFrom('refresh_tokens as t')
          .innerJoin('login_sessions as s', 's.id', 't.session_id')
          .select(['s.id', 's.user_id'])
          .where('t.token_hash', '=', sha256(refreshToken)),
      )
      if (row && row.user_id === auth.user.id) this.revokeSession(row.id, 'logout')
    })
  }

  /** The caller of an `Authorization: Bearer …` header, or a 401. */
  async authenticate(authorization: string | undefined): Promise<AuthContext> {
    if (!authorization) throw unauthorized('Not authenticated')
    const token = BEARER.exec(authorization)?.[1]
    const claims = token ? await this.verify(token) : null
    if (!claims) throw unauthorized('Could not validate credentials')
    const session = this.liveSessions.get(claims.sid) ?? this.loadLiveSession(claims.sid)
    if (!session || session.endsAt <= this.nowSeconds() || String(session.user.id) !== claims.sub) {
      throw unauthorized('Could not validate credentials')
    }
    return { user: session.user, sessionId: claims.sid }
  }

  private async verify(token: string): Promise<AccessClaims | null> {
    const nowSeconds = this.nowSeconds()
    const known = this.verifiedTokens.get(token)
    if (known) return known.exp > nowSeconds ? known : null
    const claims = await verifyJwt(token, this.secret, nowSeconds, this.options.accessTokenTtlSeconds)
    if (claims) {
      if (this.verifiedTokens.size >= TOKEN_CACHE_LIMIT) this.verifiedTokens.clear()
      this.verifiedTokens.set(token, claims)
    }
    return claims
  }

  private loadLiveSession(sessionId: string): LiveSession | null {
    const row = this.sessionQuery.first(sessionId)
    if (!row || row.revoked_at !== null || row.active === 0) return null
    const session: LiveSession = {
      user: { id: row.id, login: row.login, name: row.name, role: row.role },
      endsAt: this.sessionEnd(row.created_at),
    }
    if (this.liveSessions.size >= TOKEN_CACHE_LIMIT) this.liveSessions.clear()
    this.liveSessions.set(sessionId, session)
    return session
  }

  /** The absolute end of a login session that began at `createdAt` (ISO), in seconds since the epoch. */
  private sessionEnd(createdAt: string): number {
    return Math.floor(Date.parse(createdAt) / 1000) + this.options.sessionTtlSeconds
  }

  /**
   * A new refresh token of the session, stored (as its hash) to expire by the session's end at the latest;
   * inside the caller's transaction.
   */
  private storeRefreshToken(sessionId: string, sessionEndsAt: number): string {
    const refreshToken = randomBytes(32).toString('base64url')
    this.db.run(
      this.db.q.insertInto('refresh_tokens').values({
        token_hash: sha256(refreshToken),
        session_id: sessionId,
        expires_at: Math.min(this.nowSeconds() + this.options.refreshTokenTtlSeconds, sessionEndsAt),
        rotated_at: null,
        created_at: this.nowIso(),
      }),
    )
    return refreshToken
  }

  /** The pair answered for a stored refresh token: signed after the transaction (signing is asynchronous). */
  private async tokenPair({ userId, sessionId, refreshToken, endsAt }: IssuedSession): Promise<TokenPair> {
    const now = this.nowSeconds()
    const exp = Math.min(now + this.options.accessTokenTtlSeconds, endsAt)
    const accessToken = await signJwt({ sub: String(userId), sid: sessionId, iat: now, exp }, this.secret)
    return {
      access_token: accessToken,
      refresh_token: refreshToken,
      token_type: 'bearer',
      expires_in: exp - now,
    }
  }

  /**
   * Ends every live login session of a user at once (their next request is 401), but `exceptSessionId`: a new
   * password, another role, deactivation, deletion. Inside the caller's transaction.
   */
  endSessionsOf(userId: number, reason: string, exceptSessionId: string | null = null): void {
    const sessions = this.db.all(
      this.db.q
        .selectFrom('login_sessions')
        .select('id')
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null),
    )
    for (const session of sessions) if (session.id !== exceptSessionId) this.revokeSession(session.id, reason)
  }

  /**
   * `auth/change_password`: checks the current password (a wrong one is 422 at `current_password`), stores the
   * new one and ends the user's other sessions; this one goes on.
   */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<void> {
    const row = this.db.first(
      this.db.q.selectFrom('users').select(['password_hash', 'version']).where('id', '=', auth.user.id),
    )
    if (!row || !(await verifyPassword(currentPassword, row.password_hash))) {
      throw fieldError(['body', 'current_password'], 'wrong_password', {}, 'The current password is wrong')
    }
    const hash = await hashPassword(newPassword)
    this.db.tx(() => {
      this.db.run(
        this.db.q
          .updateTable('users')
          .set({
            password_hash: hash,
            version: row.version + 1,
            updated_at: this.nowIso(),
            updated_by: auth.user.login,
          })
          .where('id', '=', auth.user.id),
      )
      this.endSessionsOf(auth.user.id, 'password changed', auth.sessionId)
    })
  }

  private revokeSession(sessionId: string, reason: string): void {
    this.liveSessions.delete(sessionId)
    this.db.run(
      this.db.q
        .updateTable('login_sessions')
        .set({ revoked_at: this.nowIso(), revoked_reason: reason })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null),
    )
  }

  private nowSeconds(): number {
    return Math.floor(this.options.now() / 1000)
  }

  private nowIso(): string {
    return new Date(this.options.now()).toISOString()
  }
}

/** The HS256 secret of this database, generated on its first start. */
function loadOrCreateSecret(db: Db): Buffer {
  return db.tx(() => {
    const row = db.first(db.q.selectFrom('settings').select('value').where('key', '=', JWT_SECRET_KEY))
    if (row) return Buffer.from(row.value, 'base64url')
    const secret = randomBytes(32)
    db.run(db.q.insertInto('settings').values({ key: JWT_SECRET_KEY, value: secret.toString('base64url') }))
    return secret
  })
}
