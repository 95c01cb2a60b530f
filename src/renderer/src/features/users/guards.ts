// What the server refuses to do to a user (API.md "users": 409 `self_change`, `last_admin`), known before the
// click: the controls are disabled with the reason, the same words the refusal would carry.
import type { User } from '@shared/api'

export type UserGuard = 'self' | 'last_admin'

export interface UserGuards {
  /** Taking away the admin role. */
  role: UserGuard | null
  /** Turning the user off. */
  deactivate: UserGuard | null
  delete: UserGuard | null
}

/**
 * The guards of `user` for the signed-in admin `meId`; `activeAdmins` is how many active admins the server has.
 * The last active admin's reason wins over "yourself" (it is the one that stays true whoever asks).
 */
export function guardsFor(
  user: Pick<User, 'id' | 'role' | 'active'>,
  meId: number | null,
  activeAdmins: number,
): UserGuards {
  const lastAdmin = user.role === 'admin' && user.active && activeAdmins <= 1
  const self = meId !== null && user.id === meId
  const demoting: UserGuard | null = lastAdmin ? 'last_admin' : self && user.role === 'admin' ? 'self' : null
  const removing: UserGuard | null = lastAdmin ? 'last_admin' : self ? 'self' : null
  return { role: demoting, deactivate: user.active ? removing : null, delete: removing }
}
