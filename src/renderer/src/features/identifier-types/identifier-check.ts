// The local half of "test a value": the same rules the server applies (the whole value must match the pattern,
// compiled with the `u` flag; lengths in code points), run on the form as it is being edited. Pure.

import { codePointLength } from '@shared/domain'

export interface IdentifierRules {
  pattern?: string | null
  min_length?: number | null
  max_length?: number | null
}

export type LocalProblem =
  | { code: 'pattern_mismatch' }
  | { code: 'too_short'; min: number; length: number }
  | { code: 'too_long'; max: number; length: number }

export type CompiledPattern = { ok: true; regex: RegExp | null } | { ok: false; message: string }

/** `^(?:pattern)$` with the `u` flag, as the server compiles it; an empty or absent pattern matches anything. */
export function compilePattern(pattern: string | null | undefined): CompiledPattern {
  if (pattern === null || pattern === undefined || pattern === '') return { ok: true, regex: null }
  try {
    return { ok: true, regex: new RegExp(`^(?:${pattern})$`, 'u') }
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) }
  }
}

export type LocalCheck =
  | { status: 'empty' }
  | { status: 'broken-pattern'; message: string }
  | { status: 'checked'; valid: boolean; problems: LocalProblem[] }

// Length in code points (an emoji counts once), as the server counts it: the shared function.
export { codePointLength }

function isBound(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

export function checkValueLocally(value: string, rules: IdentifierRules): LocalCheck {
  if (value === '') return { status: 'empty' }
  const compiled = compilePattern(rules.pattern)
  if (!compiled.ok) return { status: 'broken-pattern', message: compiled.message }
  const problems: LocalProblem[] = []
  const length = codePointLength(value)
  if (isBound(rules.min_length) && length < rules.min_length) {
    problems.push({ code: 'too_short', min: rules.min_length, length })
  }
  if (isBound(rules.max_length) && length > rules.max_length) {
    problems.push({ code: 'too_long', max: rules.max_length, length })
  }
  if (compiled.regex && !compiled.regex.test(value)) problems.push({ code: 'pattern_mismatch' })
  return { status: 'checked', valid: problems.length === 0, problems }
}

/** True when the rules in the form differ from the saved type's (the server checks the saved ones). */
export function rulesDiffer(form: IdentifierRules, saved: IdentifierRules): boolean {
  const norm = (rules: IdentifierRules) => [
    rules.pattern === '' ? null : (rules.pattern ?? null),
    rules.min_length ?? null,
    rules.max_length ?? null,
  ]
  const [a, b] = [norm(form), norm(saved)]
  return a.some((value, index) => value !== b[index])
}
