// Crash safety of the local store: a child process writes drafts and outbox rows through the real Workspace and
// is SIGKILLed at random moments, hundreds of times. After every kill, every store file must parse and every
// write the child acknowledged (it prints an ack only after the write resolved, i.e. is on disk) must be there.
//
// The child is bundled once with esbuild (what tsx itself uses) into a V8 startup snapshot and run with plain
// node: tsx's per-process start-up would make 200+ spawns take minutes on a 2-core machine.

import { spawn, spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { build } from 'esbuild'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { decodeRecord, isTempFile } from '@main/store/atomic'
import { tempDir } from '@main/testing/harness'
import { Workspace } from '@main/sync/workspace'

const KILLS = Number(process.env.CRASH_KILLS ?? 200)
const LANES = 3
const work = tempDir('probonus-crash-')
const childScript = join(work.path, 'crash-child.cjs')
const snapshot = join(work.path, 'crash-child.blob')
/** How to start the child: from the snapshot when it could be built, else the plain bundle. */
let childArgs: string[] = [childScript]

beforeAll(async () => {
  await build({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: childScript,
    logLevel: 'error',
  })
  const built = spawnSync(process.execPath, ['--snapshot-blob', snapshot, '--build-snapshot', childScript], {
    cwd: work.path,
    timeout: 60_000,
  })
  if (built.status === 0) childArgs = ['--snapshot-blob', snapshot]
})
afterAll(() => work.remove())

type Line =
  | { t: 'ready' }
  | { t: 'start'; op: 'new' | 'edit' | 'publish' | 'discard'; id?: string; rev?: number }
  | { t: 'ack'; op: 'new' | 'edit' | 'publish' | 'discard'; id: string; rev?: number; row?: string }

/** What must be on disk: acknowledged drafts (id → revision) and outbox rows (op id → revision). */
interface Model {
  drafts: Map<string, number>
  rows: Map<string, number>
}

interface RunResult {
  acks: number
  pending: Extract<Line, { t: 'start' }> | null
}

/** Runs the child until a random moment after it is ready, kills it, and applies its acks to the model. */
async function runAndKill(dir: string, seed: number, model: Model): Promise<RunResult> {
  const child = spawn(process.execPath, [...childArgs, dir, String(seed)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()))
  const result: RunResult = { acks: 0, pending: null }
  let killTimer: NodeJS.Timeout | undefined
  const lines = createInterface({ input: child.stdout })
  lines.on('line', (text) => {
    const line = JSON.parse(text) as Line
    if (line.t === 'ready') {
      // Anywhere from before the first write to a few dozen writes in.
      killTimer = setTimeout(() => child.kill('SIGKILL'), Math.random() * 120)
      return
    }
    if (line.t === 'start') {
      result.pending = line
      return
    }
    result.pending = null
    result.acks++
    if (line.op === 'new' || line.op === 'edit') model.drafts.set(line.id, line.rev ?? 0)
    else if (line.op === 'publish') {
      model.drafts.delete(line.id)
      model.rows.set(line.row!, line.rev ?? 0)
    } else {
      model.drafts.delete(line.id)
      model.rows.delete(line.id)
    }
  })
  const guard = setTimeout(() => child.kill('SIGKILL'), 15_000)
  await exited
  clearTimeout(guard)
  clearTimeout(killTimer)
  if (stderr.trim() && !stderr.includes('EPIPE')) throw new Error(`child failed: ${stderr}`)
  return result
}

const revOf = (payload: unknown) => Number(String((payload as { description?: string }).description).slice(4))

/** Every file in the store parses; returns what is on disk, read the way the app reads it on start. */
async function inspect(
  dir: string,
): Promise<{ drafts: Map<string, number>; rows: Map<string, number>; rowDraft: Map<string, string | null> }> {
  for (const sub of ['drafts', 'outbox']) {
    const names = await fs.readdir(join(dir, sub)).catch(() => [] as string[])
    for (const name of names) {
      if (isTempFile(name)) continue // a write the kill interrupted: never read as data
      expect(name.endsWith('.json'), `unexpected file ${sub}/${name}`).toBe(true)
      const text = await fs.readFile(join(dir, sub, name), 'utf8')
      expect(decodeRecord(text), `${sub}/${name} does not parse`).toBeDefined()
    }
  }
  const bad: string[] = []
  const workspace = await Workspace.open({ dir, now: Date.now, onChange: () => {}, log: (m) => bad.push(m) })
  expect(bad).toEqual([])
  const drafts = new Map<string, number>()
  const rows = new Map<string, number>()
  const rowDraft = new Map<string, string | null>()
  for (const item of workspace.list()) {
    if (item.kind === 'draft') drafts.set(item.id, revOf(item.payload))
    else {
      rows.set(item.id, revOf(item.payload))
      rowDraft.set(item.id, item.draft_id)
    }
  }
  await workspace.close()
  return { drafts, rows, rowDraft }
}

/** Checks the disk against the acknowledged model, allowing only the one interrupted operation either way. */
function verify(model: Model, disk: Awaited<ReturnType<typeof inspect>>, pending: RunResult['pending']) {
  for (const [id, rev] of model.drafts) {
    const onDisk = disk.drafts.get(id)
    if (onDisk === rev) continue
    if (pending?.op === 'edit' && pending.id === id && onDisk === pending.rev) continue
    if (onDisk === undefined && pending?.op === 'discard' && pending.id === id) continue
    const published = [...disk.rowDraft].find(([, draftId]) => draftId === id)
    if (onDisk === undefined && pending?.op === 'publish' && pending.id === id && published) continue
    throw new Error(
      `acknowledged draft ${id} rev ${rev} is ${onDisk === undefined ? 'missing' : `at rev ${onDisk}`}`,
    )
  }
  for (const [id, rev] of model.rows) {
    const onDisk = disk.rows.get(id)
    if (onDisk === rev) continue
    if (onDisk === undefined && pending?.op === 'discard' && pending.id === id) continue
    throw new Error(
      `acknowledged outbox row ${id} rev ${rev} is ${onDisk === undefined ? 'missing' : `at rev ${onDisk}`}`,
    )
  }
  const extraDrafts = [...disk.drafts.keys()].filter((id) => !model.drafts.has(id))
  expect(extraDrafts.length, 'drafts nobody wrote').toBeLessThanOrEqual(pending?.op === 'new' ? 1 : 0)
  const extraRows = [...disk.rows.keys()].filter((id) => !model.rows.has(id))
  expect(extraRows.length, 'rows nobody wrote').toBeLessThanOrEqual(pending?.op === 'publish' ? 1 : 0)
}

it(
  `keeps every acknowledged write through ${KILLS} kills at random moments`,
  { timeout: 240_000 },
  async () => {
    let totalAcks = 0
    const lane = async (index: number) => {
      const dir = join(work.path, `lane-${index}`)
      const model: Model = { drafts: new Map(), rows: new Map() }
      for (let run = 0; run < Math.ceil(KILLS / LANES); run++) {
        const result = await runAndKill(dir, index * 100_000 + run + 1, model)
        totalAcks += result.acks
        const disk = await inspect(dir)
        verify(model, disk, result.pending)
        // The interrupted operation went one way or the other: the disk is the truth from here on.
        model.drafts = disk.drafts
        model.rows = disk.rows
      }
    }
    await Promise.all(Array.from({ length: LANES }, (_, index) => lane(index)))
    // The kills landed among real writes, not only before the first one.
    expect(totalAcks).toBeGreaterThan(KILLS)
  },
)
