import type { Ladder, LadderCreate } from '@shared/api'
import { exampleRkDiscounts, guestLadderExample } from '@shared/domain/example-ladder'
import type { ServerContext } from '../context'
import { createLadder } from '../services/ladders'

export interface DemoLadders {
  guest: Ladder
  regular: Ladder
  vip: Ladder
}

/**
 * DOMAIN.md's «Гостевая», a visits ladder that never drops a guest («Завсегдатай»), and a 365-day spend ladder that
 * does («VIP за год»). `rkIdByCode` maps R-Keeper codes to the seeded catalog's ids.
 */
export function seedLadders(ctx: ServerContext, rkIdByCode: ReadonlyMap<number, number>): DemoLadders {
  const rk = (code: number): number => {
    const id = rkIdByCode.get(code)
    if (id === undefined) throw new Error(`Demo seed: no RK discount with code ${code}`)
    return id
  }
  // The domain's fixture names RK discounts by its own ids: map them through their rk_code.
  const exampleCode = new Map(exampleRkDiscounts.map((d) => [d.id, d.rk_code]))
  const guest: LadderCreate = {
    ...guestLadderExample,
    steps: guestLadderExample.steps.map((step) => ({
      ...step,
      rk_discount_id: step.rk_discount_id ? rk(exampleCode.get(step.rk_discount_id) ?? 0) : null,
    })),
  }
  const regular: LadderCreate = {
    name: 'Завсегдатай',
    basis: 'visits',
    period: 'all_time',
    period_days: null,
    downgrade: false,
    active: true,
    steps: [
      { name: 'Новичок', threshold: 0, rk_discount_id: null, bonus_percent: 2, max_payment_percent: null },
      { name: 'Знакомый', threshold: 5, rk_discount_id: rk(101), bonus_percent: 3, max_payment_percent: 20 },
      { name: 'Свой', threshold: 15, rk_discount_id: rk(107), bonus_percent: 5, max_payment_percent: 30 },
      {
        name: 'Завсегдатай',
        threshold: 30,
        rk_discount_id: rk(110),
        bonus_percent: 7,
        max_payment_percent: 50,
      },
    ],
  }
  const vip: LadderCreate = {
    name: 'VIP за год',
    basis: 'spend',
    period: 'rolling_days',
    period_days: 365,
    downgrade: true,
    active: true,
    steps: [
      { name: 'Стандарт', threshold: 0, rk_discount_id: null, bonus_percent: 5, max_payment_percent: 20 },
      {
        name: 'Премиум',
        threshold: 50_000,
        rk_discount_id: rk(110),
        bonus_percent: 7,
        max_payment_percent: 30,
      },
      {
        name: 'Платина',
        threshold: 150_000,
        rk_discount_id: rk(115),
        bonus_percent: 10,
        max_payment_percent: 50,
      },
      {
        name: 'Бриллиант',
        threshold: 300_000,
        rk_discount_id: rk(120),
        bonus_percent: 12,
        max_payment_percent: 50,
      },
    ],
  }
  return {
    guest: createLadder(ctx, guest, 'admin'),
    regular: createLadder(ctx, regular, 'admin'),
    vip: createLadder(ctx, vip, 'admin'),
  }
}
