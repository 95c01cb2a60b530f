// What is wrong with an identifier value, said in the UI language by its problem's code: one wording for the type
// editor's "test a value" and for the account editor's identifiers, whether the rules were checked here or by
// the server.
import type { TFunction } from 'i18next'
import { useIpcQuery } from '../../app/queries'

export interface ProblemFigures {
  /** The value's length in code points. */
  length: number
  min?: number | string | null
  max?: number | string | null
  /** The card number of the account that holds the value (`taken`), when known. */
  holder?: string | null
}

export function identifierProblemText(
  t: TFunction<'translation'>,
  code: string,
  figures: ProblemFigures,
): string {
  switch (code) {
    case 'too_short':
      return t('identifierTypes.test.problem.too_short', { min: figures.min ?? '', length: figures.length })
    case 'too_long':
      return t('identifierTypes.test.problem.too_long', { max: figures.max ?? '', length: figures.length })
    case 'pattern_mismatch':
      return t('identifierTypes.test.problem.pattern_mismatch')
    case 'inactive_type':
      return t('identifierTypes.test.problem.inactive_type')
    case 'taken':
      return figures.holder
        ? t('identifierTypes.test.problem.taken', { number: figures.holder })
        : t('identifierTypes.test.problem.takenUnknown')
    default:
      return code
  }
}

/** "Taken by account 17" means nothing to a person: the card number of the account holding a value, once read. */
export function useHolderNumber(accountId: number | null): string | null {
  const holder = useIpcQuery('accounts:get', accountId === null ? null : { id: accountId })
  return holder.data?.number ?? null
}
