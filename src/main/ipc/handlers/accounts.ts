import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

export function accountHandlers(ctx: HandlerContext): Pick<IpcHandlers, 'accounts:list' | 'accounts:get'> {
  return {
    'accounts:list': (input, { signal }) => online(ctx, (api) => api.accounts.list({ ...input }, signal)),
    'accounts:get': ({ id }, { signal }) => online(ctx, (api) => api.accounts.get(id, signal)),
  }
}
