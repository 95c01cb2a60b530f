import { describe, expect, it } from 'vitest'
import { guardsFor } from './guards'

describe('guardsFor', () => {
  it('the last active admin: no demotion, deactivation or delete, whoever asks', () => {
    expect(guardsFor({ id: 1, role: 'admin', active: true }, 1, 1)).toEqual({
      role: 'last_admin',
      deactivate: 'last_admin',
      delete: 'last_admin',
    })
    expect(guardsFor({ id: 1, role: 'admin', active: true }, 2, 1).role).toBe('last_admin')
  })

  it('yourself among several admins: the same three, because it is you', () => {
    expect(guardsFor({ id: 1, role: 'admin', active: true }, 1, 2)).toEqual({
      role: 'self',
      deactivate: 'self',
      delete: 'self',
    })
  })

  it('another admin while there are two, a marketing user, an inactive admin: nothing is guarded', () => {
    const free = { role: null, deactivate: null, delete: null }
    expect(guardsFor({ id: 2, role: 'admin', active: true }, 1, 2)).toEqual(free)
    expect(guardsFor({ id: 3, role: 'marketing', active: true }, 1, 1)).toEqual(free)
    expect(guardsFor({ id: 4, role: 'admin', active: false }, 1, 1)).toEqual(free)
  })
})
