// The generic channels of every resource, built from its descriptor: `<prefix>:list` and `<prefix>:get` read
// the server when it can be asked and the on-disk cache otherwise; `<prefix>:delete` queues a delete in the outbox.
// Channels a resource has beyond these live in its own handler file (ladders.ts, identifier-types.ts, catalog.ts).

import {
  CACHED_KINDS,
  CACHED_RESOURCES,
  resourceChannel,
  SINGLETON_ID,
  type ResourceChannel,
} from '@shared/resources'
import { draftEntity } from '@shared/ipc'
import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { queueDelete } from './entity-delete'
import { readList, readOne } from './reads'

type Handler = (input: unknown) => unknown

export function resourceHandlers(ctx: HandlerContext): Pick<IpcHandlers, ResourceChannel> {
  const handlers: Record<string, Handler> = {}
  for (const kind of CACHED_KINDS) {
    const { ipc, shape } = CACHED_RESOURCES[kind]
    const { verbs } = ipc
    for (const verb of verbs) {
      const channel = resourceChannel(kind, verb)
      if (verb === 'list') {
        handlers[channel] = (input) =>
          readList(ctx, kind, (input as { refresh?: boolean } | undefined)?.refresh)
      } else if (verb === 'get') {
        handlers[channel] = (input) => {
          // A singleton's one document sits at SINGLETON_ID (its `get` takes no id).
          const { id = SINGLETON_ID, refresh } = (input ?? {}) as { id?: number; refresh?: boolean }
          return readOne(ctx, kind, shape === 'singleton' ? SINGLETON_ID : id, refresh)
        }
      } else {
        const entity = draftEntity.parse(kind)
        handlers[channel] = (input) => {
          const { id, version } = input as { id: number; version?: number }
          return queueDelete(ctx, entity, id, version)
        }
      }
    }
  }
  return handlers as unknown as Pick<IpcHandlers, ResourceChannel>
}
