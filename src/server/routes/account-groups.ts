import { accountGroup, accountGroupCreate, accountGroupUpdate } from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, type ZodApp } from '../http'
import {
  createAccountGroup,
  deleteAccountGroup,
  getAccountGroup,
  listAccountGroups,
  updateAccountGroup,
} from '../services/account-groups'
import { crudRoutes } from './crud'

export function accountGroupRoutes(app: ZodApp, ctx: ServerContext): void {
  crudRoutes(app, ctx, {
    segment: 'account_groups',
    noun: 'account group',
    item: accountGroup,
    createBody: accountGroupCreate,
    updateBody: accountGroupUpdate,
    writers: ADMIN_ONLY,
    list: listAccountGroups,
    get: getAccountGroup,
    create: createAccountGroup,
    update: updateAccountGroup,
    remove: deleteAccountGroup,
  })
}
