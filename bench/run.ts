// The bench runner: `npm run bench` runs every registered bench, `npm run bench -- server-api` the named ones.
// Each bench measures in one process against a baseline of the same run and reports figures (ratios mostly);
// the runner prints them as a table, writes bench/results/<name>.json, and exits 1 when a figure misses its target.
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'

export interface BenchFigure {
  name: string
  value: number
  unit: string
  /** The figure passes when value ≥ min and ≤ max (either may be absent). */
  target?: { min?: number; max?: number }
}

export interface BenchResult {
  figures: BenchFigure[]
  notes?: string[]
}

/** What a `bench/*.bench.ts` module default-exports. */
export interface Bench {
  title: string
  run(): Promise<BenchResult>
}

/** Register a bench here with one line: name → its module. */
const BENCHES: Record<string, () => Promise<{ default: Bench }>> = {
  'server-api': () => import('./server-api.bench'),
  'main-sync': () => import('./main-sync.bench'),
  'server-scale': () => import('./server-scale.bench'),
}

const RESULTS_DIR = join(import.meta.dirname, 'results')

const passes = (figure: BenchFigure): boolean =>
  (figure.target?.min === undefined || figure.value >= figure.target.min) &&
  (figure.target?.max === undefined || figure.value <= figure.target.max)

function formatTarget(figure: BenchFigure): string {
  const { min, max } = figure.target ?? {}
  if (min !== undefined && max !== undefined) return `${min}…${max}`
  if (min !== undefined) return `≥ ${min}`
  if (max !== undefined) return `≤ ${max}`
  return ''
}

const formatValue = (value: number): string =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 10 ? value.toFixed(1) : value.toFixed(3)

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  for (const [i, row] of rows.entries()) {
    console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '))
    if (i === 0) console.log(widths.map((width) => '-'.repeat(width)).join('  '))
  }
}

async function main(): Promise<void> {
  const requested = process.argv.slice(2).filter((arg) => !arg.startsWith('-'))
  const unknown = requested.filter((name) => !(name in BENCHES))
  if (unknown.length > 0) {
    console.error(`unknown bench: ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`)
    process.exit(2)
  }
  const names = requested.length > 0 ? requested : Object.keys(BENCHES)
  mkdirSync(RESULTS_DIR, { recursive: true })
  const rows = [['bench', 'figure', 'value', 'unit', 'target', 'ok']]
  let allPass = true
  for (const name of names) {
    const bench = (await BENCHES[name]!()).default
    console.log(`== ${name}: ${bench.title}`)
    const startedAt = new Date().toISOString()
    const result = await bench.run()
    for (const note of result.notes ?? []) console.log(`   ${note}`)
    for (const figure of result.figures) {
      const ok = passes(figure)
      allPass &&= ok
      rows.push([
        name,
        figure.name,
        formatValue(figure.value),
        figure.unit,
        formatTarget(figure),
        ok ? 'yes' : 'NO',
      ])
    }
    const file = join(RESULTS_DIR, `${name}.json`)
    const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown' }
    writeFileSync(
      file,
      `${JSON.stringify({ bench: name, title: bench.title, startedAt, machine, ...result, ok: result.figures.every(passes) }, null, 2)}\n`,
    )
  }
  console.log('')
  printTable(rows)
  console.log(`\nresults in ${RESULTS_DIR}`)
  if (!allPass) process.exit(1)
}

// Bench modules import this file for its types only; run when it is the entry point.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
