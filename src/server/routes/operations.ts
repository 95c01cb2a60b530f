import {
  groupOperationCreate,
  groupOperationResult,
  idempotencyHeaders,
  listOf,
  operation,
  operationCreate,
  operationListQuery,
  purchaseRequest,
  purchaseResult,
  requiredIdempotencyHeaders,
} from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, ANY_ROLE, caller, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { idempotentCreate } from '../services/idempotency'
import { createGroupOperation, createOperation, listOperations, recordPurchase } from '../services/operations'

const tags = ['operations']

export function operationRoutes(app: ZodApp, ctx: ServerContext): void {
  app.post(
    '/operations/create',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Deposit or withdraw bonus (admin); Idempotency-Key required. A withdrawal above the balance: 422 ' +
          'stating the balance; a blocked account: 409.',
        security: SECURITY,
        headers: requiredIdempotencyHeaders,
        body: operationCreate,
        response: { 201: operation, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      const actor = caller(request).user.login
      const answer = idempotentCreate(ctx, request, operation, () =>
        createOperation(ctx, request.body, actor),
      )
      return reply.code(201).send(answer.body)
    },
  )

  app.post(
    '/operations/create_group',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'The same deposit or withdrawal on every account of a group (admin), atomically: a blocked account ' +
          '(409) or a balance below the withdrawal (422) changes nothing. Idempotency-Key required.',
        security: SECURITY,
        headers: requiredIdempotencyHeaders,
        body: groupOperationCreate,
        response: { 201: groupOperationResult, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      const actor = caller(request).user.login
      const answer = idempotentCreate(ctx, request, groupOperationResult, () =>
        createGroupOperation(ctx, request.body, actor),
      )
      return reply.code(201).send(answer.body)
    },
  )

  app.post(
    '/operations/purchase',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'A paid bill from a till (admin): adds to spend_total and visits, credits the bonus of the step the ' +
          'guest held when paying; step is the account’s step afterwards. An Idempotency-Key makes retries safe.',
        security: SECURITY,
        headers: idempotencyHeaders,
        body: purchaseRequest,
        response: { 200: purchaseResult, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request, reply) => {
      const actor = caller(request).user.login
      const answer = idempotentCreate(
        ctx,
        request,
        purchaseResult,
        () => recordPurchase(ctx, request.body, actor),
        200,
      )
      return reply.code(200).send(answer.body)
    },
  )

  app.get(
    '/operations/list',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary:
          'The ledger, newest first: by account, group (the account’s group when the operation was made), type ' +
          'and UTC days from…to (inclusive)',
        security: SECURITY,
        querystring: operationListQuery,
        response: { 200: listOf(operation), ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => listOperations(ctx, request.query),
  )
}
