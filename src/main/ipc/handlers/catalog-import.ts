// What an R-Keeper import would do to the catalog: checked row by row, compared by rk_code. Pure.

import { rkDiscountImportItem, type RkDiscount, type RkDiscountImportItem } from '@shared/api'
import type { CatalogImportPreview, CatalogUsage, DraftEntityBody } from '@shared/ipc'
import type { Ladder } from '@shared/api'

export function previewImport(rows: unknown[], current: readonly RkDiscount[]): CatalogImportPreview {
  const errors: CatalogImportPreview['errors'] = []
  const valid: RkDiscountImportItem[] = []
  const firstRowOfCode = new Map<number, number>()
  rows.forEach((row, index) => {
    const parsed = rkDiscountImportItem.safeParse(row)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({
          row: index,
          path: issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
          message: issue.message,
        })
      }
      return
    }
    const first = firstRowOfCode.get(parsed.data.rk_code)
    if (first !== undefined) {
      errors.push({
        row: index,
        path: ['rk_code'],
        message: `Duplicate rk_code ${parsed.data.rk_code} (also in row ${first + 1})`,
      })
      return
    }
    firstRowOfCode.set(parsed.data.rk_code, index)
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
  return preview
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
