import type { ListEnvelope, ListQuery, User } from '../../shared/api'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import { containsText, countAll, envelope } from './lists'

export function listUsers(ctx: ServerContext, query: ListQuery): ListEnvelope<User> {
  const { db } = ctx
  let base = db.q.selectFrom('users')
  const q = query.q?.trim()
  if (q) base = base.where((eb) => eb.or([containsText('login', q), containsText('name', q)]))
  const total = db.first(base.select(countAll))?.total ?? 0
  const rows = db.all(
    base
      .select(['id', 'login', 'name', 'role', 'active'])
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset),
  )
  return envelope(
    rows.map((row) => ({ ...row, active: bool(row.active) })),
    total,
    query,
  )
}
