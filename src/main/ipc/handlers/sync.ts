import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'

export function syncHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'sync:status' | 'sync:check' | 'sync:retry' | 'sync:resolve'> {
  return {
    'sync:status': () => ctx.syncStatus(),
    'sync:check': async () => {
      await ctx.checkConnectivity()
      return ctx.syncStatus()
    },
    'sync:retry': async (input) => {
      await ctx.workspace().retry(input?.id)
      ctx.wakeWorker(true)
      if (!ctx.connectivity.online) void ctx.checkConnectivity()
      return ctx.syncStatus()
    },
    'sync:resolve': async ({ id, resolution, merged }) => {
      const draft = await ctx.workspace().resolve(id, resolution, merged)
      ctx.wakeWorker(true)
      return { draft }
    },
  }
}
