import { describe, expect, it } from 'vitest'
import { parseEditorParams } from './editor-route'

describe('parseEditorParams', () => {
  it('reads nothing, an id, a new entity and a new entity’s draft', () => {
    expect(parseEditorParams([])).toEqual({ kind: 'none' })
    expect(parseEditorParams([''])).toEqual({ kind: 'none' })
    expect(parseEditorParams(['12'])).toEqual({ kind: 'edit', id: 12 })
    expect(parseEditorParams(['new'])).toEqual({ kind: 'new', draftId: null })
    expect(parseEditorParams(['new', 'a1b2'])).toEqual({ kind: 'new', draftId: 'a1b2' })
  })

  it('refuses what is not an id instead of guessing', () => {
    for (const bad of ['0', '-1', '1.5', 'abc', '1e3', '9'.repeat(16)]) {
      expect(parseEditorParams([bad])).toEqual({ kind: 'invalid' })
    }
  })
})
