import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { queueDelete } from './entity-delete'
import { online, readList, readOne } from './reads'

export function ladderHandlers(
  ctx: HandlerContext,
): Pick<
  IpcHandlers,
  'ladders:list' | 'ladders:get' | 'ladders:history' | 'ladders:preview' | 'ladders:delete'
> {
  return {
    'ladders:list': (input) => readList(ctx, 'ladder', (api) => api.ladders.listAll(), input?.refresh),
    'ladders:get': ({ id, refresh }) => readOne(ctx, 'ladder', id, (api) => api.ladders.get(id), refresh),
    'ladders:history': ({ id }, { signal }) => online(ctx, (api) => api.ladderHistory(id, signal)),
    'ladders:preview': ({ ladder, group_id }, { signal }) =>
      online(ctx, (api) => api.ladderPreview(ladder, group_id, signal)),
    'ladders:delete': ({ id, version }) => queueDelete(ctx, 'ladder', id, version),
  }
}
