// The rules an identifier value must satisfy for its type, once: the server's 422 and "test scan", and the
// editor's live check run this. The whole value must match the pattern (compiled `^(?:pattern)$` with the `u`
// flag); lengths are counted in code points (an emoji counts once).

export interface IdentifierRules {
  pattern?: string | null
  min_length?: number | null
  max_length?: number | null
}

export type IdentifierValueProblem =
  | { code: 'inactive_type'; params: { type: string }; message: string }
  | { code: 'too_short'; params: { min: number; length: number }; message: string }
  | { code: 'too_long'; params: { max: number; length: number }; message: string }
  | { code: 'pattern_mismatch'; params: Record<string, never>; message: string }

export type CompiledPattern = { ok: true; regex: RegExp | null } | { ok: false; message: string }

const compiled = new Map<string, RegExp>()

/** `^(?:pattern)$` with the `u` flag (cached); an empty or absent pattern matches anything. */
export function compileIdentifierPattern(pattern: string | null | undefined): CompiledPattern {
  if (pattern === null || pattern === undefined || pattern === '') return { ok: true, regex: null }
  const known = compiled.get(pattern)
  if (known) return { ok: true, regex: known }
  try {
    const regex = new RegExp(`^(?:${pattern})$`, 'u')
    if (compiled.size > 500) compiled.clear()
    compiled.set(pattern, regex)
    return { ok: true, regex }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

/** What is wrong with a pattern that does not compile, as a person fixes it. */
export const REGEX_PROBLEMS = [
  'unclosed_group',
  'unmatched_paren',
  'unclosed_class',
  'nothing_to_repeat',
  'quantifier_order',
  'range_order',
  'trailing_backslash',
  'bad_escape',
  'other',
] as const
export type RegexProblem = (typeof REGEX_PROBLEMS)[number]

/** The engine's words for each problem (V8's messages; anything else is `other`). */
const ENGINE_WORDS: [RegExp, RegexProblem][] = [
  [/Unterminated group/i, 'unclosed_group'],
  [/Unmatched '\)'/i, 'unmatched_paren'],
  [/Unterminated character class/i, 'unclosed_class'],
  [/Nothing to repeat|Lone quantifier/i, 'nothing_to_repeat'],
  [/out of order in \{\} quantifier|Incomplete quantifier/i, 'quantifier_order'],
  [/Range out of order/i, 'range_order'],
  [/escape|named reference|property name/i, 'bad_escape'],
]

/** Why `pattern` does not compile, or null when it does. */
export function regexProblem(pattern: string | null | undefined): RegexProblem | null {
  const result = compileIdentifierPattern(pattern)
  if (result.ok) return null
  // A lone backslash at the end escapes the wrapper's closing parenthesis: the engine says «unterminated group».
  if (/(?:^|[^\\])(?:\\\\)*\\$/.test(pattern ?? '')) return 'trailing_backslash'
  return ENGINE_WORDS.find(([words]) => words.test(result.message))?.[1] ?? 'other'
}

/** True when `pattern` compiles as the whole-value regular expression of a type. */
export function patternCompiles(pattern: string): boolean {
  return compileIdentifierPattern(pattern).ok
}

/** Length in code points, as the server counts it. */
export function codePointLength(value: string): number {
  let length = 0
  for (const _ of value) length++
  return length
}

const isBound = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value)

/**
 * What is wrong with `value` for a type with these rules (an inactive type first when `type` says so; a pattern
 * that does not compile matches nothing). `taken` needs the database and is the server's.
 */
export function identifierValueProblems(
  rules: IdentifierRules & { active?: boolean; name?: string },
  value: string,
): IdentifierValueProblem[] {
  const problems: IdentifierValueProblem[] = []
  if (rules.active === false) {
    const type = rules.name ?? ''
    problems.push({
      code: 'inactive_type',
      params: { type },
      message: `The identifier type «${type}» is inactive`,
    })
  }
  const length = codePointLength(value)
  if (isBound(rules.min_length) && length < rules.min_length) {
    const min = rules.min_length
    problems.push({
      code: 'too_short',
      params: { min, length },
      message: `At least ${min} characters (got ${length})`,
    })
  }
  if (isBound(rules.max_length) && length > rules.max_length) {
    const max = rules.max_length
    problems.push({
      code: 'too_long',
      params: { max, length },
      message: `At most ${max} characters (got ${length})`,
    })
  }
  const pattern = compileIdentifierPattern(rules.pattern)
  if (!pattern.ok || (pattern.regex && !pattern.regex.test(value))) {
    problems.push({
      code: 'pattern_mismatch',
      params: {},
      message: `The value does not match the pattern ${rules.pattern ?? ''}`,
    })
  }
  return problems
}
