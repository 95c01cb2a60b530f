// The account group form: the create body's input shape (the shared schema is the form's resolver).
import type { z } from 'zod'
import type { AccountGroup, accountGroupCreate } from '@shared/api'

export type AccountGroupForm = z.input<typeof accountGroupCreate>

export function accountGroupToForm(group: AccountGroup | null): AccountGroupForm {
  if (!group) return { name: '', description: null, ladder_id: null, active: true }
  return {
    name: group.name,
    description: group.description,
    ladder_id: group.ladder_id,
    active: group.active,
  }
}

/** The group a create became: names are not unique, so the newest group with the name that was sent. */
export function findCreatedGroup(payload: unknown, items: readonly AccountGroup[]): AccountGroup | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined
  const name = (payload as { name?: unknown }).name
  if (typeof name !== 'string') return undefined
  let newest: AccountGroup | undefined
  for (const item of items) if (item.name === name.trim() && (!newest || item.id > newest.id)) newest = item
  return newest
}
