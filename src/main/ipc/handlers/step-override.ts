// A guest's discount level set by hand: online only (see shared/ipc/step-override.ts for why). The server's
// refusal comes back coded (a missing step at `index`, a day over at `until`, a stale version with the account
// as it is now); nothing is stored or queued here.
import type { Account } from '@shared/api'
import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

export function stepOverrideHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'accounts:set-step-override' | 'accounts:remove-step-override'> {
  const changed = (account: Account): Account => {
    ctx.events.emit('entities:changed', { entity: 'account', ids: [account.id], reason: 'synced' })
    return account
  }
  return {
    'accounts:set-step-override': async ({ id, override }) =>
      changed(await online(ctx, (api) => api.stepOverride.set(id, override))),
    'accounts:remove-step-override': async ({ id, version }) =>
      changed(await online(ctx, (api) => api.stepOverride.remove(id, version))),
  }
}
