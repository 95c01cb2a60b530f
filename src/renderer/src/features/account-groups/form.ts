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
