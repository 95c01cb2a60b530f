// An account's purchases (what tills reported), newest first: what a `rolling_days` ladder sums, so the app can
// say which bills count toward the step and when each stops counting.
import type { AccountPurchase, AccountPurchasesQuery, ListEnvelope } from '@shared/api'
import { fromKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { getAccountRow } from './accounts'
import { envelope } from './lists'
import { rowsOf, valueOf } from './sql'

export function listAccountPurchases(
  ctx: ServerContext,
  accountId: number,
  query: AccountPurchasesQuery,
): ListEnvelope<AccountPurchase> {
  getAccountRow(ctx, accountId)
  const rows = rowsOf<{ id: number; amount: number; created_at: string }>(
    ctx,
    `SELECT id, amount, created_at FROM purchases WHERE account_id = ?
     ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?`,
    accountId,
    query.limit,
    query.offset,
  )
  const total = valueOf<number>(ctx, 'SELECT count(*) FROM purchases WHERE account_id = ?', accountId) ?? 0
  return envelope(
    rows.map((row) => ({ id: row.id, amount: fromKopecks(row.amount), created_at: row.created_at })),
    total,
    query,
  )
}
