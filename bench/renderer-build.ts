// Builds for the renderer benches: the app as `npm run build` makes it (once per bench process), and the minimal
// React page of bench/minimal-react, the baseline served the same way.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'

const ROOT = join(import.meta.dirname, '..')
export const RENDERER_DIR = join(ROOT, 'out', 'renderer')

let appBuilt: Promise<string> | null = null
let minimalBuilt: Promise<string> | null = null

/** `electron-vite build` into out/ (main, preload and renderer): the renderer dir. */
export function buildApp(): Promise<string> {
  appBuilt ??= Promise.resolve().then(() => {
    const result = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    if (result.status !== 0) throw new Error(`electron-vite build failed (${result.status})`)
    return RENDERER_DIR
  })
  return appBuilt
}

/** The minimal React page, minified like the renderer, into a temp dir: that dir. */
export function buildMinimalReact(): Promise<string> {
  minimalBuilt ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'probonus-bench-minimal-'))
    await build({
      root: join(import.meta.dirname, 'minimal-react'),
      base: './',
      logLevel: 'warn',
      configFile: false,
      plugins: [react()],
      build: { outDir, emptyOutDir: true, minify: true },
    })
    return outDir
  })()
  return minimalBuilt
}
