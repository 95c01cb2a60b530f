import { publicProfile } from '../../session/profiles'
import { secretKey } from '../../session/session'
import { IpcFailure } from '../errors'
import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'

export function profileHandlers(
  ctx: HandlerContext,
  secrets: { delete(key: string): Promise<void> },
): Pick<IpcHandlers, 'profiles:list' | 'profiles:save' | 'profiles:remove' | 'profiles:select'> {
  const list = () => ({ items: ctx.profiles.list(), selected_id: ctx.profiles.selectedId })

  /** Re-read the selected profile's session after it changed under the session manager. */
  const reselect = async () => {
    await ctx.session.restore('profile_changed')
    ctx.connectivity.reset()
    void ctx.checkConnectivity()
  }

  return {
    'profiles:list': list,
    'profiles:save': async (input) => {
      if (input.id && !ctx.profiles.get(input.id)) throw new IpcFailure('not_found', 'No such profile')
      const selectedBefore = ctx.profiles.selectedId
      if (input.id && input.id === selectedBefore) {
        const before = ctx.profiles.get(input.id)
        // A new address is another server: the old session does not belong to it.
        if (before && before.base_url !== input.base_url && ctx.session.status !== 'signed_out') {
          await ctx.session.signOut()
        }
      }
      const { profile, urlChanged } = await ctx.profiles.save(input)
      if (urlChanged) await secrets.delete(secretKey(profile.id))
      if (ctx.profiles.selectedId !== selectedBefore || (urlChanged && profile.id === selectedBefore)) {
        await reselect()
      }
      return publicProfile(profile)
    },
    'profiles:remove': async ({ id }) => {
      if (!ctx.profiles.get(id)) throw new IpcFailure('not_found', 'No such profile')
      const wasSelected = ctx.profiles.selectedId === id
      if (wasSelected && ctx.session.status !== 'signed_out') await ctx.session.signOut()
      await secrets.delete(secretKey(id))
      await ctx.profiles.remove(id)
      if (wasSelected) await reselect()
      return list()
    },
    'profiles:select': async ({ id }) => {
      if (!ctx.profiles.get(id)) throw new IpcFailure('not_found', 'No such profile')
      if (ctx.profiles.selectedId !== id) {
        await ctx.profiles.select(id)
        await reselect()
      }
      return ctx.session.state()
    },
  }
}
