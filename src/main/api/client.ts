// Every endpoint of API.md, typed with the shared schemas. Authenticated calls get their token from a
// TokenSource (the session) and retry once after a 401 with a refreshed token.

import { type z } from 'zod'
import {
  account,
  accountGroup,
  authInfo,
  balancesReport,
  groupOperationResult,
  health,
  identifierCheckResult,
  identifierType,
  ladder,
  ladderHistory,
  ladderPreview,
  ladderStepsReport,
  listOf,
  operation,
  operationsReport,
  purchaseResult,
  rkDiscount,
  rkDiscountImportResult,
  tokenPair,
  user,
  type AccountCreate,
  type AccountGroupCreate,
  type AccountGroupUpdate,
  type AccountUpdate,
  type GroupOperationCreate,
  type IdentifierTypeCreate,
  type IdentifierTypeUpdate,
  type LadderCreate,
  type LadderPreviewRequest,
  type LadderUpdate,
  type ListEnvelope,
  type OperationCreate,
  type OperationListQuery,
  type PurchaseRequest,
  type RkDiscountImportRequest,
} from '@shared/api'
import { ApiError } from './errors'
import { type Http, type QueryValue, type RequestSpec } from './http'

export interface TokenSource {
  /** A valid access token (refreshing first when it is about to expire). */
  accessToken(): Promise<string>
  /** Called after `token` got a 401: refresh (single-flight) unless someone already did, and give the new one. */
  refreshAfterUnauthorized(token: string): Promise<string>
}

export type ListParams = Record<string, QueryValue>

/** Largest page the API serves; `listAll` walks the pages. */
export const PAGE_LIMIT = 500

/** CRUD of one editable resource (`/ladders`, `/account_groups`, `/identifier_types`). */
export interface EntityResource<T, Create, Update> {
  list(params?: ListParams): Promise<ListEnvelope<T>>
  listAll(params?: ListParams): Promise<T[]>
  get(id: number): Promise<T>
  create(body: Create, idempotencyKey?: string): Promise<T>
  update(id: number, body: Update): Promise<T>
  remove(id: number, version: number): Promise<void>
}

export class ApiClient {
  readonly http: Http
  private readonly tokens: TokenSource

  readonly ladders: EntityResource<z.infer<typeof ladder>, LadderCreate, LadderUpdate>
  readonly accountGroups: EntityResource<z.infer<typeof accountGroup>, AccountGroupCreate, AccountGroupUpdate>
  readonly identifierTypes: EntityResource<
    z.infer<typeof identifierType>,
    IdentifierTypeCreate,
    IdentifierTypeUpdate
  >

  constructor(http: Http, tokens: TokenSource) {
    this.http = http
    this.tokens = tokens
    this.ladders = this.resource('/ladders', ladder)
    this.accountGroups = this.resource('/account_groups', accountGroup)
    this.identifierTypes = this.resource('/identifier_types', identifierType)
  }

  // ---- without a token ----

  health() {
    return this.http.request({ method: 'GET', path: '/health', schema: health, timeoutMs: 3000, retries: 0 })
  }

  login(username: string, password: string) {
    return this.http.request({
      method: 'POST',
      path: '/auth/login',
      form: { username, password },
      schema: tokenPair,
    })
  }

  refresh(refreshToken: string) {
    return this.http.request({
      method: 'POST',
      path: '/auth/refresh_token',
      json: { refresh_token: refreshToken },
      schema: tokenPair,
    })
  }

  /** Ends the session server-side. Needs no access token: the refresh token names the session. */
  logout(refreshToken: string | null, accessToken?: string) {
    return this.http.request({
      method: 'POST',
      path: '/auth/logout',
      json: { refresh_token: refreshToken },
      token: accessToken,
      schema: null,
      timeoutMs: 3000,
    })
  }

  // ---- with a token ----

  /** With `token`: right after login, before the session is set up. */
  info(token?: string) {
    const spec = { method: 'GET', path: '/auth/info', schema: authInfo } as const
    return token ? this.http.request({ ...spec, token }) : this.authed(spec)
  }

  users(params: ListParams = {}) {
    return this.authed({ method: 'GET', path: '/users/list', query: params, schema: listOf(user) })
  }

  readonly rkDiscounts = {
    list: (params: ListParams = {}) =>
      this.authed({ method: 'GET', path: '/rk_discounts/list', query: params, schema: listOf(rkDiscount) }),
    listAll: (params: ListParams = {}) => this.listAll('/rk_discounts/list', rkDiscount, params),
    get: (id: number) => this.authed({ method: 'GET', path: `/rk_discounts/${id}`, schema: rkDiscount }),
    import: (body: RkDiscountImportRequest) =>
      this.authed({
        method: 'POST',
        path: '/rk_discounts/import',
        json: body,
        schema: rkDiscountImportResult,
        timeoutMs: 60_000,
      }),
  }

  ladderHistory(id: number, signal?: AbortSignal) {
    return this.authed({ method: 'GET', path: `/ladders/${id}/history`, schema: ladderHistory, signal })
  }

  ladderPreview(body: LadderPreviewRequest, groupId?: number, signal?: AbortSignal) {
    return this.authed({
      method: 'POST',
      path: '/ladders/preview',
      query: { group_id: groupId },
      json: body,
      schema: ladderPreview,
      signal,
    })
  }

  identifierCheck(id: number, value: string, signal?: AbortSignal) {
    return this.authed({
      method: 'POST',
      path: `/identifier_types/${id}/check`,
      json: { value },
      schema: identifierCheckResult,
      signal,
    })
  }

  readonly accounts = {
    list: (params: ListParams = {}, signal?: AbortSignal) =>
      this.authed({ method: 'GET', path: '/accounts/list', query: params, schema: listOf(account), signal }),
    get: (id: number, signal?: AbortSignal) =>
      this.authed({ method: 'GET', path: `/accounts/${id}`, schema: account, signal }),
    create: (body: AccountCreate, idempotencyKey?: string) =>
      this.authed({ method: 'POST', path: '/accounts/create', json: body, idempotencyKey, schema: account }),
    update: (id: number, body: AccountUpdate) =>
      this.authed({ method: 'PUT', path: `/accounts/${id}`, json: body, schema: account }),
  }

  readonly operations = {
    create: (body: OperationCreate, idempotencyKey: string) =>
      this.authed({
        method: 'POST',
        path: '/operations/create',
        json: body,
        idempotencyKey,
        schema: operation,
      }),
    createGroup: (body: GroupOperationCreate, idempotencyKey: string) =>
      this.authed({
        method: 'POST',
        path: '/operations/create_group',
        json: body,
        idempotencyKey,
        schema: groupOperationResult,
      }),
    purchase: (body: PurchaseRequest) =>
      this.authed({ method: 'POST', path: '/operations/purchase', json: body, schema: purchaseResult }),
    list: (params: Partial<OperationListQuery> = {}, signal?: AbortSignal) =>
      this.authed({
        method: 'GET',
        path: '/operations/list',
        query: params,
        schema: listOf(operation),
        signal,
      }),
  }

  readonly reports = {
    balances: (signal?: AbortSignal) =>
      this.authed({ method: 'GET', path: '/reports/balances', schema: balancesReport, signal }),
    operations: (from: string, to: string, signal?: AbortSignal) =>
      this.authed({
        method: 'GET',
        path: '/reports/operations',
        query: { from, to },
        schema: operationsReport,
        signal,
      }),
    ladderSteps: (ladderId: number, signal?: AbortSignal) =>
      this.authed({
        method: 'GET',
        path: '/reports/ladder_steps',
        query: { ladder_id: ladderId },
        schema: ladderStepsReport,
        signal,
      }),
  }

  private async authed<T>(spec: RequestSpec<T>): Promise<T> {
    const token = await this.tokens.accessToken()
    try {
      return await this.http.request({ ...spec, token })
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'unauthorized') throw error
      const fresh = await this.tokens.refreshAfterUnauthorized(token)
      return this.http.request({ ...spec, token: fresh })
    }
  }

  private async listAll<T>(path: string, item: z.ZodType<T>, params: ListParams): Promise<T[]> {
    const schema = listOf(item)
    const items: T[] = []
    for (let offset = 0; ; offset += PAGE_LIMIT) {
      const page = (await this.authed({
        method: 'GET',
        path,
        query: { ...params, offset, limit: PAGE_LIMIT },
        schema,
      })) as ListEnvelope<T>
      items.push(...page.items)
      if (page.items.length < PAGE_LIMIT || items.length >= page.total) return items
    }
  }

  private resource<T, Create, Update>(base: string, item: z.ZodType<T>): EntityResource<T, Create, Update> {
    const listSchema = listOf(item)
    return {
      list: (params = {}) =>
        this.authed({ method: 'GET', path: `${base}/list`, query: params, schema: listSchema }) as Promise<
          ListEnvelope<T>
        >,
      listAll: (params = {}) => this.listAll(`${base}/list`, item, params),
      get: (id) => this.authed({ method: 'GET', path: `${base}/${id}`, schema: item }),
      create: (body, idempotencyKey) =>
        this.authed({ method: 'POST', path: `${base}/create`, json: body, idempotencyKey, schema: item }),
      update: (id, body) => this.authed({ method: 'PUT', path: `${base}/${id}`, json: body, schema: item }),
      remove: (id, version) =>
        this.authed({ method: 'DELETE', path: `${base}/${id}`, query: { version }, schema: null }),
    }
  }
}
