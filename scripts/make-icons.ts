// Draws the app icon (a rounded blue–violet square with three rising white steps: a bonus ladder) and writes
// build/icon.png (512×512) and build/icon.ico (16–256, PNG entries). No image tools needed: shapes are signed
// distance functions, supersampled for anti-aliasing, encoded with node:zlib.
//   npx tsx scripts/make-icons.ts
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { deflateSync } from 'node:zlib'

type Rgb = readonly [number, number, number]

/** Signed distance to a rounded rectangle (negative inside), in the 512-unit design space. */
function roundedRect(
  x: number,
  y: number,
  left: number,
  top: number,
  right: number,
  bottom: number,
  r: number,
): number {
  const cx = (left + right) / 2
  const cy = (top + bottom) / 2
  const qx = Math.abs(x - cx) - ((right - left) / 2 - r)
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - r)
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r
}

const FROM: Rgb = [37, 99, 235] // #2563eb
const TO: Rgb = [124, 58, 237] // #7c3aed
const STEPS = [
  { left: 104, top: 292, right: 188, bottom: 404 },
  { left: 214, top: 212, right: 298, bottom: 404 },
  { left: 324, top: 120, right: 408, bottom: 404 },
]

/** Colour and coverage at one point of the design space. */
function sample(x: number, y: number): { rgb: Rgb; alpha: number } {
  if (roundedRect(x, y, 24, 24, 488, 488, 104) > 0) return { rgb: [0, 0, 0], alpha: 0 }
  if (STEPS.some((step) => roundedRect(x, y, step.left, step.top, step.right, step.bottom, 14) <= 0)) {
    return { rgb: [255, 255, 255], alpha: 1 }
  }
  const t = Math.min(1, Math.max(0, (x + y - 48) / (976 - 48)))
  return { rgb: [0, 1, 2].map((i) => FROM[i]! + (TO[i]! - FROM[i]!) * t) as unknown as Rgb, alpha: 1 }
}

/** RGBA pixels of the icon at `size`×`size`, 4×4 samples per pixel. */
function render(size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  const grid = 4
  const scale = 512 / size
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0
      let g = 0
      let b = 0
      let a = 0
      for (let sy = 0; sy < grid; sy++) {
        for (let sx = 0; sx < grid; sx++) {
          const { rgb, alpha } = sample((px + (sx + 0.5) / grid) * scale, (py + (sy + 0.5) / grid) * scale)
          r += rgb[0] * alpha
          g += rgb[1] * alpha
          b += rgb[2] * alpha
          a += alpha
        }
      }
      const offset = (py * size + px) * 4
      const n = grid * grid
      pixels[offset] = a ? Math.round(r / a) : 0
      pixels[offset + 1] = a ? Math.round(g / a) : 0
      pixels[offset + 2] = a ? Math.round(b / a) : 0
      pixels[offset + 3] = Math.round((a / n) * 255)
    }
  }
  return pixels
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(typed))
  return Buffer.concat([length, typed, crc])
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** An .ico whose entries are PNGs (Windows Vista and later read them at every size). */
function encodeIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2) // icon
  header.writeUInt16LE(images.length, 4)
  let offset = 6 + images.length * 16
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry[0] = size >= 256 ? 0 : size
    entry[1] = size >= 256 ? 0 : size
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...images.map((image) => image.png)])
}

const outDir = resolve(import.meta.dirname, '..', 'build')
mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, 'icon.png'), encodePng(512, render(512)))
const icoSizes = [16, 24, 32, 48, 64, 128, 256]
writeFileSync(
  join(outDir, 'icon.ico'),
  encodeIco(icoSizes.map((size) => ({ size, png: encodePng(size, render(size)) }))),
)
console.log(`Wrote ${join(outDir, 'icon.png')} and ${join(outDir, 'icon.ico')}`)
