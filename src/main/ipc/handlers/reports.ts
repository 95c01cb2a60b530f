import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

export function reportHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'reports:balances' | 'reports:operations' | 'reports:ladder-steps'> {
  return {
    'reports:balances': () => online(ctx, (api) => api.reports.balances()),
    'reports:operations': ({ from, to }) => online(ctx, (api) => api.reports.operations(from, to)),
    'reports:ladder-steps': ({ ladder_id }) => online(ctx, (api) => api.reports.ladderSteps(ladder_id)),
  }
}
