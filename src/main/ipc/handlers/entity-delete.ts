import type { Draft, DraftEntity } from '@shared/ipc'
import { IpcFailure } from '../errors'
import type { HandlerContext } from './context'
import { entityForEdit } from './reads'

/** Deletes go through the outbox like every write: queue a delete on the cached (or given) version. */
export async function queueDelete(
  ctx: HandlerContext,
  entity: DraftEntity,
  id: number,
  version: number | undefined,
): Promise<Draft> {
  const base = await entityForEdit(ctx, entity, id)
  const row = await ctx.workspace().queueDelete(entity, base, version ?? base.version)
  if (!row) throw new IpcFailure('internal', 'The delete was not queued')
  ctx.wakeWorker()
  return row
}
