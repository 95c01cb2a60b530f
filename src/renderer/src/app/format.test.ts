import { describe, expect, it } from 'vitest'
import { userText } from './format'

describe('userText', () => {
  it('names the user and the role once each', () => {
    expect(userText('Администратор', 'Администратор')).toBe('Администратор')
    expect(userText('Иванова Мария', 'Маркетолог')).toBe('Иванова Мария · Маркетолог')
    expect(userText('admin', 'Admin')).toBe('admin')
  })
})
