// All UI texts, one section per area. A new screen adds its section file and one line per language here.
import { common, entities, errors, roles, shortcuts, table, validation } from './common'
import { accountGroups } from './account-groups'
import { accounts } from './accounts'
import { conflict, drafts, editor, fields } from './drafts'
import { entityScreen } from './entity-screen'
import { errorCodes } from './errors'
import { identifierTypes } from './identifier-types'
import { ladders } from './ladders'
import { ladderInsight } from './ladder-insight'
import { operations } from './operations'
import { reports } from './reports'
import { rkDiscounts } from './rk-discounts'
import { session } from './session'
import { shell } from './shell'
import { accountBonus, passwordChange, settingsScreen, users } from './users-settings'
import { stepOverride } from './step-override'

export const ruTexts = {
  common: common.ru,
  table: table.ru,
  validation: validation.ru,
  shortcuts: shortcuts.ru,
  roles: roles.ru,
  entities: entities.ru,
  errors: errors.ru,
  errorCodes: errorCodes.ru,
  shell: shell.ru,
  session: session.ru,
  drafts: drafts.ru,
  conflict: conflict.ru,
  fields: fields.ru,
  editor: editor.ru,
  ladders: ladders.ru,
  ladderInsight: ladderInsight.ru,
  entityScreen: entityScreen.ru,
  rkDiscounts: rkDiscounts.ru,
  identifierTypes: identifierTypes.ru,
  accountGroups: accountGroups.ru,
  operations: operations.ru,
  reports: reports.ru,
  users: users.ru,
  passwordChange: passwordChange.ru,
  settingsScreen: settingsScreen.ru,
  accountBonus: accountBonus.ru,
  stepOverride: stepOverride.ru,
  accounts: accounts.ru,
}

export type Texts = typeof ruTexts

export const enTexts: { [K in keyof Texts]: unknown } = {
  common: common.en,
  table: table.en,
  validation: validation.en,
  shortcuts: shortcuts.en,
  roles: roles.en,
  entities: entities.en,
  errors: errors.en,
  errorCodes: errorCodes.en,
  shell: shell.en,
  session: session.en,
  drafts: drafts.en,
  conflict: conflict.en,
  fields: fields.en,
  editor: editor.en,
  ladders: ladders.en,
  ladderInsight: ladderInsight.en,
  entityScreen: entityScreen.en,
  rkDiscounts: rkDiscounts.en,
  identifierTypes: identifierTypes.en,
  accountGroups: accountGroups.en,
  operations: operations.en,
  reports: reports.en,
  users: users.en,
  passwordChange: passwordChange.en,
  settingsScreen: settingsScreen.en,
  accountBonus: accountBonus.en,
  stepOverride: stepOverride.en,
  accounts: accounts.en,
}
