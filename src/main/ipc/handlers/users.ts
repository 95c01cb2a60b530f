// The people who log in (admin) and my own password. Online only, never a draft: a create and a new password
// carry a secret that must not reach the outbox, a log or a file; a role or active change ends that user's
// sessions at once, and an administrator must see it done (or refused: yourself, the last admin) there and then.
// The inputs are validated by the contract; nothing here stores or logs them.

import type { User } from '@shared/api'
import { passwordChange, users } from '@shared/resources'
import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

type UserChannels =
  'users:list' | 'users:get' | 'users:create' | 'users:update' | 'users:delete' | 'session:change-password'

export function userHandlers(ctx: HandlerContext): Pick<IpcHandlers, UserChannels> {
  const changed = (ids: number[]) =>
    ctx.events.emit('entities:changed', { entity: 'user', ids, reason: 'synced' })
  return {
    'users:list': (input) =>
      online(ctx, async (api) => {
        const everyone = await api.editable(users).listAll({ q: input?.q, active: input?.active })
        const activeAdmins = input?.q || input?.active === false ? await countActiveAdmins(api) : null
        return {
          items: input?.role ? everyone.filter((user) => user.role === input.role) : everyone,
          active_admins:
            activeAdmins ?? everyone.filter((user) => user.role === 'admin' && user.active).length,
        }
      }),
    'users:get': ({ id }) => online(ctx, (api) => api.editable(users).get(id)),
    'users:create': (body) =>
      online(ctx, async (api) => {
        const created = await api.editable(users).create(body)
        changed([created.id])
        return created
      }),
    'users:update': ({ id, user }) =>
      online(ctx, async (api) => {
        const updated = await api.editable(users).update(id, user)
        changed([id])
        return updated
      }),
    'users:delete': ({ id, version }) =>
      online(ctx, async (api) => {
        await api.editable(users).remove(id, version)
        changed([id])
        return { id }
      }),
    // The server ends my other sessions and keeps this one: main's tokens stay valid, nothing to do here.
    'session:change-password': (body) =>
      online(ctx, async (api) => {
        await api.command(passwordChange, body)
        return {}
      }),
  }
}

async function countActiveAdmins(api: ReturnType<HandlerContext['api']>): Promise<number> {
  const active: User[] = await api.editable(users).listAll({ active: true })
  return active.filter((user) => user.role === 'admin').length
}
