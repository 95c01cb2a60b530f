// The whole handler table, one file per domain.
import type { IpcHandlers } from '../registry'
import { accountBonusHandlers } from './account-bonus'
import { accountHandlers } from './accounts'
import { catalogHandlers } from './catalog'
import type { HandlerContext } from './context'
import { draftHandlers } from './drafts'
import { fileHandlers, type HostCapabilities } from './files'
import { identifierTypeHandlers } from './identifier-types'
import { ladderHandlers } from './ladders'
import { operationHandlers } from './operations'
import { profileHandlers } from './profiles'
import { reportHandlers } from './reports'
import { resourceHandlers } from './resources'
import { sessionHandlers } from './session'
import { stepOverrideHandlers } from './step-override'
import { syncHandlers } from './sync'
import { userHandlers } from './users'

export type { HandlerContext } from './context'
export type { HostCapabilities } from './files'

export function createHandlers(
  ctx: HandlerContext,
  secrets: { delete(key: string): Promise<void> },
  host: HostCapabilities = {},
): IpcHandlers {
  return {
    ...sessionHandlers(ctx),
    ...profileHandlers(ctx, secrets),
    ...resourceHandlers(ctx),
    ...catalogHandlers(ctx),
    ...ladderHandlers(ctx),
    ...identifierTypeHandlers(ctx),
    ...draftHandlers(ctx),
    ...syncHandlers(ctx),
    ...accountHandlers(ctx),
    ...operationHandlers(ctx),
    ...reportHandlers(ctx),
    ...fileHandlers(host),
    ...userHandlers(ctx),
    ...accountBonusHandlers(ctx),
    ...stepOverrideHandlers(ctx),
  }
}
