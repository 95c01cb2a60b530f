// The account group form: the create body's input shape (the shared schema is the form's resolver), whose ladder
// may also be one created here that is still waiting in the outbox (`new:<op_id>`: main sends the group once the
// ladder has its id).
import { z } from 'zod'
import { accountGroupCreate, type AccountGroup } from '@shared/api'
import { createRef } from '@shared/ipc'

export const accountGroupForm = accountGroupCreate.extend({
  ladder_id: z.union([accountGroupCreate.shape.ladder_id, createRef]),
})

export type AccountGroupForm = z.input<typeof accountGroupForm>

export function accountGroupToForm(group: AccountGroup | null): AccountGroupForm {
  if (!group) return { name: '', description: null, ladder_id: null, active: true }
  return {
    name: group.name,
    description: group.description,
    ladder_id: group.ladder_id,
    active: group.active,
  }
}
