import type { Selectable } from 'kysely'
import type { ActiveListQuery, ListEnvelope, User, UserCreate, UserUpdate } from '@shared/api'
import { hashPassword } from '../auth/passwords'
import { loginKey } from '../auth/service'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { UsersTable } from '../db/schema'
import { assertVersion, conflict, notFound } from '../errors'
import { countAll, listPage, withListFilters } from './lists'

// Users of the server, as ProBonus's web admin manages them. The guards (409): nobody deletes, deactivates or
// demotes themselves; the last active admin stays one. A new password, another role, deactivation or deletion
// ends every login session of that user at once (their next request is 401).

type UserRow = Selectable<UsersTable>

const USER_COLUMNS = [
  'id',
  'login',
  'role',
  'surname',
  'first_name',
  'patronymic',
  'name',
  'email',
  'comment',
  'active',
  'last_login_at',
  'version',
  'created_at',
  'updated_at',
  'updated_by',
] as const

const userFromRow = (row: Omit<UserRow, 'login_key' | 'password_hash'>): User => ({
  ...row,
  active: bool(row.active),
})

/** «Фамилия Имя Отчество», or the login when all three are empty. */
export const displayName = (fields: {
  login: string
  surname?: string | null
  first_name?: string | null
  patronymic?: string | null
}): string =>
  [fields.surname, fields.first_name, fields.patronymic]
    .map((part) => part?.trim() ?? '')
    .filter((part) => part !== '')
    .join(' ') || fields.login

export function listUsers(ctx: ServerContext, query: ActiveListQuery): ListEnvelope<User> {
  let base = withListFilters(ctx.db.q.selectFrom('users'), { q: query.q }, ['login', 'name', 'email'])
  if (query.active !== undefined) base = base.where('active', '=', query.active ? 1 : 0)
  const rows = base.select(USER_COLUMNS).orderBy('id').limit(query.limit).offset(query.offset)
  return listPage(ctx.db, { count: base.select(countAll), rows }, userFromRow, query)
}

function userRow(ctx: ServerContext, id: number): Omit<UserRow, 'login_key' | 'password_hash'> {
  const row = ctx.db.first(ctx.db.q.selectFrom('users').select(USER_COLUMNS).where('id', '=', id))
  if (!row) throw notFound('user', id, `User ${id} not found`)
  return row
}

export const getUser = (ctx: ServerContext, id: number): User => userFromRow(userRow(ctx, id))

function assertLoginFree(ctx: ServerContext, login: string, exceptId: number | null): void {
  const holder = ctx.db.first(
    ctx.db.q.selectFrom('users').select(['id', 'login']).where('login_key', '=', loginKey(login)),
  )
  if (holder && holder.id !== exceptId) {
    throw conflict('login_taken', { login }, `The login «${login}» is taken (logins do not differ by case)`)
  }
}

const activeAdmins = (ctx: ServerContext): number =>
  Number(
    ctx.db.first(
      ctx.db.q.selectFrom('users').select(countAll).where('role', '=', 'admin').where('active', '=', 1),
    )?.total ?? 0,
  )

const nullable = (text: string | null | undefined): string | null =>
  text === undefined || text === null || text.trim() === '' ? null : text.trim()

const editableFields = (input: UserCreate | UserUpdate) => {
  const login = input.login.trim()
  const fields = {
    login,
    login_key: loginKey(login),
    role: input.role,
    surname: nullable(input.surname),
    first_name: nullable(input.first_name),
    patronymic: nullable(input.patronymic),
    email: nullable(input.email),
    comment: nullable(input.comment),
    active: input.active === false ? 0 : 1,
  }
  return { ...fields, name: displayName(fields) }
}

export async function createUser(ctx: ServerContext, input: UserCreate, actor: string | null): Promise<User> {
  const passwordHash = await hashPassword(input.password)
  return ctx.db.tx(() => {
    const fields = editableFields(input)
    assertLoginFree(ctx, fields.login, null)
    const now = ctx.nowIso()
    const inserted = ctx.db.first(
      ctx.db.q
        .insertInto('users')
        .values({
          ...fields,
          password_hash: passwordHash,
          created_at: now,
          updated_at: now,
          updated_by: actor,
        })
        .returning('id'),
    )
    if (!inserted) throw new Error('User insert returned no id')
    return getUser(ctx, inserted.id)
  })
}

export async function updateUser(
  ctx: ServerContext,
  id: number,
  input: UserUpdate,
  caller: { id: number; login: string },
): Promise<User> {
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return ctx.db.tx(() => {
    const current = userRow(ctx, id)
    assertVersion(current.version, input.version, () => userFromRow(current))
    const fields = editableFields(input)
    assertLoginFree(ctx, fields.login, id)
    const demoted = current.role === 'admin' && fields.role !== 'admin'
    const deactivated = bool(current.active) && fields.active === 0
    if (id === caller.id && (demoted || deactivated)) {
      throw conflict(
        'self_change',
        {},
        'You cannot deactivate yourself or take your own admin role: ask another admin',
      )
    }
    if (
      (demoted || deactivated) &&
      current.role === 'admin' &&
      bool(current.active) &&
      activeAdmins(ctx) <= 1
    ) {
      throw conflict('last_admin', {}, 'This is the last active admin: make another user an admin first')
    }
    ctx.db.run(
      ctx.db.q
        .updateTable('users')
        .set({
          ...fields,
          ...(passwordHash ? { password_hash: passwordHash } : {}),
          version: current.version + 1,
          updated_at: ctx.nowIso(),
          updated_by: caller.login,
        })
        .where('id', '=', id),
    )
    if (passwordHash || current.role !== fields.role || deactivated) {
      ctx.auth.endSessionsOf(id, passwordHash ? 'password changed' : 'role or access changed')
    }
    return getUser(ctx, id)
  })
}

export function deleteUser(ctx: ServerContext, id: number, version: number, caller: { id: number }): void {
  ctx.db.tx(() => {
    const current = userRow(ctx, id)
    assertVersion(current.version, version, () => userFromRow(current))
    if (id === caller.id) throw conflict('self_change', {}, 'You cannot delete yourself: ask another admin')
    if (current.role === 'admin' && bool(current.active) && activeAdmins(ctx) <= 1) {
      throw conflict('last_admin', {}, 'This is the last active admin: make another user an admin first')
    }
    ctx.auth.endSessionsOf(id, 'user deleted')
    ctx.db.run(ctx.db.q.deleteFrom('users').where('id', '=', id))
  })
}
