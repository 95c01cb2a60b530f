import type { IdentifierType, IdentifierTypeCreate } from '@shared/api'
import type { ServerContext } from '../context'
import { createIdentifierType } from '../services/identifier-types'

/** What a guest can be recognised by at the till. Patterns are matched against the whole value. */
export const DEMO_IDENTIFIER_TYPES: readonly IdentifierTypeCreate[] = [
  {
    code: 'card',
    name: 'Номер карты',
    kind: 'card_number',
    pattern: '^\\d{6,16}$',
    min_length: 6,
    max_length: 16,
    unique: true,
    active: true,
  },
  {
    code: 'phone',
    name: 'Телефон',
    kind: 'phone',
    pattern: '^\\+7\\d{10}$',
    min_length: 12,
    max_length: 12,
    unique: true,
    active: true,
  },
  {
    // ISO 7813 track 2: start sentinel, PAN up to 19 digits, separator, expiry/service/discretionary, end sentinel.
    code: 'mag_track',
    name: 'Магнитная полоса (дорожка 2)',
    kind: 'magnetic_track',
    pattern: '^;\\d{1,19}=\\d{0,20}\\?$',
    min_length: 4,
    max_length: 40,
    unique: true,
    active: true,
  },
  {
    // The guest app shows a UUID as its QR code.
    code: 'qr',
    name: 'QR-код приложения',
    kind: 'qr',
    pattern: '^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$',
    min_length: 36,
    max_length: 36,
    unique: true,
    active: true,
  },
  {
    // A family may share one address, so e-mail is not unique.
    code: 'email',
    name: 'E-mail',
    kind: 'email',
    pattern: "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$",
    min_length: 6,
    max_length: 254,
    unique: false,
    active: true,
  },
]

export function seedIdentifierTypes(ctx: ServerContext): Map<string, IdentifierType> {
  return new Map(DEMO_IDENTIFIER_TYPES.map((type) => [type.code, createIdentifierType(ctx, type, 'admin')]))
}
