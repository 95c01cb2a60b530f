import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

export function reportHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'reports:balances' | 'reports:operations' | 'reports:ladder-steps'> {
  return {
    'reports:balances': (_input, { signal }) => online(ctx, (api) => api.reports.balances(signal)),
    'reports:operations': ({ from, to }, { signal }) =>
      online(ctx, (api) => api.reports.operations(from, to, signal)),
    'reports:ladder-steps': ({ ladder_id }, { signal }) =>
      online(ctx, (api) => api.reports.ladderSteps(ladder_id, signal)),
  }
}
