// What a draft or outbox row is called in lists, toasts and dialogs: its title (a name, a code), or for a
// singleton (the program settings) the resource's own name, since one document needs no other.
import type { TFunction } from 'i18next'
import type { Draft } from '@shared/ipc'
import { DRAFT_RESOURCES } from '@shared/resources'

export function draftTitle(row: Pick<Draft, 'entity' | 'title'>, t: TFunction): string {
  if (DRAFT_RESOURCES[row.entity].shape === 'singleton') return t(`entities.${row.entity}`)
  return row.title || t('drafts.untitled')
}
