import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { queueDelete } from './entity-delete'
import { online, readList, readOne } from './reads'

export function identifierTypeHandlers(
  ctx: HandlerContext,
): Pick<
  IpcHandlers,
  'identifier-types:list' | 'identifier-types:get' | 'identifier-types:check' | 'identifier-types:delete'
> {
  return {
    'identifier-types:list': (input) =>
      readList(ctx, 'identifier_type', (api) => api.identifierTypes.listAll(), input?.refresh),
    'identifier-types:get': ({ id, refresh }) =>
      readOne(ctx, 'identifier_type', id, (api) => api.identifierTypes.get(id), refresh),
    'identifier-types:check': ({ id, value }, { signal }) =>
      online(ctx, (api) => api.identifierCheck(id, value, signal)),
    'identifier-types:delete': ({ id, version }) => queueDelete(ctx, 'identifier_type', id, version),
  }
}
