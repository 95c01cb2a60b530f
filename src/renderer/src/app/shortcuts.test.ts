// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { focusSearch, SEARCH_TARGET_ATTR } from './shortcuts'

const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

function addSearch(): HTMLInputElement {
  const input = document.createElement('input')
  input.type = 'search'
  input.setAttribute(SEARCH_TARGET_ATTR, '')
  document.body.appendChild(input)
  return input
}

afterEach(() => {
  document.body.innerHTML = ''
})

describe('Ctrl+K (focusSearch)', () => {
  it('focuses the screen’s search field', () => {
    const search = addSearch()
    expect(focusSearch()).toBe(true)
    expect(document.activeElement).toBe(search)
  })

  it('pressed while the screen is still loading, focuses its search field once it appears', async () => {
    expect(focusSearch()).toBe(false)
    const search = addSearch()
    await settle()
    expect(document.activeElement).toBe(search)
  })

  it('does not take focus back from where the person put it meanwhile', async () => {
    focusSearch()
    const other = document.createElement('input')
    document.body.appendChild(other)
    other.focus()
    addSearch()
    await settle()
    expect(document.activeElement).toBe(other)
  })
})
