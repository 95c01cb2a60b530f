// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { useEffect } from 'react'
import { useForm, type Control } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { renderUi } from '../testing/render'
import { Checkbox, NumberField, Select, TextField } from './fields'
import { parseNumberInput } from './number-input'

const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name'),
  limit: z.number().min(1).max(100).nullable(),
  ladder_id: z.number().int().nullable(),
  active: z.boolean(),
})
type Values = z.infer<typeof schema>

interface FormApi {
  getValues: () => Values
  trigger: () => Promise<boolean>
  setServerError: (message: string) => void
}
// The harness hands its form out after each render (an effect: render stays pure).
const current: { api: FormApi | null } = { api: null }
function api(): FormApi {
  if (!current.api) throw new Error('The harness has not rendered')
  return current.api
}
const form: FormApi = {
  getValues: () => api().getValues(),
  trigger: () => api().trigger(),
  setServerError: (message) => api().setServerError(message),
}

function Harness(): React.JSX.Element {
  const { control, getValues, trigger, setError } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { name: '', limit: 5, ladder_id: null, active: false },
    mode: 'onTouched',
  })
  useEffect(() => {
    current.api = {
      getValues,
      trigger,
      setServerError: (message) => setError('name', { type: 'server', message }),
    }
  })
  const typed = control as Control<Values>
  return (
    <form>
      <TextField control={typed} name="name" label="Название" hint="Как в меню" required />
      <NumberField control={typed} name="limit" label="Лимит" suffix="%" />
      <Select
        control={typed}
        name="ladder_id"
        label="Лестница"
        numeric
        emptyLabel="Без лестницы"
        options={[
          { value: '1', label: 'Гостевая' },
          { value: '2', label: 'VIP' },
        ]}
      />
      <Checkbox control={typed} name="active" label="Активна" />
    </form>
  )
}

afterEach(cleanup)

describe('bound fields', () => {
  it('shows a schema error at the field, tied to the input by aria-invalid and aria-describedby', async () => {
    await renderUi(<Harness />)
    const input = screen.getByLabelText(/Название/)
    expect(input.getAttribute('aria-invalid')).toBeNull()
    expect(input.getAttribute('aria-describedby')).toBeTruthy()
    await act(async () => {
      await form.trigger()
    })
    expect(input.getAttribute('aria-invalid')).toBe('true')
    const describedBy = input.getAttribute('aria-describedby') ?? ''
    const errorElement = describedBy
      .split(' ')
      .map((id) => document.getElementById(id))
      .find((el) => el?.getAttribute('role') === 'alert')
    expect(errorElement?.textContent).toBe('Enter a name')
  })

  it('translates known server messages into the UI language', async () => {
    await renderUi(<Harness />)
    act(() => form.setServerError('At most 2 decimals'))
    expect(screen.getByRole('alert').textContent).toBe('Не больше 2 знаков после запятой')
  })

  it('keeps a number field as typed, stores numbers with a decimal comma, null when empty', async () => {
    await renderUi(<Harness />)
    const input = screen.getByLabelText('Лимит') as HTMLInputElement
    expect(input.value).toBe('5')
    fireEvent.change(input, { target: { value: '12,' } })
    expect(input.value).toBe('12,')
    expect(form.getValues().limit).toBe(12)
    fireEvent.change(input, { target: { value: '12,5' } })
    expect(form.getValues().limit).toBe(12.5)
    fireEvent.change(input, { target: { value: '' } })
    expect(form.getValues().limit).toBeNull()
  })

  it('reports text that is not a number at the field and keeps the last number', async () => {
    await renderUi(<Harness />)
    const input = screen.getByLabelText('Лимит') as HTMLInputElement
    fireEvent.change(input, { target: { value: '7' } })
    fireEvent.change(input, { target: { value: '7x' } })
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(screen.getByRole('alert').textContent).toBe('Введите число')
    expect(form.getValues().limit).toBe(7)
  })

  it('converts a numeric select to ids and the empty choice to null', async () => {
    await renderUi(<Harness />)
    const select = screen.getByLabelText('Лестница') as HTMLSelectElement
    fireEvent.change(select, { target: { value: '2' } })
    expect(form.getValues().ladder_id).toBe(2)
    fireEvent.change(select, { target: { value: '' } })
    expect(form.getValues().ladder_id).toBeNull()
  })

  it('binds a checkbox to a boolean', async () => {
    await renderUi(<Harness />)
    fireEvent.click(screen.getByLabelText('Активна'))
    expect(form.getValues().active).toBe(true)
  })
})

describe('parseNumberInput', () => {
  it.each([
    ['', null],
    ['0', 0],
    ['30 000', 30000],
    ['30\u00a0000,50', 30000.5],
    ['.5', 0.5],
    ['-3', -3],
    ['1e5', 'invalid'],
    ['12,3,4', 'invalid'],
    ['abc', 'invalid'],
    ['Infinity', 'invalid'],
  ])('%j → %j', (text, expected) => {
    expect(parseNumberInput(text)).toBe(expected)
  })
})
