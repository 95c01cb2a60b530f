// The account form: the create body's input shape (the shared schema is the form's resolver).
import type { z } from 'zod'
import type { Account, accountCreate } from '@shared/api'

export type AccountForm = z.input<typeof accountCreate>

export function accountToForm(account: Account | null, groupId: number | null = null): AccountForm {
  if (!account) {
    return {
      number: '',
      holder_name: null,
      phone: null,
      email: null,
      birth_date: null,
      group_id: groupId ?? (undefined as unknown as number),
      identifiers: [],
      blocked: false,
    }
  }
  return {
    number: account.number,
    holder_name: account.holder_name,
    phone: account.phone,
    email: account.email,
    birth_date: account.birth_date,
    group_id: account.group_id,
    identifiers: account.identifiers.map((identifier) => ({
      type_id: identifier.type_id,
      value: identifier.value,
    })),
    blocked: account.blocked,
  }
}
