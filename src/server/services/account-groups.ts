import type {
  AccountGroup,
  AccountGroupCreate,
  AccountGroupUpdate,
  ActiveListQuery,
  ListEnvelope,
} from '@shared/api'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { AccountGroupsTable } from '../db/schema'
import { assertVersion, conflict, fieldError, type HttpError, notFound } from '../errors'
import { countAll, listPage, withListFilters } from './lists'
import { valueOf } from './sql'
import { firstVersion, insertedId, nextVersion } from './versioned'
import { endOverridesOfGroup } from './step-overrides'

/** 422 at `loc` (e.g. `['body', 'group_id']`): the body names an account group that does not exist. */
export const noSuchGroup = (loc: (string | number)[], groupId: number): HttpError =>
  fieldError(
    loc,
    'reference_not_found',
    { resource: 'account_group', id: groupId },
    `Account group ${groupId} does not exist`,
    'not_found',
  )

/** Throws `noSuchGroup` unless the group exists. */
export function assertGroupExists(ctx: ServerContext, loc: (string | number)[], groupId: number): void {
  if (valueOf(ctx, 'SELECT 1 FROM account_groups WHERE id = ?', groupId) === undefined) {
    throw noSuchGroup(loc, groupId)
  }
}

type AccountGroupRow = Omit<AccountGroupsTable, 'id' | 'accounts_count'> & {
  id: number
  accounts_count: number
}

const COLUMNS = [
  'id',
  'name',
  'description',
  'ladder_id',
  'active',
  'accounts_count',
  'version',
  'created_at',
  'updated_at',
  'updated_by',
] as const

export function accountGroupFromRow(row: AccountGroupRow): AccountGroup {
  return { ...row, active: bool(row.active) }
}

export function findAccountGroup(ctx: ServerContext, id: number): AccountGroup | undefined {
  const row = ctx.db.first(ctx.db.q.selectFrom('account_groups').select(COLUMNS).where('id', '=', id))
  return row ? accountGroupFromRow(row) : undefined
}

export function getAccountGroup(ctx: ServerContext, id: number): AccountGroup {
  const group = findAccountGroup(ctx, id)
  if (!group) throw notFound('account_group', id, `Account group ${id} not found`)
  return group
}

export function listAccountGroups(ctx: ServerContext, query: ActiveListQuery): ListEnvelope<AccountGroup> {
  const base = withListFilters(ctx.db.q.selectFrom('account_groups'), query, ['name', 'description'])
  const rows = base.select(COLUMNS).orderBy('id').limit(query.limit).offset(query.offset)
  return listPage(ctx.db, { count: base.select(countAll), rows }, accountGroupFromRow, query)
}

/** `ladder_id` must name an existing ladder: 422 at `['body', 'ladder_id']`. */
function assertLadderExists(ctx: ServerContext, ladderId: number | null | undefined): void {
  if (ladderId === null || ladderId === undefined) return
  const found = ctx.db.first(ctx.db.q.selectFrom('ladders').select('id').where('id', '=', ladderId))
  if (!found)
    throw fieldError(
      ['body', 'ladder_id'],
      'reference_not_found',
      { resource: 'ladder', id: ladderId },
      `Ladder ${ladderId} does not exist`,
      'not_found',
    )
}

const groupFields = (input: AccountGroupCreate) => ({
  name: input.name,
  description: input.description ?? null,
  ladder_id: input.ladder_id ?? null,
  active: input.active ? 1 : 0,
})

export function createAccountGroup(
  ctx: ServerContext,
  input: AccountGroupCreate,
  actor: string | null,
): AccountGroup {
  const { db } = ctx
  return db.tx(() => {
    assertLadderExists(ctx, input.ladder_id)
    const values = { ...groupFields(input), ...firstVersion(ctx, actor) }
    const inserted = db.first(db.q.insertInto('account_groups').values(values).returning('id'))
    return getAccountGroup(ctx, insertedId(inserted, 'account_groups'))
  })
}

export function updateAccountGroup(
  ctx: ServerContext,
  id: number,
  input: AccountGroupUpdate,
  actor: string | null,
): AccountGroup {
  const { db } = ctx
  return db.tx(() => {
    const current = getAccountGroup(ctx, id)
    assertVersion(current.version, input.version, () => current)
    assertLadderExists(ctx, input.ladder_id)
    const values = { ...groupFields(input), ...nextVersion(ctx, current, actor) }
    if (values.ladder_id !== current.ladder_id) endOverridesOfGroup(ctx, id, values.ladder_id)
    db.run(db.q.updateTable('account_groups').set(values).where('id', '=', id))
    return getAccountGroup(ctx, id)
  })
}

export function deleteAccountGroup(ctx: ServerContext, id: number, version: number): void {
  const { db } = ctx
  db.tx(() => {
    const current = getAccountGroup(ctx, id)
    assertVersion(current.version, version, () => current)
    if (current.accounts_count > 0) {
      throw conflict(
        'group_has_accounts',
        { group: current.name, accounts: current.accounts_count },
        `The group «${current.name}» still has ${current.accounts_count} accounts; move them to another group first.`,
      )
    }
    db.run(db.q.deleteFrom('account_groups').where('id', '=', id))
  })
}
