// @vitest-environment happy-dom
import { act, render, renderHook } from '@testing-library/react'
import { useCallback, useEffect, useState } from 'react'
import { useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { useFormSelector } from './useFormSelector'

type Values = { name: string; items: number[] }

describe('useFormSelector', () => {
  it('renders its caller again only when what it selects changes', () => {
    let renders = 0
    const { result } = renderHook(() => {
      renders++
      const form = useForm<Values>({ defaultValues: { name: 'a', items: [1, 2] } })
      const total = useFormSelector(form, sumOf)
      return { form, total }
    })
    expect(result.current.total).toBe(3)
    const before = renders
    act(() => result.current.form.setValue('name', 'b'))
    expect(renders).toBe(before)
    act(() => result.current.form.setValue('items.0', 5))
    expect(result.current.total).toBe(7)
    expect(renders).toBe(before + 1)
  })

  it('follows a selector that changed with what it reads (a catalog arriving), without a change of the values', () => {
    const { result, rerender } = renderHook(
      ({ factor }: { factor: number }) => {
        const form = useForm<Values>({ defaultValues: { name: 'a', items: [1, 2] } })
        const select = useCallback((values: Values) => sumOf(values) * factor, [factor])
        return useFormSelector(form, select)
      },
      { initialProps: { factor: 1 } },
    )
    expect(result.current).toBe(3)
    rerender({ factor: 10 })
    expect(result.current).toBe(30)
  })

  it('sees values reset by an effect that ran before it subscribed', () => {
    function Editor(): React.JSX.Element {
      const form = useForm<Values>({ defaultValues: { name: '', items: [] } })
      const [loaded, setLoaded] = useState(false)
      // Declared before the selector: this effect runs before the selector subscribes (as useEntityEditor's does).
      useEffect(() => {
        if (loaded) return
        form.reset({ name: 'loaded', items: [4, 5, 6] })
        setLoaded(true)
      }, [form, loaded])
      const total = useFormSelector(form, sumOf)
      return <output>{total}</output>
    }
    const { container } = render(<Editor />)
    expect(container.querySelector('output')?.textContent).toBe('15')
  })
})

function sumOf(values: Values): number {
  return (values.items ?? []).reduce((sum, item) => sum + item, 0)
}
