import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

/** Ladders beyond list/get/delete (resources.ts): history and the impact preview, online only. */
export function ladderHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'ladders:history' | 'ladders:preview'> {
  return {
    'ladders:history': ({ id }, { signal }) => online(ctx, (api) => api.ladderHistory(id, signal)),
    'ladders:preview': ({ ladder, group_id }, { signal }) =>
      online(ctx, (api) => api.ladderPreview(ladder, group_id, signal)),
  }
}
