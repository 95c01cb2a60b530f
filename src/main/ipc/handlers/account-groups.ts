import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { queueDelete } from './entity-delete'
import { readList, readOne } from './reads'

export function accountGroupHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'account-groups:list' | 'account-groups:get' | 'account-groups:delete'> {
  return {
    'account-groups:list': (input) =>
      readList(ctx, 'account_group', (api) => api.accountGroups.listAll(), input?.refresh),
    'account-groups:get': ({ id, refresh }) =>
      readOne(ctx, 'account_group', id, (api) => api.accountGroups.get(id), refresh),
    'account-groups:delete': ({ id, version }) => queueDelete(ctx, 'account_group', id, version),
  }
}
