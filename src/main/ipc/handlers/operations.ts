// Money operations: online only. Nothing here is a draft, queued or written to disk; the renderer holds the
// Idempotency-Key of each attempt and sends it again when it retries that attempt.
import { fromKopecks, MAX_MONEY_ROUBLES, toKopecks } from '@shared/domain'
import { accountGroups } from '@shared/resources'
import { IpcFailure } from '../errors'
import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online } from './reads'

type OperationChannels =
  'operations:list' | 'operations:create' | 'operations:group-preview' | 'operations:create-group'

export function operationHandlers(ctx: HandlerContext): Pick<IpcHandlers, OperationChannels> {
  const changed = (accountIds: number[], operationIds: number[]) => {
    ctx.events.emit('entities:changed', { entity: 'operation', ids: operationIds, reason: 'synced' })
    ctx.events.emit('entities:changed', { entity: 'account', ids: accountIds, reason: 'synced' })
  }
  return {
    'operations:list': (input, { signal }) => online(ctx, (api) => api.operations.list({ ...input }, signal)),

    'operations:create': async ({ idempotency_key, operation }) => {
      const created = await online(ctx, (api) => api.operations.create(operation, idempotency_key))
      changed([created.account_id], [created.id])
      return created
    },

    'operations:group-preview': async ({ group_id, type, amount }, { signal }) => {
      const [group, balances] = await online(ctx, (api) =>
        Promise.all([api.collection(accountGroups).get(group_id), api.reports.balances(signal)]),
      )
      const totalKopecks = toKopecks(amount) * group.accounts_count
      if (totalKopecks > MAX_MONEY_ROUBLES * 100) {
        throw new IpcFailure('validation', `The total would exceed ${MAX_MONEY_ROUBLES} roubles`, {
          reason: { code: 'amount_too_large', params: { max: MAX_MONEY_ROUBLES } },
        })
      }
      return {
        group_id,
        name: group.name,
        type,
        amount,
        accounts: group.accounts_count,
        total: fromKopecks(totalKopecks),
        balance_total: balances.items.find((item) => item.group_id === group_id)?.balance_total ?? 0,
      }
    },

    'operations:create-group': async ({ idempotency_key, operation }) => {
      const result = await online(ctx, (api) => api.operations.createGroup(operation, idempotency_key))
      // Every account of the group changed: the whole lists are re-read.
      changed([], [])
      return result
    },
  }
}
