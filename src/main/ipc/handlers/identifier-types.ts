import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

/** Identifier types beyond list/get/delete (resources.ts): the server's "test scan", online only. */
export function identifierTypeHandlers(ctx: HandlerContext): Pick<IpcHandlers, 'identifier-types:check'> {
  return {
    'identifier-types:check': ({ id, value }, { signal }) =>
      online(ctx, (api) => api.identifierCheck(id, value, signal)),
  }
}
