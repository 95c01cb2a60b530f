// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react'
import { useForm } from 'react-hook-form'
import { describe, expect, it } from 'vitest'
import { blankLadder, type LadderForm } from './form'
import { useEditedLadder } from './useEditedLadder'

function useHarness(values: LadderForm) {
  const form = useForm<LadderForm>({ defaultValues: values })
  return { form, ladder: useEditedLadder(form) }
}

describe('useEditedLadder', () => {
  it('is the form as a LadderCreate while it is valid, and the last valid one while it is not', () => {
    const { result } = renderHook(() => useHarness(blankLadder()))
    // A blank ladder is not valid yet (no name, a step that gives nothing).
    expect(result.current.ladder).toBeNull()
    act(() => {
      result.current.form.setValue('name', 'Гостевая')
      result.current.form.setValue('steps.0.name', 'Старт')
      result.current.form.setValue('steps.0.bonus_percent', 3)
    })
    const valid = result.current.ladder
    expect(valid).toMatchObject({
      name: 'Гостевая',
      steps: [{ name: 'Старт', threshold: 0, bonus_percent: 3 }],
    })
    act(() => {
      result.current.form.setValue('steps.0.threshold', 5)
    })
    // The first threshold must be 0: the last valid ladder stays, the very same object.
    expect(result.current.ladder).toBe(valid)
    act(() => {
      result.current.form.setValue('steps.0.threshold', 0)
      result.current.form.setValue('steps.0.bonus_percent', 4)
    })
    expect(result.current.ladder?.steps[0]?.bonus_percent).toBe(4)
  })
})
