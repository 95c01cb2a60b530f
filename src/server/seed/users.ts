import type { Role } from '@shared/api'
import { loginKey } from '../auth/service'
import type { ServerContext } from '../context'

/** The demo password of every demo user, as on the vendor's public demo. */
export const DEMO_PASSWORD = '111'

export const DEMO_USERS: readonly { login: string; name: string; role: Role }[] = [
  { login: 'admin', name: 'Администратор', role: 'admin' },
  { login: 'marketing', name: 'Маркетолог', role: 'marketing' },
  { login: 'viewer', name: 'Наблюдатель', role: 'viewer' },
]

/** Inserts a user; `passwordHash` comes from `hashPassword` (async, so it is computed before the transaction). */
export function insertUser(
  ctx: ServerContext,
  user: { login: string; name: string; role: Role; passwordHash: string; email?: string | null },
): number {
  const now = ctx.nowIso()
  const row = ctx.db.first(
    ctx.db.q
      .insertInto('users')
      .values({
        login: user.login,
        login_key: loginKey(user.login),
        name: user.name,
        role: user.role,
        password_hash: user.passwordHash,
        active: 1,
        email: user.email ?? null,
        comment: null,
        created_at: now,
        updated_at: now,
      })
      .returning('id'),
  )
  if (!row) throw new Error(`Could not insert user ${user.login}`)
  return row.id
}

export function seedUsers(ctx: ServerContext, passwordHashes: readonly string[]): void {
  DEMO_USERS.forEach((user, i) => insertUser(ctx, { ...user, passwordHash: passwordHashes[i] ?? '' }))
}
