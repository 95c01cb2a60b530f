import { identifierCheckRequest, identifierCheckResult, idParams } from '@shared/api'
import { identifierTypes } from '@shared/resources'
import type { ServerContext } from '../context'
import { ANY_ROLE, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
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
  crudRoutes(app, ctx, identifierTypes, {
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
