// Every endpoint of API.md, typed with the shared schemas. Authenticated calls get their token from a
// TokenSource (the session) and retry once after a 401 with a refreshed token.

import { type z } from 'zod'
import {
  account,
  accountLimits,
  accountPurchase,
  authInfo,
  balancesReport,
  health,
  identifierCheckResult,
  ladderHistory,
  ladderPreview,
  ladderStepsReport,
  listOf,
  operation,
  operationsReport,
  purchaseResult,
  temporaryIdentifier,
  tokenPair,
  user,
  type AccountCreate,
  type AccountMoveRequest,
  type AccountUpdate,
  type GroupOperationCreate,
  type LadderPreviewRequest,
  type ListEnvelope,
  type OperationCreate,
  type OperationListQuery,
  type PurchaseRequest,
  type StepOverrideRequest,
} from '@shared/api'
import {
  groupOperationCommand,
  accountMove,
  operationCreateCommand,
  SINGLETON_ID,
  type CollectionDescriptor,
  type CommandDescriptor,
  type DraftSingletonDescriptor,
  type EditableDescriptor,
  type SingletonDescriptor,
} from '@shared/resources'
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

/** Reads of one collection (`/ladders`, `/rk_discounts`, …). */
export interface CollectionResource<T> {
  list(params?: ListParams): Promise<ListEnvelope<T>>
  listAll(params?: ListParams): Promise<T[]>
  get(id: number): Promise<T>
}

/** CRUD of one editable collection (`/ladders`, `/account_groups`, `/identifier_types`). */
export interface EntityResource<T, Create, Update> extends CollectionResource<T> {
  create(body: Create, idempotencyKey?: string): Promise<T>
  update(id: number, body: Update): Promise<T>
  remove(id: number, version: number): Promise<void>
}

/** A one-document resource (`/settings`). */
export interface SingletonResource<T, Update> {
  get(): Promise<T>
  update(body: Update): Promise<T>
}

/** Descriptors the collection machinery reads: collections, and singletons edited through drafts (a list of one). */
type ListedDescriptor = CollectionDescriptor | DraftSingletonDescriptor
type EditedDescriptor = EditableDescriptor | DraftSingletonDescriptor

export type EntityResourceOf<D extends EditedDescriptor> = EntityResource<
  z.output<D['entity']>,
  z.input<D['create']>,
  z.input<D['update']>
>
type AnswerOf<D extends CommandDescriptor> = D['answer'] extends z.ZodType ? z.output<D['answer']> : void

export class ApiClient {
  readonly http: Http
  private readonly tokens: TokenSource
  private readonly resources = new Map<string, unknown>()

  constructor(http: Http, tokens: TokenSource) {
    this.http = http
    this.tokens = tokens
  }

  /** Reads of a collection, as its descriptor says. */
  collection<D extends ListedDescriptor>(resource: D): CollectionResource<z.output<D['entity']>> {
    return this.memo(`collection:${resource.kind}`, () =>
      this.crud<z.output<D['entity']>, never, never>(resource),
    )
  }

  /** CRUD of an editable collection, as its descriptor says. */
  editable<D extends EditedDescriptor>(resource: D): EntityResourceOf<D> {
    return this.memo(`editable:${resource.kind}`, () =>
      this.crud<z.output<D['entity']>, z.input<D['create']>, z.input<D['update']>>(resource),
    )
  }

  /** `GET` and `PUT` (with `version`) of a singleton. */
  singleton<D extends SingletonDescriptor>(
    resource: D,
  ): SingletonResource<z.output<D['entity']>, z.input<D['update']>> {
    const path = `/${resource.segment}`
    const schema = resource.entity as z.ZodType<z.output<D['entity']>>
    return {
      get: () => this.authed({ method: 'GET', path, schema }),
      update: (body) => this.authed({ method: 'PUT', path, json: body, schema }),
    }
  }

  /** Sends a command once (`Idempotency-Key` when given; refused without one when the command requires it). */
  command<D extends CommandDescriptor>(
    resource: D,
    body: z.input<D['body']>,
    idempotencyKey?: string,
  ): Promise<AnswerOf<D>> {
    if (resource.idempotency === 'required' && !idempotencyKey) {
      return Promise.reject(new Error(`${resource.path} needs an Idempotency-Key`))
    }
    return this.authed({
      method: 'POST',
      path: `/${resource.path}`,
      json: body,
      idempotencyKey: resource.idempotency === 'none' ? undefined : idempotencyKey,
      schema: resource.answer as z.ZodType<AnswerOf<D>> | null,
      timeoutMs: resource.timeoutMs,
    }) as Promise<AnswerOf<D>>
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
    purchases: (id: number, params: { offset?: number; limit?: number } = {}, signal?: AbortSignal) =>
      this.authed({
        method: 'GET',
        path: `/accounts/${id}/purchases`,
        query: params,
        schema: listOf(accountPurchase),
        signal,
      }),
    move: (body: AccountMoveRequest) => this.command(accountMove, body),
  }

  readonly operations = {
    create: (body: OperationCreate, idempotencyKey: string) =>
      this.command(operationCreateCommand, body, idempotencyKey),
    createGroup: (body: GroupOperationCreate, idempotencyKey: string) =>
      this.command(groupOperationCommand, body, idempotencyKey),
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

  /** An account's limits of paying with bonus now, and its temporary identifiers (API.md "settings"). */
  readonly accountBonus = {
    limits: (accountId: number, signal?: AbortSignal) =>
      this.authed({ method: 'GET', path: `/accounts/${accountId}/limits`, schema: accountLimits, signal }),
    temporaryIdentifier: (accountId: number) =>
      this.authed({
        method: 'POST',
        path: `/accounts/${accountId}/temporary_identifier`,
        schema: temporaryIdentifier,
      }),
  }

  /** A guest's discount level set by hand (API.md, accounts): both answer the account as it now is. */
  readonly stepOverride = {
    set: (accountId: number, body: StepOverrideRequest) =>
      this.authed({
        method: 'PUT',
        path: `/accounts/${accountId}/step_override`,
        json: body,
        schema: account,
      }),
    remove: (accountId: number, version: number) =>
      this.authed({
        method: 'DELETE',
        path: `/accounts/${accountId}/step_override`,
        query: { version },
        schema: account,
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

  private memo<T>(key: string, build: () => T): T {
    let resource = this.resources.get(key) as T | undefined
    if (resource === undefined) {
      resource = build()
      this.resources.set(key, resource)
    }
    return resource
  }

  private crud<T, Create, Update>(resource: ListedDescriptor): EntityResource<T, Create, Update> {
    if (resource.shape === 'singleton') return this.singletonAsCollection<T, Create, Update>(resource)
    const base = `/${resource.segment}`
    const item = resource.entity as z.ZodType<T>
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

  /**
   * A singleton edited through drafts, seen as a collection of one at `SINGLETON_ID` (its entity schema gives the
   * answer that id): get and list are `GET /<segment>`, update is `PUT /<segment>`; it has no create or delete.
   */
  private singletonAsCollection<T, Create, Update>(
    resource: DraftSingletonDescriptor,
  ): EntityResource<T, Create, Update> {
    const path = `/${resource.segment}`
    const schema = resource.entity as unknown as z.ZodType<T>
    const only = (id: number) => {
      if (id !== SINGLETON_ID) throw new ApiError('not_found', `${resource.noun} has one document only`)
    }
    const get = () => this.authed({ method: 'GET', path, schema })
    const refuse = () => Promise.reject(new Error(`${resource.noun} is one document: no create or delete`))
    return {
      list: async () => {
        const item = await get()
        return { items: [item], total: 1, offset: 0, limit: 1 }
      },
      listAll: async () => [await get()],
      get: async (id) => {
        only(id)
        return get()
      },
      update: async (id, body) => {
        only(id)
        return this.authed({ method: 'PUT', path, json: body, schema })
      },
      create: refuse,
      remove: refuse,
    }
  }
}
