/** Parses what a person types as a number: spaces ignored, a comma is a decimal point. */
export function parseNumberInput(text: string): number | null | 'invalid' {
  const normalized = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.')
  if (normalized === '') return null
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(normalized)) return 'invalid'
  const value = Number(normalized)
  return Number.isFinite(value) ? value : 'invalid'
}
