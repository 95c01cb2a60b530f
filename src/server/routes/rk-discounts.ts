import {
  idParams,
  listOf,
  rkDiscount,
  rkDiscountImportRequest,
  rkDiscountImportResult,
  rkDiscountListQuery,
} from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, ANY_ROLE, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { getRkDiscount, importRkDiscounts, listRkDiscounts } from '../services/rk-discounts'

const tags = ['rk_discounts']

export function rkDiscountRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(
    '/rk_discounts/list',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'The R-Keeper discount catalog',
        security: SECURITY,
        querystring: rkDiscountListQuery,
        response: { 200: listOf(rkDiscount), ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => listRkDiscounts(ctx, request.query),
  )

  app.get(
    '/rk_discounts/:id',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary: 'One R-Keeper discount',
        security: SECURITY,
        params: idParams,
        response: { 200: rkDiscount, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => getRkDiscount(ctx, request.params.id),
  )

  app.post(
    '/rk_discounts/import',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary: 'Sync from R-Keeper (admin): upsert by rk_code; codes missing from the list become inactive',
        security: SECURITY,
        body: rkDiscountImportRequest,
        response: { 200: rkDiscountImportResult, ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => importRkDiscounts(ctx, request.body),
  )
}
