// What an R-Keeper import would do to the catalog: checked row by row, compared by rk_code. Pure.

import { codeOfIssueIn, rkDiscountImportItem, type RkDiscount, type RkDiscountImportItem } from '@shared/api'
import { RkCodeFirstRows } from '@shared/domain'
import type { CatalogImportPreview, CatalogUsage, DraftEntityBody } from '@shared/ipc'
import type { Ladder } from '@shared/api'

/**
 * What importing `rows` would do to the `current` catalog, as a full sync. `usage` (which ladder steps use which
 * discount) names the ladders and steps of every discount the import would deactivate.
 */
export function previewImport(
  rows: unknown[],
  current: readonly RkDiscount[],
  usage: CatalogUsage['items'] = [],
): CatalogImportPreview {
  const errors: CatalogImportPreview['errors'] = []
  const valid: RkDiscountImportItem[] = []
  const firstRowOfCode = new RkCodeFirstRows()
  rows.forEach((row, index) => {
    const parsed = rkDiscountImportItem.safeParse(row)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({
          row: index,
          path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: issue.message,
          ...codeOfIssueIn(issue, row),
        })
      }
      return
    }
    const rkCode = parsed.data.rk_code
    const first = firstRowOfCode.repeatOf(rkCode, index)
    if (first !== null) {
      errors.push({
        row: index,
        path: ['rk_code'],
        message: `Duplicate rk_code ${rkCode} (also in row ${first + 1})`,
        code: 'rk_code_duplicate',
        params: { rk_code: rkCode, row: index + 1, first_row: first + 1 },
      })
      return
    }
    valid.push(parsed.data)
  })

  const byCode = new Map(current.map((discount) => [discount.rk_code, discount]))
  const preview: CatalogImportPreview = {
    total: rows.length,
    errors,
    created: [],
    updated: [],
    deactivated: [],
    unchanged: 0,
    deactivated_in_use: [],
  }
  for (const item of valid) {
    const before = byCode.get(item.rk_code)
    if (!before) {
      preview.created.push(item)
      continue
    }
    const after = { name: item.name, kind: item.kind, value: item.value, active: item.active ?? true }
    const changes = (['name', 'kind', 'value', 'active'] as const).filter((key) => before[key] !== after[key])
    if (changes.length) preview.updated.push({ before, after: item, changes })
    else preview.unchanged++
  }
  preview.deactivated = current.filter((discount) => discount.active && !firstRowOfCode.has(discount.rk_code))
  const laddersOf = new Map(usage.map((entry) => [entry.rk_discount_id, entry.ladders]))
  const inUse = (discount: RkDiscount, reason: 'missing' | 'inactive_in_file') => {
    const ladders = laddersOf.get(discount.id)
    if (ladders?.length) {
      const { id: rk_discount_id, rk_code, name } = discount
      preview.deactivated_in_use.push({ rk_discount_id, rk_code, name, reason, ladders })
    }
  }
  for (const { before, after } of preview.updated) {
    if (before.active && after.active === false) inUse(before, 'inactive_in_file')
  }
  for (const discount of preview.deactivated) inUse(discount, 'missing')
  preview.deactivated_in_use.sort((a, b) => a.rk_code - b.rk_code)
  return preview
}

/**
 * "Add and update only" over an import that deactivates whatever is missing: the active discounts of `current`
 * that `items` leaves out, re-sent as they are, so nothing becomes inactive.
 */
export function keptAsTheyAre(
  items: readonly RkDiscountImportItem[],
  current: readonly RkDiscount[],
): RkDiscountImportItem[] {
  const listed = new Set(items.map((item) => item.rk_code))
  return current
    .filter((discount) => discount.active && !listed.has(discount.rk_code))
    .map(({ rk_code, name, kind, value }) => ({ rk_code, name, kind, value, active: true }))
}

/** Which ladders (and which of their steps) use each RK discount. */
export function discountUsage(ladders: readonly (Ladder | DraftEntityBody)[]): CatalogUsage['items'] {
  const usage = new Map<number, CatalogUsage['items'][number]>()
  for (const ladder of ladders) {
    if (!('steps' in ladder)) continue
    ladder.steps.forEach((step, index) => {
      if (step.rk_discount_id === null) return
      let entry = usage.get(step.rk_discount_id)
      if (!entry) {
        entry = { rk_discount_id: step.rk_discount_id, ladders: [] }
        usage.set(step.rk_discount_id, entry)
      }
      let ladderEntry = entry.ladders.find((other) => other.ladder_id === ladder.id)
      if (!ladderEntry) {
        ladderEntry = { ladder_id: ladder.id, name: ladder.name, active: ladder.active, steps: [] }
        entry.ladders.push(ladderEntry)
      }
      ladderEntry.steps.push({ index, name: step.name })
    })
  }
  return [...usage.values()].sort((a, b) => a.rk_discount_id - b.rk_discount_id)
}
