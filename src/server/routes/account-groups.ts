import { accountGroups } from '@shared/resources'
import type { ServerContext } from '../context'
import type { ZodApp } from '../http'
import {
  createAccountGroup,
  deleteAccountGroup,
  getAccountGroup,
  listAccountGroups,
  updateAccountGroup,
} from '../services/account-groups'
import { crudRoutes } from './crud'

export function accountGroupRoutes(app: ZodApp, ctx: ServerContext): void {
  crudRoutes(app, ctx, accountGroups, {
    list: listAccountGroups,
    get: getAccountGroup,
    create: createAccountGroup,
    update: updateAccountGroup,
    remove: deleteAccountGroup,
  })
}
