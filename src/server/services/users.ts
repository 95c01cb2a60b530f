import type { ListEnvelope, ListQuery, User } from '@shared/api'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import { countAll, listPage, withListFilters } from './lists'

export function listUsers(ctx: ServerContext, query: ListQuery): ListEnvelope<User> {
  const base = withListFilters(ctx.db.q.selectFrom('users'), { q: query.q }, ['login', 'name'])
  const rows = base
    .select(['id', 'login', 'name', 'role', 'active'])
    .orderBy('id')
    .limit(query.limit)
    .offset(query.offset)
  return listPage(
    ctx.db,
    { count: base.select(countAll), rows },
    (row) => ({ ...row, active: bool(row.active) }),
    query,
  )
}
