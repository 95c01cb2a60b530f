// All UI texts, one section per area. A new screen adds its section file and one line per language here.
import { common, entities, errors, roles, shortcuts, table, validation } from './common'
import { conflict, drafts, editor, fields } from './drafts'
import { ladders } from './ladders'
import { session } from './session'
import { shell } from './shell'

export const ruTexts = {
  common: common.ru,
  table: table.ru,
  validation: validation.ru,
  shortcuts: shortcuts.ru,
  roles: roles.ru,
  entities: entities.ru,
  errors: errors.ru,
  shell: shell.ru,
  session: session.ru,
  drafts: drafts.ru,
  conflict: conflict.ru,
  fields: fields.ru,
  editor: editor.ru,
  ladders: ladders.ru,
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
  shell: shell.en,
  session: session.en,
  drafts: drafts.en,
  conflict: conflict.en,
  fields: fields.en,
  editor: editor.en,
  ladders: ladders.en,
}
