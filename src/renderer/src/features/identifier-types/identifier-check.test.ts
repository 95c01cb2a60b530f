import { describe, expect, it } from 'vitest'
import { patternCompiles } from '@shared/api'
import { checkValueLocally, codePointLength, compilePattern, rulesDiffer } from './identifier-check'

describe('checkValueLocally', () => {
  it('matches the whole value, as the server does', () => {
    const rules = { pattern: '\\d{6,16}' }
    expect(checkValueLocally('123456', rules)).toEqual({ status: 'checked', valid: true, problems: [] })
    expect(checkValueLocally('x123456', rules)).toMatchObject({
      valid: false,
      problems: [{ code: 'pattern_mismatch' }],
    })
    // An alternation is anchored as a whole: "ab" is neither "a" nor "b".
    expect(checkValueLocally('ab', { pattern: 'a|b' })).toMatchObject({ valid: false })
    expect(checkValueLocally('b', { pattern: 'a|b' })).toMatchObject({ valid: true })
  })

  it('counts lengths in code points and reports both bounds', () => {
    expect(codePointLength('😀😀')).toBe(2)
    expect(checkValueLocally('😀😀', { min_length: 2, max_length: 2 })).toMatchObject({ valid: true })
    expect(checkValueLocally('12', { min_length: 3, pattern: '\\d+' })).toEqual({
      status: 'checked',
      valid: false,
      problems: [{ code: 'too_short', min: 3, length: 2 }],
    })
    expect(checkValueLocally('abcd', { max_length: 3, pattern: '\\d+' })).toEqual({
      status: 'checked',
      valid: false,
      problems: [{ code: 'too_long', max: 3, length: 4 }, { code: 'pattern_mismatch' }],
    })
  })

  it('says when there is nothing to check or the pattern does not compile', () => {
    expect(checkValueLocally('', { pattern: '\\d+' })).toEqual({ status: 'empty' })
    const broken = checkValueLocally('1', { pattern: '(\\d' })
    expect(broken.status).toBe('broken-pattern')
    expect(checkValueLocally('anything', { pattern: null })).toMatchObject({ valid: true })
    expect(checkValueLocally('anything', { pattern: '' })).toMatchObject({ valid: true })
  })

  it('compiles exactly what the shared schema accepts', () => {
    for (const pattern of [
      '\\d+',
      '(\\d',
      '[a-',
      '\\p{L}+',
      'a{2,1}',
      '\\k<x>',
      '(?<x>a)\\k<x>',
      '\\u{1F600}',
    ]) {
      expect(compilePattern(pattern).ok).toBe(patternCompiles(pattern))
    }
  })
})

describe('rulesDiffer', () => {
  it('treats an empty pattern as none and compares the lengths', () => {
    const saved = { pattern: null, min_length: 6, max_length: null }
    expect(rulesDiffer({ pattern: '', min_length: 6, max_length: undefined }, saved)).toBe(false)
    expect(rulesDiffer({ pattern: '\\d+', min_length: 6, max_length: null }, saved)).toBe(true)
    expect(rulesDiffer({ pattern: null, min_length: 7, max_length: null }, saved)).toBe(true)
  })
})
