// The line under an identifier in the account editor: what its type's rules say of the value as it is typed (the
// shared identifierValueProblems, the same the server applies), and, once typing pauses with the value valid,
// whether another account already holds it (the server's check: only the server knows). Offline, or for an
// identifier this account already holds, only the rules are said.
import type { IdentifierType } from '@shared/api'
import { codePointLength, identifierValueProblems } from '@shared/domain'
import { useIpcQuery } from '../../app/queries'
import { identifierProblemText, useHolderNumber } from '../identifier-types/problem-text'
import { useDebouncedValue } from '../../app/useDebouncedValue'
import { useT } from '../../app/useT'
import { useOnline } from '../sync/store'

/** How long typing must pause before the server is asked whether the value is taken. */
export const TAKEN_CHECK_DEBOUNCE_MS = 350

export interface IdentifierCheckProps {
  id: string
  type: IdentifierType | undefined
  value: string
  /** The account being edited (null: a new one): its own identifiers are not "taken". */
  accountId: number | null
}

export function IdentifierCheck({ id, type, value, accountId }: IdentifierCheckProps): React.JSX.Element {
  const t = useT()
  const online = useOnline()
  const problems = type && value !== '' ? identifierValueProblems(type, value) : []
  const length = codePointLength(value)

  const settled = useDebouncedValue(value, TAKEN_CHECK_DEBOUNCE_MS)
  const asking = type !== undefined && online && value !== '' && problems.length === 0 && settled === value
  const check = useIpcQuery('identifier-types:check', asking ? { id: type.id, value } : null)
  // The server's answer for the value as it is now (`asking` follows typing: an answer for an older value is not it).
  const answered = asking && check.data !== undefined
  const takenBy = answered ? (check.data?.taken_by_account_id ?? null) : null
  const takenByOther = takenBy !== null && takenBy !== accountId
  const holder = useHolderNumber(takenByOther ? takenBy : null)

  const texts =
    value === '' || !type
      ? []
      : takenByOther
        ? [identifierProblemText(t, 'taken', { length, holder })]
        : problems.map((problem) => identifierProblemText(t, problem.code, { length, ...problem.params }))
  const invalid = texts.length > 0
  return (
    <p
      id={id}
      className={invalid ? 'field__error account-identifiers__check' : 'account-identifiers__check muted'}
      aria-live="polite"
      data-testid="identifier-check"
    >
      {value === '' || !type
        ? ''
        : invalid
          ? texts.join('; ')
          : answered
            ? t('accounts.identifiers.validFree', { type: type.name })
            : t('accounts.identifiers.valid', { type: type.name })}
    </p>
  )
}
