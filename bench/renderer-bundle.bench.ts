// The renderer's JavaScript as shipped: what index.html loads before anything renders (its module script and the
// chunks it preloads), gzipped, against the minimal React page built the same way; and the whole renderer.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { buildApp, buildMinimalReact } from './renderer-build'
import type { Bench } from './run'

const gzippedKb = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length / 1024

/** The JS files index.html loads initially: `<script type="module" src>` and `<link rel="modulepreload" href>`. */
export function initialScripts(dir: string): string[] {
  const html = readFileSync(join(dir, 'index.html'), 'utf8')
  const sources = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
  ].map((match) => join(dir, match[1]!))
  return [...new Set(sources)]
}

const bench: Bench = {
  title: 'renderer JS: the initial chunks index.html loads, gzipped (level 9)',
  async run() {
    const app = await buildApp()
    const minimal = await buildMinimalReact()
    const initial = initialScripts(app)
    const all = readdirSync(join(app, 'assets'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => join(app, 'assets', name))
    const sum = (files: string[]) => files.reduce((total, file) => total + gzippedKb(file), 0)
    const minimalKb = sum(initialScripts(minimal))
    const lazy = all.filter((file) => !initial.includes(file))
    const largestLazy = lazy.map((file) => ({ file, kb: gzippedKb(file) })).sort((a, b) => b.kb - a.kb)[0]
    const baseline = { name: 'minimal React page', value: minimalKb }
    return {
      figures: [
        {
          name: 'initial renderer JS, gzipped',
          value: sum(initial),
          unit: 'KB',
          baseline,
          target: { max: 200 },
        },
        { name: 'all renderer JS, gzipped', value: sum(all), unit: 'KB', baseline },
        { name: 'chunks loaded on demand', value: lazy.length, unit: 'chunks' },
      ],
      notes: [
        `initial: ${initial.map((file) => file.slice(app.length + 1)).join(', ')}`,
        `largest on-demand chunk: ${largestLazy ? `${largestLazy.file.slice(app.length + 1)} (${largestLazy.kb.toFixed(1)} KB)` : 'none'}`,
        'built by `electron-vite build` (minified); the baseline is bench/minimal-react built by Vite the same way',
      ],
    }
  },
}

export default bench
