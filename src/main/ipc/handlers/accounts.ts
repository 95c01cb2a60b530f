import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online, readList, readOne } from './reads'

type AccountChannels = 'accounts:list' | 'accounts:get' | 'accounts:purchases' | 'accounts:move'

export function accountHandlers(ctx: HandlerContext): Pick<IpcHandlers, AccountChannels> {
  return {
    'accounts:list': (input, { signal }) => online(ctx, (api) => api.accounts.list({ ...input }, signal)),
    // Always asks the server when it can (a balance moves without an event here); offline, the copy main keeps
    // of an account opened or edited before.
    'accounts:get': async ({ id }) => (await readOne(ctx, 'account', id, true)).item,
    'accounts:purchases': ({ id, ...page }, { signal }) =>
      online(ctx, (api) => api.accounts.purchases(id, page, signal)),
    'accounts:move': async (body) => {
      const result = await online(ctx, (api) => api.accounts.move(body))
      // The groups' account counts changed: main's cached list would answer the old ones for a few seconds.
      await readList(ctx, 'account_group', true).catch(() => undefined)
      ctx.events.emit('entities:changed', { entity: 'account', ids: body.account_ids ?? [], reason: 'moved' })
      ctx.events.emit('entities:changed', { entity: 'account_group', ids: [], reason: 'moved' })
      return result
    },
  }
}
