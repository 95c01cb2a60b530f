import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

export function operationHandlers(ctx: HandlerContext): Pick<IpcHandlers, 'operations:list'> {
  return {
    'operations:list': (input, { signal }) => online(ctx, (api) => api.operations.list({ ...input }, signal)),
  }
}
