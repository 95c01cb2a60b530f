import type { RkDiscountImportItem } from '@shared/api'
import type { ServerContext } from '../context'
import { importRkDiscounts } from '../services/rk-discounts'

const percent = (rk_code: number, name: string, value: number, active = true): RkDiscountImportItem => ({
  rk_code,
  name,
  kind: 'percent',
  value,
  active,
})
const amount = (rk_code: number, name: string, value: number, active = true): RkDiscountImportItem => ({
  rk_code,
  name,
  kind: 'amount',
  value,
  active,
})

/** A restaurant chain's R-Keeper discount list: percent and fixed-amount ones, a few retired (inactive). */
export const DEMO_RK_DISCOUNTS: readonly RkDiscountImportItem[] = [
  percent(101, 'Скидка 3%', 3),
  percent(105, 'Скидка 5%', 5),
  percent(107, 'Скидка 7%', 7),
  percent(110, 'Скидка 10%', 10),
  percent(112, 'Скидка 12,5%', 12.5),
  percent(115, 'Скидка 15%', 15),
  percent(120, 'Скидка 20%', 20),
  percent(125, 'Скидка 25%', 25),
  percent(130, 'Сотрудники 30%', 30),
  percent(131, 'Сотрудники: управляющие 50%', 50),
  percent(140, 'День рождения 15%', 15),
  percent(141, 'День рождения: ±3 дня 10%', 10),
  percent(150, 'Happy hour 20%', 20),
  percent(151, 'Happy hour: бар 30%', 30),
  percent(160, 'Бизнес-ланч 10%', 10),
  percent(161, 'Завтраки до 11:00 15%', 15),
  percent(170, 'Студенческая 10%', 10),
  percent(171, 'Пенсионная 10%', 10),
  percent(172, 'Многодетные семьи 15%', 15),
  percent(180, 'Гость шефа 100%', 100),
  percent(190, 'Корпоративный клиент 12%', 12),
  percent(191, 'Партнёр ТЦ 7%', 7),
  percent(200, 'Самовывоз 10%', 10),
  percent(201, 'Доставка: первый заказ 15%', 15),
  percent(210, 'Новогодняя 20%', 20, false),
  percent(211, '8 Марта 15%', 15, false),
  percent(212, 'Чёрная пятница 25%', 25, false),
  percent(220, 'Банкет от 10 гостей 5%', 5),
  percent(221, 'Банкет от 30 гостей 10%', 10),
  amount(300, 'Скидка 100 ₽', 100),
  amount(301, 'Скидка 200 ₽', 200),
  amount(302, 'Скидка 300 ₽', 300),
  amount(305, 'Скидка 500 ₽', 500),
  amount(310, 'Скидка 1 000 ₽', 1000),
  amount(320, 'Подарочный сертификат 1 000 ₽', 1000),
  amount(321, 'Подарочный сертификат 3 000 ₽', 3000),
  amount(330, 'Купон «Десерт в подарок» 350 ₽', 350),
  amount(331, 'Купон «Кофе в подарок» 180 ₽', 180),
  amount(340, 'Компенсация за ожидание 250 ₽', 250),
  amount(341, 'Извинение гостю 500 ₽', 500),
  amount(350, 'Скидка 150 ₽ (летняя акция 2023)', 150, false),
  amount(351, 'Скидка 99,90 ₽ на лимонады', 99.9),
]

/** Imports the demo catalog; returns the id of each rk_code. */
export function seedRkDiscounts(ctx: ServerContext): Map<number, number> {
  importRkDiscounts(ctx, { discounts: [...DEMO_RK_DISCOUNTS] })
  const rows = ctx.db.all(ctx.db.q.selectFrom('rk_discounts').select(['id', 'rk_code']))
  return new Map(rows.map((row) => [row.rk_code, row.id]))
}
