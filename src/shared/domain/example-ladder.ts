// DOMAIN.md's typical ladder, "Гостевая", with the RK discounts it uses: one fixture for tests, seeds and demos.
import type { LadderCreate } from '../api/ladders'
import type { RkDiscount } from '../api/rk-discounts'

export const exampleRkDiscounts: RkDiscount[] = [
  {
    id: 1,
    rk_code: 105,
    name: 'Скидка 5%',
    kind: 'percent',
    value: 5,
    active: true,
    synced_at: '2024-01-01T00:00:00Z',
  },
  {
    id: 2,
    rk_code: 110,
    name: 'Скидка 10%',
    kind: 'percent',
    value: 10,
    active: true,
    synced_at: '2024-01-01T00:00:00Z',
  },
]

/** "Гостевая": 0 ₽ → 3 % bonus; 30 000 ₽ → RK "Скидка 5%" + 5 %; 100 000 ₽ → RK "Скидка 10%" + 7 %, pay ≤ 50 %. */
export const guestLadderExample: LadderCreate = {
  name: 'Гостевая',
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: true,
  active: true,
  steps: [
    { name: 'Гость', threshold: 0, rk_discount_id: null, bonus_percent: 3, max_payment_percent: null },
    { name: 'Серебро', threshold: 30_000, rk_discount_id: 1, bonus_percent: 5, max_payment_percent: null },
    { name: 'Золото', threshold: 100_000, rk_discount_id: 2, bonus_percent: 7, max_payment_percent: 50 },
  ],
}
