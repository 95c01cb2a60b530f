import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openDatabase } from './database'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

const tempDbPath = () => {
  const dir = mkdtempSync(join(tmpdir(), 'probonus-checkpoint-'))
  dirs.push(dir)
  return join(dir, 'sandbox.db')
}

/** 2 MB written in one transaction: 500 pages, far below the 4,000-page automatic checkpoint of SQLite. */
function writeTwoMegabytes(db: ReturnType<typeof openDatabase>): void {
  db.sqlite.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, data BLOB NOT NULL)')
  const insert = db.sqlite.prepare('INSERT INTO filler (data) VALUES (randomblob(4000))')
  db.tx(() => {
    for (let i = 0; i < 512; i++) insert.run()
  })
}

describe('database: the write-ahead log is checkpointed off the connection that writes', () => {
  it('the server connection never checkpoints in a COMMIT; a worker copies the WAL into the file soon after', async () => {
    const path = tempDbPath()
    const db = openDatabase(path)
    try {
      expect(db.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
      const before = statSync(path).size
      writeTwoMegabytes(db)
      // Only a checkpoint moves pages from the WAL into the database file.
      await vi.waitFor(() => expect(statSync(path).size).toBeGreaterThan(before + 2_000_000), {
        timeout: 10_000,
        interval: 50,
      })
    } finally {
      await db.close()
    }
  })

  it('a close resolves once the worker has let go of the files: the directory can be deleted at once', async () => {
    for (let round = 0; round < 5; round++) {
      const path = tempDbPath()
      const db = openDatabase(path)
      writeTwoMegabytes(db)
      await db.close()
      rmSync(join(path, '..'), { recursive: true })
    }
  })

  it('a process with nothing else to do goes on after awaiting a close (the worker is held while it stops)', () => {
    const path = tempDbPath()
    const module = join(import.meta.dirname, 'database.ts')
    const script = `const { openDatabase } = await import(${JSON.stringify(module)})
const db = openDatabase(${JSON.stringify(path)})
await db.close()
console.log('after close')`
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    })
    expect(child.stderr).toBe('')
    expect(child.stdout.trim()).toBe('after close')
  })

  it('what was committed is there after a close and a reopen', async () => {
    const path = tempDbPath()
    const first = openDatabase(path)
    writeTwoMegabytes(first)
    await first.close()
    const again = openDatabase(path)
    try {
      expect(again.sqlite.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(512)
    } finally {
      await again.close()
    }
  })
})
