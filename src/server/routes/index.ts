import type { ServerContext } from '../context'
import type { ZodApp } from '../http'
import { accountGroupRoutes } from './account-groups'
import { accountRoutes } from './accounts'
import { authRoutes } from './auth'
import { healthRoutes } from './health'
import { identifierTypeRoutes } from './identifier-types'
import { ladderRoutes } from './ladders'
import { operationRoutes } from './operations'
import { reportRoutes } from './reports'
import { rkDiscountRoutes } from './rk-discounts'
import { settingsRoutes } from './settings'
import { userRoutes } from './users'

/** Every route under /api/v0, one file per domain. Part 2 adds accounts, operations, reports here. */
export function registerApiRoutes(app: ZodApp, ctx: ServerContext): void {
  healthRoutes(app)
  authRoutes(app, ctx)
  userRoutes(app, ctx)
  rkDiscountRoutes(app, ctx)
  ladderRoutes(app, ctx)
  accountGroupRoutes(app, ctx)
  identifierTypeRoutes(app, ctx)
  accountRoutes(app, ctx)
  operationRoutes(app, ctx)
  reportRoutes(app, ctx)
  settingsRoutes(app, ctx)
}
