// Path aliases between the source areas, for Vite, Vitest and electron-vite (tsconfig.base.json has the same
// for TypeScript, tsx, esbuild and Playwright).
import { resolve } from 'node:path'

const root = import.meta.dirname

export const aliases = {
  '@shared': resolve(root, 'src/shared'),
  '@main': resolve(root, 'src/main'),
  '@server': resolve(root, 'src/server'),
  '@renderer': resolve(root, 'src/renderer/src'),
  '@web': resolve(root, 'src/web'),
  '@preload': resolve(root, 'src/preload'),
}
