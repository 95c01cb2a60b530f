// An account's bonus as the account card shows it: what is pending and when each part becomes spendable, the
// limits of paying with bonus left for the current business day, week and month, and a temporary identifier.
// Online only: these are the server's figures of this moment.

import type { Operation } from '@shared/api'
import { addDays, availableAt, businessDayOf } from '@shared/domain/business-days'
import { toKopecks } from '@shared/domain/money'
import { SINGLETON_ID } from '@shared/resources'
import type { ApiClient } from '../../api/client'
import type { IpcHandlers } from '../registry'
import type { HandlerContext } from './context'
import { online, readOne } from './reads'

const PAGE = 500

export function accountBonusHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'accounts:bonus' | 'accounts:temporary-identifier'> {
  return {
    'accounts:bonus': async ({ id }, { signal }) => {
      const settings = (await readOne(ctx, 'settings', SINGLETON_ID)).item
      return online(ctx, async (api) => {
        const [account, limits] = await Promise.all([
          api.accounts.get(id, signal),
          api.accountBonus.limits(id, signal),
        ])
        const now = ctx.now()
        const pending: { amount: number; available_at: string }[] = []
        if (account.pending_balance > 0 && settings.accrual_delay_days > 0) {
          // Credits of the last `accrual_delay_days` business days (and a day either side) can still be pending.
          const from = addDays(businessDayOf(now, settings), -(settings.accrual_delay_days + 2))
          for (const credit of await bonusCredits(api, id, from, signal)) {
            const at = availableAt(Date.parse(credit.created_at), settings.accrual_delay_days, settings)
            if (at !== null && at > now)
              pending.push({ amount: credit.amount, available_at: new Date(at).toISOString() })
          }
          pending.sort((a, b) => a.available_at.localeCompare(b.available_at))
        }
        const total = pending.reduce((sum, credit) => sum + toKopecks(credit.amount), 0)
        return {
          account_id: id,
          balance: account.balance,
          pending_balance: account.pending_balance,
          pending,
          pending_complete: total === toKopecks(account.pending_balance),
          limits,
          temporary_identifiers: settings.temporary_identifiers.enabled,
        }
      })
    },
    'accounts:temporary-identifier': ({ id }) =>
      online(ctx, (api) => api.accountBonus.temporaryIdentifier(id)),
  }
}

async function bonusCredits(
  api: ApiClient,
  accountId: number,
  from: string,
  signal: AbortSignal,
): Promise<Operation[]> {
  const credits: Operation[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = await api.operations.list(
      { account_id: accountId, type: 'bonus', from, offset, limit: PAGE },
      signal,
    )
    credits.push(...page.items)
    if (page.items.length < PAGE || credits.length >= page.total) return credits
  }
}
