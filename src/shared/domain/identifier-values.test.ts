import { describe, expect, it } from 'vitest'
import { identifierTypeCreate } from '../api'
import { regexProblem } from './identifier-values'

describe('what is wrong with a pattern', () => {
  it.each([
    ['(\\d{4}', 'unclosed_group'],
    ['\\d{4})', 'unmatched_paren'],
    ['[0-9', 'unclosed_class'],
    ['*\\d', 'nothing_to_repeat'],
    ['\\d{6,4}', 'quantifier_order'],
    ['[9-0]', 'range_order'],
    ['\\d\\', 'trailing_backslash'],
    ['\\q', 'bad_escape'],
  ] as const)('%s → %s', (pattern, problem) => {
    expect(regexProblem(pattern)).toBe(problem)
  })

  it('a pattern that compiles has none; an escaped backslash at the end is fine', () => {
    expect(regexProblem('\\d{16}')).toBeNull()
    expect(regexProblem('a\\\\')).toBeNull()
    expect(regexProblem(null)).toBeNull()
  })

  it('the schema refuses it with the problem as a param (the server sends it, the app says it)', () => {
    const result = identifierTypeCreate.safeParse({
      code: 'card',
      name: 'Карта',
      kind: 'card_number',
      pattern: '(\\d{4}',
      unique: true,
      active: true,
    })
    expect(result.error?.issues.map((issue) => [issue.path, (issue as { params?: unknown }).params])).toEqual(
      [[['pattern'], { code: 'regex_invalid', problem: 'unclosed_group' }]],
    )
  })
})
