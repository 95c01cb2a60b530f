// R-Keeper codes are unique in an import: the rule once, for the request schema (server), main's import preview
// and the file reader in the renderer.

/** Remembers where each R-Keeper code was first seen (rows of any numbering) and tells a repeat. */
export class RkCodeFirstRows {
  private readonly first = new Map<number, number>()

  /** Notes `code` at `row`; when an earlier row had it, that row (the repeat is the error), else null. */
  repeatOf(code: number, row: number): number | null {
    const first = this.first.get(code)
    if (first !== undefined) return first
    this.first.set(code, row)
    return null
  }

  /** True when `code` was seen. */
  has(code: number): boolean {
    return this.first.has(code)
  }
}

/** Every item whose `rk_code` an earlier item already had, with the index of that first one. */
export function duplicateRkCodes(
  items: readonly { rk_code: number }[],
): { index: number; rk_code: number; first: number }[] {
  const seen = new RkCodeFirstRows()
  const repeats: { index: number; rk_code: number; first: number }[] = []
  items.forEach((item, index) => {
    const first = seen.repeatOf(item.rk_code, index)
    if (first !== null) repeats.push({ index, rk_code: item.rk_code, first })
  })
  return repeats
}
