import { z } from 'zod'
import { activeListQuery, auditFields, id, MAX, name, version } from './common'

const accountGroupFields = {
  name: name(200),
  description: z.string().max(MAX.text).nullish(),
  ladder_id: id.nullish(),
  active: z.boolean(),
}

export const accountGroupCreate = z.strictObject(accountGroupFields)
export type AccountGroupCreate = z.infer<typeof accountGroupCreate>

export const accountGroupUpdate = z.strictObject({ ...accountGroupFields, version })
export type AccountGroupUpdate = z.infer<typeof accountGroupUpdate>

export const accountGroup = z.strictObject({
  id,
  name: z.string(),
  description: z.string().nullable(),
  ladder_id: id.nullable(),
  active: z.boolean(),
  accounts_count: z.number().int().min(0),
  version,
  ...auditFields,
})
export type AccountGroup = z.infer<typeof accountGroup>

export const accountGroupListQuery = activeListQuery
