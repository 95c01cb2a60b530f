// The identifier type form: the create body's input shape (the shared schema is the form's resolver).
import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { IdentifierType, identifierTypeCreate } from '@shared/api'

export type IdentifierTypeForm = z.input<typeof identifierTypeCreate>

export function identifierTypeToForm(type: IdentifierType | null): IdentifierTypeForm {
  if (!type) {
    return {
      code: '',
      name: '',
      kind: 'card_number',
      pattern: null,
      min_length: null,
      max_length: null,
      unique: true,
      active: true,
    }
  }
  return {
    code: type.code,
    name: type.name,
    kind: type.kind,
    pattern: type.pattern,
    min_length: type.min_length,
    max_length: type.max_length,
    unique: type.unique,
    active: type.active,
  }
}

/** "6–16", "ровно 12", "от 4", "любая". */
export function lengthsText(type: Pick<IdentifierType, 'min_length' | 'max_length'>, t: TFunction): string {
  const { min_length: min, max_length: max } = type
  if (min !== null && max !== null) {
    return min === max
      ? t('identifierTypes.lengthExactly', { length: min })
      : t('identifierTypes.lengthRange', { min, max })
  }
  if (min !== null) return t('identifierTypes.lengthFrom', { min })
  if (max !== null) return t('identifierTypes.lengthUpTo', { max })
  return t('identifierTypes.lengthAny')
}
