// Money is integer kopecks inside the code and roubles with at most 2 decimals on the wire.
// Conversions go through the decimal string so that 0.1 + 0.2 style float noise never leaks into kopecks.

/**
 * True when `value` is finite and is exactly the double a decimal with at most `decimals` digits after the
 * point parses to (so `1234.5` and `0.3` pass, `1.005` and `0.1 + 0.2` do not).
 */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return false
  return Number(value.toFixed(decimals)) === value
}

/** Roubles (at most 2 decimals) → integer kopecks, exactly. Throws on more decimals or non-finite input. */
export function toKopecks(roubles: number): number {
  if (!hasAtMostDecimals(roubles, 2)) throw new RangeError(`Not a money amount: ${roubles}`)
  const kopecks = Math.round(roubles * 100)
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Money amount out of range: ${roubles}`)
  return kopecks === 0 ? 0 : kopecks
}

/** Integer kopecks → roubles as the nearest double (exact to 2 decimals when printed). */
export function fromKopecks(kopecks: number): number {
  if (!Number.isSafeInteger(kopecks)) throw new RangeError(`Not a kopeck amount: ${kopecks}`)
  const sign = kopecks < 0 ? '-' : ''
  const abs = Math.abs(kopecks)
  const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  const value = Number(text)
  return value === 0 ? 0 : value
}

/** The largest amount the API accepts: 10^12 roubles keeps every kopeck count a safe integer. */
export const MAX_MONEY_ROUBLES = 1_000_000_000_000
