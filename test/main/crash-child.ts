// The crash-safety test's child: writes drafts and outbox rows through the real Workspace as fast as the disk
// allows, printing `start` before and `ack` after each durable write, until the parent kills it.

import v8 from 'node:v8'
import { Workspace } from '@main/sync/workspace'

async function run(dir: string, seedText: string): Promise<void> {
  let seed = Number(seedText) >>> 0 || 1
  /** mulberry32: reproducible per seed. */
  const random = () => {
    seed = (seed + 0x6d2b79f5) >>> 0
    let t = seed
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!
  const say = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`)
  const revOf = (payload: unknown) =>
    Number(String((payload as { description?: string }).description).slice(4))
  const body = (name: string, rev: number) => ({ name, description: `rev:${rev}`, active: true })

  const workspace = await Workspace.open({ dir, now: Date.now, onChange: () => {} })
  say({ t: 'ready' })

  for (let n = 0; ; n++) {
    const items = workspace.list()
    const drafts = items.filter((item) => item.kind === 'draft')
    const rows = items.filter((item) => item.kind === 'outbox')
    const roll = random()
    if (rows.length > 20) {
      const row = rows[0]!
      say({ t: 'start', op: 'discard', id: row.id })
      await workspace.discard(row.id)
      say({ t: 'ack', op: 'discard', id: row.id })
    } else if (drafts.length < 3 || roll < 0.25) {
      say({ t: 'start', op: 'new' })
      const draft = await workspace.saveDraft(
        { entity: 'account_group', payload: body(`g${process.pid}-${n}`, 0) },
        () => {
          throw new Error('no server here')
        },
      )
      say({ t: 'ack', op: 'new', id: draft.id, rev: 0 })
    } else if (roll < 0.7) {
      const draft = pick(drafts)
      const rev = revOf(draft.payload) + 1
      say({ t: 'start', op: 'edit', id: draft.id, rev })
      await workspace.saveDraft(
        { id: draft.id, entity: 'account_group', payload: body(draft.title, rev) },
        () => {
          throw new Error('no server here')
        },
      )
      say({ t: 'ack', op: 'edit', id: draft.id, rev })
    } else if (roll < 0.9) {
      const draft = pick(drafts)
      say({ t: 'start', op: 'publish', id: draft.id })
      const row = await workspace.publish(draft.id)
      say({ t: 'ack', op: 'publish', id: draft.id, row: row.id, rev: revOf(row.payload) })
    } else {
      const draft = pick(drafts)
      say({ t: 'start', op: 'discard', id: draft.id })
      await workspace.discard(draft.id)
      say({ t: 'ack', op: 'discard', id: draft.id })
    }
  }
}

/** The last two arguments: `<dir> <seed>` (run from a V8 startup snapshot or as a plain script). */
const main = () => {
  const [dir, seed] = process.argv.slice(-2)
  if (!dir || !seed) throw new Error('usage: crash-child <dir> <seed>')
  void run(dir, seed)
}

// Built into a startup snapshot, the modules (zod and the schemas) are initialized once, not per spawn.
if (v8.startupSnapshot.isBuildingSnapshot()) v8.startupSnapshot.setDeserializeMainFunction(main)
else main()
