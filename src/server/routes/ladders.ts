import { idParams, ladderHistory } from '@shared/api'
import { ladders } from '@shared/resources'
import type { ServerContext } from '../context'
import { ANY_ROLE, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import {
  createLadder,
  deleteLadder,
  getLadder,
  ladderHistory as readLadderHistory,
  listLadders,
  listLaddersJson,
  updateLadder,
} from '../services/ladders'
import { crudRoutes } from './crud'

/** Ladders: CRUD (writes by admin and marketing) and history. Part 2 adds `POST /ladders/preview` here. */
export function ladderRoutes(app: ZodApp, ctx: ServerContext): void {
  crudRoutes(app, ctx, ladders, {
    list: listLadders,
    listJson: listLaddersJson,
    get: getLadder,
    create: createLadder,
    update: updateLadder,
    remove: deleteLadder,
  })

  app.get(
    '/ladders/:id/history',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags: ['ladders'],
        summary: 'Every version of the ladder, newest first (the current one first)',
        security: SECURITY,
        params: idParams,
        response: { 200: ladderHistory, ...errors(...PROTECTED_ERRORS, 404) },
      },
    },
    async (request) => readLadderHistory(ctx, request.params.id),
  )
}
