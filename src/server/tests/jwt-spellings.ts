// Other spellings of one compact JWT: strings a lenient base64url decoder reads as the very same bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** The segment with the unused low bits of its last character set otherwise (none when it has no unused bits). */
function flippedUnusedBits(segment: string): string[] {
  const unusedBits = (segment.length * 6) % 8
  const last = ALPHABET.indexOf(segment.slice(-1))
  if (unusedBits === 0 || last < 0) return []
  const variants: string[] = []
  for (let mask = 1; mask < 1 << unusedBits; mask++) {
    variants.push(segment.slice(0, -1) + ALPHABET.charAt(last ^ mask))
  }
  return variants
}

/**
 * Every other spelling of `token`, one segment changed at a time: `=` padding, flipped unused bits, the standard
 * base64 alphabet (`+`, `/`). Each decodes to the same bytes as the original (checked here), so a server that
 * decodes leniently would take it for the same token.
 */
export function otherSpellings(token: string): string[] {
  const segments = token.split('.')
  const spellings = new Set<string>()
  segments.forEach((segment, index) => {
    const variants = [
      `${segment}=`,
      `${segment}==`,
      segment.replaceAll('-', '+').replaceAll('_', '/'),
      ...flippedUnusedBits(segment),
    ]
    for (const variant of variants) {
      if (variant === segment) continue
      if (!Buffer.from(variant, 'base64url').equals(Buffer.from(segment, 'base64url'))) {
        throw new Error(`not a spelling of the same bytes: ${variant}`)
      }
      spellings.add(segments.map((part, i) => (i === index ? variant : part)).join('.'))
    }
  })
  return [...spellings]
}
