// @vitest-environment happy-dom
import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { cleanup } from '@testing-library/react'
import type { Ladder, RkDiscount } from '@shared/api'
import { renderUi } from '../../testing/render'
import { LadderDetails } from './LaddersScreen'

afterEach(cleanup)

const discount = (id: number, name: string, active: boolean): RkDiscount => ({
  id,
  rk_code: 100 + id,
  name,
  kind: 'percent',
  value: 10,
  active,
  synced_at: '2026-11-30T10:00:00Z',
})
const step = (name: string, rk_discount_id: number | null) => ({
  name,
  threshold: 0,
  rk_discount_id,
  bonus_percent: 5,
  max_payment_percent: null,
})
const ladder: Ladder = {
  id: 1,
  name: 'Гостевая',
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: false,
  active: true,
  steps: [step('Старт', null), step('Серебро', 1), step('Золото', 2)],
  version: 1,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: '2026-11-30T10:00:00Z',
  updated_by: 'admin',
} as Ladder
const discounts = new Map([
  [1, discount(1, 'Скидка 5%', true)],
  [2, discount(2, 'Скидка 10%', false)],
])

describe('the steps of a ladder', () => {
  it('warn on a step whose RK discount is inactive, in Russian and English', async () => {
    await renderUi(<LadderDetails ladder={ladder} discounts={discounts} language="ru" />)
    const warnings = screen.getAllByTestId('step-inactive-rk')
    expect(warnings.map((w) => w.closest('li')?.querySelector('.step-list__name')?.textContent)).toEqual([
      'Золото',
    ])
    expect(warnings[0]?.textContent).toContain(
      'Скидка RK «Скидка 10%» неактивна в R-Keeper: на кассе эта ступень её не даст',
    )
    cleanup()
    await renderUi(<LadderDetails ladder={ladder} discounts={discounts} language="en" />, 'en')
    expect(screen.getByTestId('step-inactive-rk').textContent).toContain(
      'The RK discount “Скидка 10%” is inactive in R-Keeper',
    )
  })
})
