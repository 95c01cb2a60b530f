// The session on the selected profile: login and logout, the access token in memory only, the refresh token in
// the SecretStore, refresh before expiry and after a 401 — single-flight, so any number of concurrent calls
// during an expiry cause one refresh. A refresh the server refuses ends the session as `expired` (log in
// again); the login, its drafts and its outbox stay.

import type { AuthUser } from '@shared/api'
import type { SessionState, SessionStatus } from '@shared/ipc'
import { ApiClient, type TokenSource } from '../api/client'
import { ApiError } from '../api/errors'
import { Http } from '../api/http'
import { IpcFailure } from '../ipc/errors'
import { publicProfile, type ProfilesStore } from './profiles'
import type { SecretStore } from './secret-store'

type Reason = SessionState['reason']

export interface SessionOptions {
  profiles: ProfilesStore
  secrets: SecretStore
  fetch?: typeof fetch
  now: () => number
  /** Called after every change of the state, awaited (the core opens or closes the login's local data). */
  onChange: (state: SessionState) => Promise<void>
}

interface AccessToken {
  token: string
  expiresAt: number
  refreshAt: number
}

export class SessionManager implements TokenSource {
  status: SessionStatus = 'signed_out'
  login: string | null = null
  api: ApiClient | null = null
  /** How many refresh requests were sent (diagnostics). */
  refreshCount = 0

  private user: AuthUser | null = null
  private server: { name: string; version: string } | null = null
  private reason: Reason = null
  private access: AccessToken | null = null
  private refreshing: Promise<string> | null = null
  /** Bumped whenever the session is replaced, so late answers of an old one are ignored. */
  private generation = 0

  constructor(private readonly options: SessionOptions) {}

  state(): SessionState {
    const profile = this.options.profiles.selected()
    return {
      status: this.status,
      profile: profile ? publicProfile(profile) : null,
      login: this.login,
      user: this.user,
      role: this.user?.role ?? null,
      server: this.server,
      remembered: this.options.secrets.persistent,
      not_remembered_reason: this.options.secrets.notPersistentReason ?? null,
      reason: this.reason,
    }
  }

  /** Takes up the selected profile's session as stored: signed in if a refresh token is kept, else expired. */
  async restore(reason: 'start' | 'profile_changed'): Promise<void> {
    this.generation++
    this.access = null
    this.refreshing = null
    const profile = this.options.profiles.selected()
    this.api = profile
      ? new ApiClient(new Http({ baseUrl: profile.base_url, fetch: this.options.fetch }), this)
      : null
    const session = profile?.session ?? null
    if (!profile || !session) {
      this.set('signed_out', null, null, null, reason)
    } else {
      const refreshToken = await this.options.secrets.get(secretKey(profile.id))
      this.set(
        refreshToken ? 'signed_in' : 'expired',
        session.login,
        session.user,
        session.server,
        'restored',
      )
    }
    await this.options.onChange(this.state())
  }

  async signIn(username: string, password: string): Promise<SessionState> {
    const profile = this.options.profiles.selected()
    if (!profile || !this.api) throw new IpcFailure('bad_request', 'Choose a server profile first')
    const api = this.api
    const generation = ++this.generation
    const pair = await api.login(username, password).catch(async (error: unknown) => {
      if (await notProbonus(api, error)) {
        throw new IpcFailure('not_probonus', `${profile.base_url} does not answer as a ProBonus server`)
      }
      throw error
    })
    if (generation !== this.generation) throw new IpcFailure('conflict', 'The profile changed during login')
    this.refreshing = null
    this.access = this.accessFrom(pair.access_token, pair.expires_in)
    await this.options.secrets.set(secretKey(profile.id), pair.refresh_token)
    // A login is case-insensitive: the server's spelling names the local data.
    const info = await api.info(pair.access_token)
    await this.options.profiles.setSession(profile.id, {
      login: info.user.login,
      user: info.user,
      server: info.server,
    })
    this.set('signed_in', info.user.login, info.user, info.server, 'login')
    await this.options.onChange(this.state())
    return this.state()
  }

  /** Ends the session (on the server too when it answers within a few seconds); local data stays on disk. */
  async signOut(): Promise<SessionState> {
    const profile = this.options.profiles.selected()
    // The server's logout needs a valid access token (after a restart only the refresh token is known).
    const accessToken =
      this.status === 'signed_in' ? await this.accessToken().catch(() => this.access?.token) : undefined
    this.generation++
    if (profile) {
      const refreshToken = await this.options.secrets.get(secretKey(profile.id))
      this.access = null
      this.refreshing = null
      if (this.api && (refreshToken || accessToken)) {
        await this.api.logout(refreshToken, accessToken).catch(() => undefined)
      }
      await this.options.secrets.delete(secretKey(profile.id))
      await this.options.profiles.setSession(profile.id, null)
    }
    this.set('signed_out', null, null, null, 'logout')
    await this.options.onChange(this.state())
    return this.state()
  }

  async accessToken(): Promise<string> {
    if (this.status !== 'signed_in') {
      throw new ApiError(
        'unauthorized',
        this.status === 'expired' ? 'The session has expired: log in again' : 'Not logged in',
      )
    }
    if (this.access && this.options.now() < this.access.refreshAt) return this.access.token
    return this.refresh()
  }

  async refreshAfterUnauthorized(token: string): Promise<string> {
    if (this.access && this.access.token !== token && this.options.now() < this.access.refreshAt) {
      return this.access.token
    }
    if (this.access?.token === token) this.access = null
    return this.refresh()
  }

  /** Single-flight: every caller during a refresh shares it. */
  private refresh(): Promise<string> {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async doRefresh(): Promise<string> {
    const profile = this.options.profiles.selected()
    const api = this.api
    const generation = this.generation
    if (!profile || !api) throw new ApiError('unauthorized', 'Not logged in')
    const refreshToken = await this.options.secrets.get(secretKey(profile.id))
    if (!refreshToken) {
      await this.expire(generation)
      throw new ApiError('unauthorized', 'The session has expired: log in again')
    }
    let pair
    try {
      this.refreshCount++
      pair = await api.refresh(refreshToken)
    } catch (error) {
      // Offline or a server failure: the session is not over, try again later.
      if (error instanceof ApiError && error.transient) throw error
      await this.expire(generation)
      throw new ApiError('unauthorized', 'The session has expired: log in again')
    }
    if (generation !== this.generation) throw new ApiError('unauthorized', 'The session changed')
    await this.options.secrets.set(secretKey(profile.id), pair.refresh_token)
    this.access = this.accessFrom(pair.access_token, pair.expires_in)
    return pair.access_token
  }

  private async expire(generation: number): Promise<void> {
    if (generation !== this.generation || this.status !== 'signed_in') return
    const profile = this.options.profiles.selected()
    this.access = null
    if (profile) await this.options.secrets.delete(secretKey(profile.id))
    this.set('expired', this.login, this.user, this.server, 'refresh_failed')
    await this.options.onChange(this.state())
  }

  private accessFrom(token: string, expiresInSeconds: number): AccessToken {
    const now = this.options.now()
    const ttl = expiresInSeconds * 1000
    // Refresh a little before the server would refuse it.
    return { token, expiresAt: now + ttl, refreshAt: now + ttl - Math.min(30_000, ttl * 0.2) }
  }

  private set(
    status: SessionStatus,
    login: string | null,
    user: AuthUser | null,
    server: { name: string; version: string } | null,
    reason: Reason,
  ): void {
    this.status = status
    this.login = login
    this.user = user
    this.server = server
    this.reason = reason
  }
}

export function secretKey(profileId: string): string {
  return `probonus.refresh_token.${profileId}`
}

/**
 * A login that fails with a 404, or with an answer that is not a token pair, at an address whose health check does
 * not answer as ProBonus either: the profile points at some other web server (a mistyped port, a router page).
 */
async function notProbonus(api: ApiClient, error: unknown): Promise<boolean> {
  if (!(error instanceof ApiError)) return false
  const suspicious =
    error.status === 404 || (error.code === 'server' && error.status >= 200 && error.status < 300)
  if (!suspicious) return false
  try {
    await api.health()
    return false
  } catch (healthError) {
    return (
      healthError instanceof ApiError && healthError.code !== 'offline' && healthError.code !== 'cancelled'
    )
  }
}
