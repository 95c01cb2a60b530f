import {
  account,
  accountCreate,
  accountLimits,
  accountListQuery,
  accountPurchase,
  accountPurchasesQuery,
  temporaryIdentifier,
  accountMoveRequest,
  accountMoveResult,
  accountUpdate,
  idempotencyHeaders,
  idParams,
  listOf,
  STEP_OVERRIDE_WRITERS,
  stepOverrideRequest,
  versionQuery,
} from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, ANY_ROLE, caller, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { SEARCH_COUNT_CAP } from '../services/account-search'
import { listAccountPurchases } from '../services/account-purchases'
import { accountLimits as readAccountLimits } from '../services/bonus-balance'
import { issueTemporaryIdentifier } from '../services/temporary-identifiers'
import { createAccount, getAccount, listAccounts, moveAccounts, updateAccount } from '../services/accounts'
import { idempotentCreate } from '../services/idempotency'
import { removeStepOverride, setStepOverride } from '../services/step-override-commands'

const tags = ['accounts']

export function accountRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(
    '/accounts/list',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary:
          'Guests’ accounts, by id. q: case-insensitive PREFIX of any word of the holder name, the e-mail, the ' +
          'number, the phone (typed any way: +7…, 8…, with spaces) or an identifier value (ё = е); a query of 3 ' +
          'digits or more matches those digits ANYWHERE in the number, the phone and identifier values (the last ' +
          '4 digits of a phone find it), by id; with 7 digits or more, the keys that START with them come first ' +
          '(in key order), then the others by id. A search matching ' +
          `more than ${SEARCH_COUNT_CAP.toLocaleString('en')} keys reports total = ${SEARCH_COUNT_CAP + 1} ` +
          '("more than"); other totals are exact.',
        security: SECURITY,
        querystring: accountListQuery,
        response: { 200: listOf(account), ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => listAccounts(ctx, request.query),
  )

  app.get(
    '/accounts/:id',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'One account, with its balance, totals and ladder step',
        security: SECURITY,
        params: idParams,
        response: { 200: account, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => getAccount(ctx, request.params.id),
  )

  app.post(
    '/accounts/create',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Create an account (admin). Identifiers must satisfy their type (422 at the identifier); a unique ' +
          'type’s value or a number another account holds: 409. An Idempotency-Key makes retries safe.',
        security: SECURITY,
        headers: idempotencyHeaders,
        body: accountCreate,
        response: { 201: account, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      const actor = caller(request).user.login
      const answer = idempotentCreate(ctx, request, account, () => createAccount(ctx, request.body, actor))
      return reply.code(201).send(answer.body)
    },
  )

  app.put(
    '/accounts/:id',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Update an account (admin): send the version it was based on; a stale one is 409 with current',
        security: SECURITY,
        params: idParams,
        body: accountUpdate,
        response: { 200: account, ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request) => updateAccount(ctx, request.params.id, request.body, caller(request).user.login),
  )

  app.post(
    '/accounts/move',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Move accounts to another group (admin): `account_ids`, or every account of `from_group_id`, to ' +
          '`to_group_id`. All or nothing: unknown ids are a 404 naming them. Each moved account gets a new version.',
        security: SECURITY,
        body: accountMoveRequest,
        response: { 200: accountMoveResult, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => moveAccounts(ctx, request.body, caller(request).user.login),
  )

  app.get(
    '/accounts/:id/purchases',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary:
          'The bills tills reported for the account (operations/purchase), newest first: what a rolling_days ' +
          'ladder sums over its window',
        security: SECURITY,
        params: idParams,
        querystring: accountPurchasesQuery,
        response: { 200: listOf(accountPurchase), ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => listAccountPurchases(ctx, request.params.id, request.query),
  )

  app.get(
    '/accounts/:id/limits',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary:
          'What the account may still pay with bonus in the current business day, week and month: per limit of ' +
          'the settings its limit, what was paid and what is left (null: no limit)',
        security: SECURITY,
        params: idParams,
        response: { 200: accountLimits, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => {
      getAccount(ctx, request.params.id)
      return readAccountLimits(ctx, request.params.id)
    },
  )

  app.post(
    '/accounts/:id/temporary_identifier',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Issue a temporary identifier (admin): a numeric code of the settings’ length that finds the account ' +
          '(accounts/list q) until it expires after ttl_minutes. 409 while the settings have them off.',
        security: SECURITY,
        params: idParams,
        response: { 201: temporaryIdentifier, ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(issueTemporaryIdentifier(ctx, request.params.id, caller(request).user.login)),
  )

  app.put(
    '/accounts/:id/step_override',
    {
      config: { access: STEP_OVERRIDE_WRITERS },
      schema: {
        tags,
        summary:
          'Set the discount level by hand (admin, marketing): `pin` holds the account at step `index` whatever it ' +
          'accumulated, `floor` at least at it; through the business day `until` (null: until removed), with a ' +
          'reason. `index` must be a step of the ladder of the account’s group (422 at index). It ends by itself ' +
          'when the account changes group or the ladder loses that step. Send the account’s version.',
        security: SECURITY,
        params: idParams,
        body: stepOverrideRequest,
        response: { 200: account, ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request) => setStepOverride(ctx, request.params.id, request.body, caller(request).user.login),
  )

  app.delete(
    '/accounts/:id/step_override',
    {
      config: { access: STEP_OVERRIDE_WRITERS },
      schema: {
        tags,
        summary:
          'Remove the discount level set by hand (admin, marketing) at ?version=N of the account; the step is the ' +
          'accumulated one again. Without one nothing changes.',
        security: SECURITY,
        params: idParams,
        querystring: versionQuery,
        response: { 200: account, ...errors(...PROTECTED_ERRORS, 404, 409) },
      },
    },
    async (request) =>
      removeStepOverride(ctx, request.params.id, request.query.version, caller(request).user.login),
  )
}
