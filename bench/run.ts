// The bench runner: `npm run bench` runs every registered bench, `npm run bench -- server-api` the named ones.
// Each bench measures in one process against a baseline of the same run and reports figures; the runner prints
// them, writes bench/results/<name>.json, and rebuilds bench/results.md (one table: what, figure, baseline,
// ratio, target, met) from every bench's latest JSON, with the machine each ran on. It exits 1 when a figure
// misses its target. Benches are not tests: nothing in `npm test` or CI runs them.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { format } from 'prettier'

export interface BenchFigure {
  /** What is measured. */
  name: string
  value: number
  /** `µs` for latencies, else what it counts (`req/s`, `KB`, `MB`, `%`, `ratio`). */
  unit: string
  /** The same measurement of a baseline, in the same run and unit: the ratio is value ÷ baseline. */
  baseline?: { name: string; value: number }
  /** Met when the value (or with `of: 'ratio'`, the ratio) is ≥ min and ≤ max (either may be absent). */
  target?: { of?: 'value' | 'ratio'; min?: number; max?: number }
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
  'server-scale': () => import('./server-scale.bench'),
  'main-sync': () => import('./main-sync.bench'),
  'renderer-bundle': () => import('./renderer-bundle.bench'),
  'renderer-ui': () => import('./renderer-ui.bench'),
  'ladder-editor': () => import('./ladder-editor.bench'),
  'accounts-scroll': () => import('./accounts-scroll.bench'),
}

interface Machine {
  cores: number
  cpu: string
  memoryGb: number
  node: string
  /** 1-, 5- and 15-minute load averages when the bench started. */
  loadAtStart: number[]
}

interface StoredResult extends BenchResult {
  bench: string
  title: string
  startedAt: string
  seconds: number
  machine: Machine
  ok: boolean
}

const RESULTS_DIR = join(import.meta.dirname, 'results')
const RESULTS_MD = join(import.meta.dirname, 'results.md')

/** value ÷ baseline; none without a baseline or when the baseline is 0 (a share of 0 %: no ratio to speak of). */
export const ratioOf = (figure: BenchFigure): number | undefined =>
  figure.baseline === undefined || figure.baseline.value === 0
    ? undefined
    : figure.value / figure.baseline.value

export function passes(figure: BenchFigure): boolean {
  const { of = 'value', min, max } = figure.target ?? {}
  const value = of === 'ratio' ? ratioOf(figure) : figure.value
  if (value === undefined || Number.isNaN(value)) return false
  return (min === undefined || value >= min) && (max === undefined || value <= max)
}

/** 1,234,567 · 12.3 · 0.123: whole numbers from 100 (and whole values), else 2–3 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const abs = Math.abs(value)
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })
}

const withUnit = (value: number, unit: string): string =>
  unit === 'ratio' ? `${formatNumber(value)}×` : `${formatNumber(value)} ${unit}`

function formatTarget(figure: BenchFigure): string {
  if (!figure.target) return ''
  const { of = 'value', min, max } = figure.target
  const show = (value: number) => (of === 'ratio' ? `${formatNumber(value)}×` : withUnit(value, figure.unit))
  if (min !== undefined && max !== undefined) return `${show(min)} … ${show(max)}`
  if (min !== undefined) return `≥ ${show(min)}`
  if (max !== undefined) return `≤ ${show(max)}`
  return ''
}

function machineNow(): Machine {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
  }
}

const cell = (text: string): string => text.replaceAll('|', '\\|')

function row(bench: string, figure: BenchFigure, missed = '**no**'): string[] {
  const ratio = ratioOf(figure)
  return [
    bench,
    figure.name,
    withUnit(figure.value, figure.unit),
    figure.baseline ? `${figure.baseline.name}: ${withUnit(figure.baseline.value, figure.unit)}` : '',
    ratio === undefined ? '' : `${formatNumber(ratio)}×`,
    formatTarget(figure),
    figure.target ? (passes(figure) ? 'yes' : missed) : '',
  ]
}

/** bench/results.md from every bench's latest stored result, in the registry's order. */
async function writeResultsMarkdown(): Promise<void> {
  const stored = Object.keys(BENCHES)
    .map((name) => join(RESULTS_DIR, `${name}.json`))
    .filter((file) => existsSync(file))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as StoredResult)
  const lines = [
    '# Benchmark results',
    '',
    'Written by `npm run bench` (all benches) or `npm run bench -- NAME` (one; the others keep their last run).',
    'Latencies in µs. Ratio = figure ÷ baseline, both measured in the same run. See README, «Performance».',
    '',
    '| bench | what | figure | baseline (same run) | ratio | target | met |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...stored.flatMap((result) =>
      result.figures.map((figure) => `| ${row(result.bench, figure).map(cell).join(' | ')} |`),
    ),
    '',
    '## Runs',
    '',
    ...stored.flatMap((result) => {
      const { cores, cpu, memoryGb, node, loadAtStart } = result.machine
      return [
        `### ${result.bench}: ${result.title}`,
        '',
        `${result.startedAt}, ${Math.round(result.seconds)} s; ${cores} cores (${cpu}), ${memoryGb} GB, Node ${node}; ` +
          `load average at start ${loadAtStart.join(' / ')} (1 / 5 / 15 min).`,
        '',
        ...(result.notes ?? []).map((note) => `- ${note}`),
        '',
      ]
    }),
  ]
  const text = await format(lines.join('\n'), { parser: 'markdown', singleQuote: true, printWidth: 110 })
  writeFileSync(RESULTS_MD, text)
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((cells) => cells[column]!.length)))
  for (const [i, cells] of rows.entries()) {
    console.log(cells.map((text, column) => text.padEnd(widths[column]!)).join('  '))
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
  const rows = [['bench', 'what', 'figure', 'baseline', 'ratio', 'target', 'met']]
  let allPass = true
  for (const name of names) {
    const bench = (await BENCHES[name]!()).default
    console.log(`== ${name}: ${bench.title}`)
    const machine = machineNow()
    const startedAt = new Date()
    const result = await bench.run()
    for (const note of result.notes ?? []) console.log(`   ${note}`)
    for (const figure of result.figures) {
      allPass &&= !figure.target || passes(figure)
      rows.push(row(name, figure, 'NO'))
    }
    const stored: StoredResult = {
      bench: name,
      title: bench.title,
      startedAt: startedAt.toISOString(),
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      machine,
      ...result,
      ok: result.figures.every((figure) => !figure.target || passes(figure)),
    }
    writeFileSync(join(RESULTS_DIR, `${name}.json`), `${JSON.stringify(stored, null, 2)}\n`)
    await writeResultsMarkdown()
  }
  console.log('')
  printTable(rows)
  console.log(`\n${RESULTS_MD} (all benches' latest runs); JSON in ${RESULTS_DIR}`)
  if (!allPass) process.exit(1)
}

// Bench modules import this file for its types only; run when it is the entry point.
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
