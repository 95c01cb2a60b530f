import {
  balancesReport,
  ladderPreview,
  ladderPreviewQuery,
  ladderStepsReport,
  ladderStepsReportQuery,
  operationsReport,
  operationsReportQuery,
} from '@shared/api'
import { ladderPreviewChecked } from '@shared/domain'
import type { ServerContext } from '../context'
import { ANY_ROLE, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import {
  balancesReport as readBalances,
  ladderPreview as previewLadder,
  ladderStepsReport as readLadderSteps,
  operationsReport as readOperations,
} from '../services/reports'

/** The read-only reports, and the ladder impact preview (a report on a ladder that is not stored). */
export function reportRoutes(app: ZodApp, ctx: ServerContext): void {
  const read = { config: { access: ANY_ROLE } }
  const tags = ['reports']

  app.get(
    '/reports/balances',
    {
      ...read,
      schema: {
        tags,
        summary: 'Per account group: accounts and the sum of their balances',
        security: SECURITY,
        response: { 200: balancesReport, ...errors(...PROTECTED_ERRORS) },
      },
    },
    async () => readBalances(ctx),
  )

  app.get(
    '/reports/operations',
    {
      ...read,
      schema: {
        tags,
        summary: 'Operations per UTC day and type, from…to inclusive',
        security: SECURITY,
        querystring: operationsReportQuery,
        response: { 200: operationsReport, ...errors(...PROTECTED_ERRORS) },
      },
    },
    async (request) => readOperations(ctx, request.query),
  )

  app.get(
    '/reports/ladder_steps',
    {
      ...read,
      schema: {
        tags,
        summary: 'Accounts per step of a ladder, over the accounts of the groups that use it',
        security: SECURITY,
        querystring: ladderStepsReportQuery,
        response: { 200: ladderStepsReport, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => readLadderSteps(ctx, request.query.ladder_id),
  )

  app.post(
    '/ladders/preview',
    {
      ...read,
      schema: {
        tags: ['ladders'],
        summary:
          'What a proposed ladder would do, storing nothing: over the accounts of ?group_id= (or of the groups ' +
          'that use the ladder id), accounts per step and how many move up, down or stay against their current step',
        security: SECURITY,
        querystring: ladderPreviewQuery,
        body: ladderPreviewChecked,
        response: { 200: ladderPreview, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => previewLadder(ctx, request.body, request.query),
  )
}
