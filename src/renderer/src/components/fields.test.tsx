// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { useEffect } from 'react'
import { useForm, type Control } from 'react-hook-form'
import { zodResolver } from '@hookform/resolvers/zod'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import type { IpcFieldError } from '@shared/ipc'
import { codedResolver } from '../app/form-resolver'
import { i18n } from '../app/i18n'
import { renderUi } from '../testing/render'
import {
  Checkbox,
  FieldLimitsProvider,
  MoneyField,
  NumberField,
  PercentField,
  Select,
  TextField,
} from './fields'
import { applyFieldErrors } from './form-errors'
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
  setServerError: (error: IpcFieldError) => void
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
  setServerError: (error) => api().setServerError(error),
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
      setServerError: (error) => applyFieldErrors(setError, [error], () => true),
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

/** A form checked by the app's own resolver (errors by code), as every editor of the app is. */
const coded: { trigger?: () => Promise<boolean>; setServerError?: (error: IpcFieldError) => void } = {}
function CodedHarness(): React.JSX.Element {
  const { control, trigger, setError } = useForm<Values>({
    resolver: codedResolver<Values>(schema),
    defaultValues: { name: '', limit: 5, ladder_id: null, active: false },
  })
  useEffect(() => {
    coded.trigger = trigger
    coded.setServerError = (error) => applyFieldErrors(setError, [error], () => true)
  })
  return <TextField control={control} name="name" label="Название" />
}

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

  it('says a server field error by its code in the UI language, never its English message', async () => {
    await renderUi(<Harness />)
    act(() =>
      form.setServerError({
        path: ['name'],
        code: 'decimals',
        params: { max: 2 },
        message: 'At most 2 decimals',
      }),
    )
    expect(screen.getByRole('alert').textContent).toBe('Не больше 2 знаков после запятой')
    act(() => form.setServerError({ path: ['name'], message: 'Something only a newer server says' }))
    expect(screen.getByRole('alert').textContent).toBe('Неверное значение')
  })

  it('says a field error in the language the UI has now, not the one it had when the error was found', async () => {
    await renderUi(<CodedHarness />)
    const input = screen.getByLabelText(/Название/)
    await act(async () => {
      await coded.trigger?.()
    })
    expect(screen.getByRole('alert').textContent).toBe('Введите название')
    await act(async () => {
      await i18n.changeLanguage('en')
    })
    expect(screen.getByRole('alert').textContent).toBe('Enter a name')
    expect(input.getAttribute('aria-invalid')).toBe('true')
    // A server's (422) field error too.
    act(() => coded.setServerError?.({ path: ['name'], code: 'too_long', params: { max: 5 }, message: 'x' }))
    expect(screen.getByRole('alert').textContent).toBe('At most 5 characters')
    await act(async () => {
      await i18n.changeLanguage('ru')
    })
    expect(screen.getByRole('alert').textContent).toBe('Не больше 5 символов')
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

const moneySchema = z.object({
  threshold: z.number().nullable(),
  bonus: z.number().nullable(),
  comment: z.string().trim().min(1).max(12),
})
type MoneyValues = z.infer<typeof moneySchema>
const moneyForm: { getValues: (() => MoneyValues) | null } = { getValues: null }

function MoneyHarness({ threshold = null }: { threshold?: number | null }): React.JSX.Element {
  const { control, getValues } = useForm<MoneyValues>({
    resolver: zodResolver(moneySchema),
    defaultValues: { threshold, bonus: null, comment: '' },
  })
  useEffect(() => {
    moneyForm.getValues = getValues
  })
  return (
    <FieldLimitsProvider limits={{ comment: { minLength: 1, maxLength: 12 } }}>
      <MoneyField control={control} name="threshold" label="Порог" />
      <PercentField control={control} name="bonus" label="Бонус" />
      <TextField control={control} name="comment" label="Комментарий" />
    </FieldLimitsProvider>
  )
}

describe('money, percent and limits from the schema', () => {
  const values = () => moneyForm.getValues?.()

  it('reads money as people write it: «30 000», «30000,5», «30 000,50 ₽»; junk is an error at the field', async () => {
    await renderUi(<MoneyHarness />)
    const input = screen.getByLabelText('Порог')
    fireEvent.change(input, { target: { value: '30 000' } })
    expect(values()?.threshold).toBe(30000)
    fireEvent.change(input, { target: { value: '30000,5' } })
    expect(values()?.threshold).toBe(30000.5)
    fireEvent.change(input, { target: { value: '30 000,50 ₽' } })
    expect(values()?.threshold).toBe(30000.5)
    fireEvent.change(input, { target: { value: '30,005' } })
    expect(values()?.threshold).toBe(30000.5)
    expect(input.getAttribute('aria-invalid')).toBe('true')
    fireEvent.change(input, { target: { value: '' } })
    expect(values()?.threshold).toBeNull()
  })

  it('shows a stored amount grouped, with kopecks only when there are some', async () => {
    await renderUi(<MoneyHarness threshold={30000.5} />)
    expect((screen.getByLabelText('Порог') as HTMLInputElement).value.replace(/\s/g, ' ')).toBe('30 000,50')
  })

  it('reads a percent with a decimal comma or point and at most 2 decimals', async () => {
    await renderUi(<MoneyHarness />)
    const input = screen.getByLabelText('Бонус')
    fireEvent.change(input, { target: { value: '12,5' } })
    expect(values()?.bonus).toBe(12.5)
    fireEvent.change(input, { target: { value: '7.25 %' } })
    expect(values()?.bonus).toBe(7.25)
    fireEvent.change(input, { target: { value: '7,255' } })
    expect(input.getAttribute('aria-invalid')).toBe('true')
    expect(values()?.bonus).toBe(7.25)
  })

  it('takes maxLength and required from the schema’s limits', async () => {
    await renderUi(<MoneyHarness />)
    const input = screen.getByLabelText(/Комментарий/)
    expect(input.getAttribute('maxlength')).toBe('12')
    expect(input.hasAttribute('required')).toBe(true)
  })
})
