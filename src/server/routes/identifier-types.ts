import {
  identifierCheckRequest,
  identifierCheckResult,
  identifierType,
  identifierTypeCreate,
  identifierTypeUpdate,
  idParams,
} from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, ANY_ROLE, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import {
  checkIdentifier,
  createIdentifierType,
  deleteIdentifierType,
  getIdentifierType,
  listIdentifierTypes,
  updateIdentifierType,
} from '../services/identifier-types'
import { crudRoutes } from './crud'

export function identifierTypeRoutes(app: ZodApp, ctx: ServerContext): void {
  crudRoutes(app, ctx, {
    segment: 'identifier_types',
    noun: 'identifier type',
    item: identifierType,
    createBody: identifierTypeCreate,
    updateBody: identifierTypeUpdate,
    writers: ADMIN_ONLY,
    list: listIdentifierTypes,
    get: getIdentifierType,
    create: createIdentifierType,
    update: updateIdentifierType,
    remove: deleteIdentifierType,
  })

  app.post(
    '/identifier_types/:id/check',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['identifier_types'],
        summary: 'Test scan: would this value be accepted as an identifier of this type',
        security: SECURITY,
        params: idParams,
        body: identifierCheckRequest,
        response: { 200: identifierCheckResult, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => checkIdentifier(ctx, request.params.id, request.body.value),
  )
}
