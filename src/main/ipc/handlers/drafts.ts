import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { entityForEdit } from './reads'

export function draftHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'drafts:list' | 'drafts:get' | 'drafts:save' | 'drafts:discard' | 'drafts:publish'> {
  return {
    'drafts:list': (input) => {
      const workspace = ctx.workspace()
      return { items: workspace.list(input?.entity), counts: workspace.counts() }
    },
    'drafts:get': ({ id }) => ctx.workspace().get(id),
    'drafts:save': async ({ publish, ...input }) => {
      const workspace = ctx.workspace()
      const draft = await workspace.saveDraft(input, (entity, id) => entityForEdit(ctx, entity, id))
      if (!publish) return draft
      const row = await workspace.publish(draft.id)
      ctx.wakeWorker()
      return row
    },
    'drafts:discard': async ({ id }) => {
      await ctx.workspace().discard(id)
      return { id }
    },
    'drafts:publish': async ({ id }) => {
      const row = await ctx.workspace().publish(id)
      ctx.wakeWorker()
      return row
    },
  }
}
