// Searching the RK discount catalog for a ladder step's picker.
import type { RkDiscount } from '@shared/api'

/** How many matches the picker shows at once (the catalog may hold thousands). */
export const SHOWN = 50

export function discountLabel(discount: RkDiscount): string {
  return `${discount.rk_code} · ${discount.name}`
}

/** Discounts whose code starts with, or whose name contains, what was typed; active ones first. */
export function searchDiscounts(catalog: readonly RkDiscount[], query: string): RkDiscount[] {
  const q = query.trim().toLocaleLowerCase()
  const matches = q
    ? catalog.filter(
        (d) =>
          String(d.rk_code).startsWith(q) ||
          d.name.toLocaleLowerCase().includes(q) ||
          discountLabel(d).toLocaleLowerCase() === q,
      )
    : [...catalog]
  return matches.sort(
    (a, b) => Number(b.active) - Number(a.active) || a.rk_code - b.rk_code || a.name.localeCompare(b.name),
  )
}
