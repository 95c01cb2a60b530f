import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'

export function sessionHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'session:state' | 'session:login' | 'session:logout'> {
  return {
    'session:state': () => ctx.session.state(),
    'session:login': async ({ username, password }) => {
      const state = await ctx.session.signIn(username, password)
      ctx.connectivity.reportOnline()
      return state
    },
    'session:logout': () => ctx.session.signOut(),
  }
}
