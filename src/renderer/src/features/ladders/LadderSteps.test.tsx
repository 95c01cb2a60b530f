// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { useEffect, useMemo } from 'react'
import { useForm } from 'react-hook-form'
import { afterEach, describe, expect, it } from 'vitest'
import type { RkDiscount } from '@shared/api'
import { ladderCreateChecked, validateLadder } from '@shared/domain'
import { codedResolver } from '../../app/form-resolver'
import { i18n } from '../../app/i18n'
import { renderUi } from '../../testing/render'
import type { LadderForm } from './form'
import { LadderSteps } from './LadderSteps'
import { searchDiscounts } from './rk-search'

afterEach(cleanup)

const discount = (id: number, rk_code: number, name: string, active = true): RkDiscount => ({
  id,
  rk_code,
  name,
  kind: 'percent',
  value: id * 5,
  active,
  synced_at: '2026-11-30T10:00:00Z',
})
const catalog = [
  discount(1, 105, 'Скидка 5%'),
  discount(2, 110, 'Скидка 10%'),
  discount(3, 212, 'Чёрная пятница', false),
]

const step = (name: string, threshold: number | null, rk: number | null, bonus: number | null) => ({
  name,
  threshold: threshold as number,
  rk_discount_id: rk,
  bonus_percent: bonus,
  max_payment_percent: null,
})

const ladder = (steps: LadderForm['steps']): LadderForm => ({
  name: 'Гостевая',
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: true,
  active: true,
  steps,
})

/** The harness's form, for reading its values (set after each render). */
const current: { form: ReturnType<typeof useForm<LadderForm>> | null } = { form: null }

function Harness({
  values,
  savedThresholds,
}: {
  values: LadderForm
  savedThresholds?: number[]
}): React.JSX.Element {
  const own = useForm<LadderForm>({
    resolver: codedResolver<LadderForm>(ladderCreateChecked),
    defaultValues: values,
    mode: 'onTouched',
  })
  useEffect(() => {
    current.form = own
  })
  const byId = useMemo(() => new Map(catalog.map((d) => [d.id, d])), [])
  const issues = validateLadder(values, { rkDiscounts: catalog }, 'draft').filter(
    (i) => i.severity === 'warning',
  )
  const stepIssues = new Map<number, typeof issues>()
  for (const issue of issues) {
    const index = issue.path[1]
    if (typeof index === 'number') stepIssues.set(index, [...(stepIssues.get(index) ?? []), issue])
  }
  return (
    <LadderSteps
      form={own}
      catalog={catalog}
      byId={byId}
      stepIssues={stepIssues}
      accounts={new Map([[1, 21]])}
      savedThresholds={savedThresholds}
      readOnly={false}
    />
  )
}

const cards = () => screen.getAllByTestId('ladder-step')
const card = (index: number) => {
  const found = cards()[index]
  if (!found) throw new Error(`No step ${index}`)
  return within(found)
}

/** Each step's range in words, with plain spaces. */
const ranges = () =>
  cards().map((c) =>
    within(c)
      .getByTestId('step-range')
      .textContent?.replace(/\u00a0/g, ' '),
  )

describe('the steps of the ladder editor', () => {
  it('say their range in words, the guests on them, and warn of an inactive RK discount', async () => {
    await renderUi(
      <Harness
        values={ladder([
          step('Старт', 0, null, 3),
          step('Серебро', 30000, 1, 5),
          step('Золото', 100000, 3, 7),
        ])}
      />,
    )
    expect(ranges()).toEqual(['от 0 ₽ до 29 999,99 ₽', 'от 30 000 ₽ до 99 999,99 ₽', 'от 100 000 ₽ и выше'])
    expect(card(1).getByTestId('step-accounts').textContent).toBe('21 гость')
    expect(card(2).getByTestId('step-warning').textContent).toContain(
      'Ступень 3: скидка RK «Чёрная пятница» неактивна',
    )
    expect(card(2).getByText('Неактивна в R-Keeper: на кассе эта ступень её не даст')).toBeTruthy()
    expect(card(1).getByRole('combobox', { name: 'Скидка RK' })).toHaveProperty('value', '105 · Скидка 5%')
  })

  it('follow a threshold as it is typed: its range, the range above, and its guests (shown while it is the saved one)', async () => {
    await renderUi(
      <Harness
        values={ladder([
          step('Старт', 0, null, 3),
          step('Серебро', 30000, 1, 5),
          step('Золото', 100000, 2, 7),
        ])}
        savedThresholds={[0, 30000, 100000]}
      />,
    )
    const threshold = card(1).getByRole('textbox', { name: /^Порог/ })
    fireEvent.change(threshold, { target: { value: '50 000' } })
    await waitFor(() =>
      expect(ranges()).toEqual([
        'от 0 ₽ до 49 999,99 ₽',
        'от 50 000 ₽ до 99 999,99 ₽',
        'от 100 000 ₽ и выше',
      ]),
    )
    // Its guests are the saved step's: a moved threshold moves them, so they are not said.
    expect(card(1).queryByTestId('step-accounts')).toBeNull()
    fireEvent.change(threshold, { target: { value: '30000' } })
    await waitFor(() => expect(card(1).getByTestId('step-accounts').textContent).toBe('21 гость'))
    expect(ranges()[0]).toBe('от 0 ₽ до 29 999,99 ₽')
    // Removing the last step makes step 2 the last: «и выше».
    fireEvent.click(card(2).getByRole('button', { name: 'Удалить ступень 3' }))
    await waitFor(() => expect(ranges()).toEqual(['от 0 ₽ до 29 999,99 ₽', 'от 30 000 ₽ и выше']))
  })

  it('move a step with Alt+↓ and Alt+↑, keeping the focus in the field typed into', async () => {
    await renderUi(<Harness values={ladder([step('Старт', 0, null, 3), step('Серебро', 30000, 1, 5)])} />)
    const name = card(0).getByRole('textbox', { name: /^Название ступени/ })
    name.focus()
    fireEvent.keyDown(name, { key: 'ArrowDown', altKey: true })
    await waitFor(() =>
      expect(current.form?.getValues('steps').map((s) => s.name)).toEqual(['Серебро', 'Старт']),
    )
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('steps.1.name'))
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp', altKey: true })
    await waitFor(() =>
      expect(current.form?.getValues('steps').map((s) => s.name)).toEqual(['Старт', 'Серебро']),
    )
    // The buttons do the same, and say which step they move.
    fireEvent.click(card(1).getByRole('button', { name: 'Поднять ступень 2 выше (Alt+↑)' }))
    await waitFor(() =>
      expect(current.form?.getValues('steps').map((s) => s.name)).toEqual(['Серебро', 'Старт']),
    )
    fireEvent.click(card(0).getByRole('button', { name: 'Вставить ступень после ступени 1' }))
    await waitFor(() => expect(cards()).toHaveLength(3))
    await waitFor(() => expect(document.activeElement?.getAttribute('name')).toBe('steps.1.name'))
    fireEvent.click(card(1).getByRole('button', { name: 'Удалить ступень 2' }))
    await waitFor(() => expect(cards()).toHaveLength(2))
  })

  it('show a step’s own error and its field’s error together, where the validator puts them', async () => {
    // Step 2 gives nothing (an error of the whole step) and its threshold is below step 1's (an error of a field).
    await renderUi(<Harness values={ladder([step('Старт', 0, null, 3), step('Серебро', 0, null, null)])} />)
    await act(async () => {
      await current.form?.trigger()
    })
    await waitFor(() =>
      expect(card(1).getByTestId('step-error').textContent).toBe(
        'Ступень 2 ничего не даёт: выберите скидку RK, бонус или лимит оплаты',
      ),
    )
    const threshold = card(1).getByRole('textbox', { name: /^Порог/ })
    expect(threshold.getAttribute('aria-invalid')).toBe('true')
  })
})

describe('the steps’ errors after a language switch', () => {
  it('are said in the new language, the step’s own error and its field’s alike', async () => {
    await renderUi(<Harness values={ladder([step('Старт', 0, null, 3), step('Серебро', 0, null, null)])} />)
    await act(async () => {
      await current.form?.trigger()
    })
    await waitFor(() => expect(card(1).getByTestId('step-error').textContent).toMatch(/^Ступень 2 ничего/))
    const threshold = card(1).getByRole('textbox', { name: /^Порог/ })
    const thresholdError = () => document.getElementById(threshold.getAttribute('aria-describedby') ?? '')
    const russian = thresholdError()?.textContent
    await act(async () => {
      await i18n.changeLanguage('en')
    })
    expect(card(1).getByTestId('step-error').textContent).toBe(
      'Step 2 gives nothing: choose an RK discount, a bonus or a payment cap',
    )
    expect(thresholdError()?.textContent).toMatch(/^Step 2/)
    expect(thresholdError()?.textContent).not.toBe(russian)
  })
})

describe('searchDiscounts', () => {
  it('finds by the start of the code or a part of the name, active ones first', () => {
    expect(searchDiscounts(catalog, '1').map((d) => d.rk_code)).toEqual([105, 110])
    expect(searchDiscounts(catalog, 'скидка').map((d) => d.rk_code)).toEqual([105, 110])
    expect(searchDiscounts(catalog, 'ПЯТНИЦА').map((d) => d.rk_code)).toEqual([212])
    expect(searchDiscounts(catalog, '').map((d) => d.rk_code)).toEqual([105, 110, 212])
    expect(
      searchDiscounts([catalog[2] as RkDiscount, ...catalog.slice(0, 2)], '').map((d) => d.active),
    ).toEqual([true, true, false])
  })
})
