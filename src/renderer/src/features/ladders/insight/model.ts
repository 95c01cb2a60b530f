// What the insight panels share: their props, the RK catalog by id, and small conversions.
import { useMemo } from 'react'
import type { Account, Ladder, LadderCreate, RkDiscount } from '@shared/api'
import { toKopecks } from '@shared/domain'
import { useCachedList } from '../../../app/queries'
import './insight.css'

export interface InsightProps {
  /** The ladder as edited; null while the form does not parse. */
  ladder: LadderCreate | null
  /** The server id of the ladder being edited; null for a new one. */
  ladderId: number | null
}

/** The RK catalog by id (one map per catalog read). */
export function useDiscountMap(): ReadonlyMap<number, RkDiscount> {
  const catalog = useCachedList('catalog:list')
  return useMemo(() => new Map(catalog.items.map((discount) => [discount.id, discount])), [catalog.items])
}

/** Kopecks of a money amount from the wire (roubles, at most 2 decimals); 0 when it is not one. */
export function kopecksOf(roubles: number): number {
  try {
    return toKopecks(roubles)
  } catch {
    return 0
  }
}

export const guestLabel = (account: Pick<Account, 'number' | 'holder_name'>): string =>
  account.holder_name ? `${account.number} · ${account.holder_name}` : account.number

/** The create/update body of a stored ladder (what a draft of it holds). */
export function ladderBody(ladder: Ladder): LadderCreate {
  return {
    name: ladder.name,
    basis: ladder.basis,
    period: ladder.period,
    period_days: ladder.period_days,
    downgrade: ladder.downgrade,
    active: ladder.active,
    steps: ladder.steps.map((step) => ({
      name: step.name,
      threshold: step.threshold,
      rk_discount_id: step.rk_discount_id,
      bonus_percent: step.bonus_percent,
      max_payment_percent: step.max_payment_percent,
    })),
  }
}
