// @vitest-environment happy-dom
// useT: the texts of a memoized component follow a language switch, and its `t` stays the same function between
// renders while the language does not change (memos over it keep their values).
import { act, cleanup, render, screen } from '@testing-library/react'
import { memo, useMemo, useState } from 'react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { initI18n, setLanguage } from './i18n'
import { useT } from './useT'

const Plural = memo(function Plural({ count }: { count: number }) {
  const t = useT()
  const text = useMemo(() => t('ladders.accountsOnStep', { count }), [t, count])
  const [seen] = useState(() => new Set<unknown>())
  seen.add(t)
  return (
    <p data-testid="text" data-functions={seen.size}>
      {text}
    </p>
  )
})

describe('useT', () => {
  beforeEach(() => {
    localStorage.clear()
    initI18n('ru')
  })
  afterEach(async () => {
    cleanup()
    await setLanguage('ru')
  })

  it('renders in the UI language and again on a switch, with one t per language', async () => {
    const { rerender } = render(<Plural count={3} />)
    expect(screen.getByTestId('text').textContent).toBe('3 гостя')
    rerender(<Plural count={5} />)
    expect(screen.getByTestId('text').textContent).toBe('5 гостей')
    expect(screen.getByTestId('text').dataset.functions).toBe('1')
    await act(() => setLanguage('en'))
    expect(screen.getByTestId('text').textContent).toBe('5 guests')
    expect(screen.getByTestId('text').dataset.functions).toBe('2')
  })
})
