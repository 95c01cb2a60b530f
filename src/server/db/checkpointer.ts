import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

/**
 * Copies the write-ahead log back into the database file on a thread of its own, so no request waits for it.
 *
 * SQLite's automatic checkpoint runs inside the COMMIT of whichever write crosses the threshold: after a group
 * operation on 100,000 accounts that is ~280 MB copied and fsynced before the answer leaves (over a second). Here
 * the server's connection never checkpoints (`wal_autocheckpoint = 0`); a second connection in a worker thread
 * runs a PASSIVE checkpoint every `intervalMs`, which never blocks the server's reads or writes. Durability is
 * unchanged: a commit is in the WAL either way, and the WAL is what a restart recovers from.
 */
export interface Checkpointer {
  /**
   * Stops the timer and closes the worker's connection (the last connection to close checkpoints the rest);
   * resolves once the worker is gone, so its files are no longer touched (a test then deletes the directory).
   */
  stop(): Promise<void>
}

// CommonJS source of the worker (eval'd: no file to locate from a bundle, tsx or vitest alike).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 1000')
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch {
    // Busy or closing: the next tick tries again.
  }
}
const timer = setInterval(checkpoint, workerData.intervalMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  parentPort.close()
})
`

const driverPath = createRequire(import.meta.url).resolve('better-sqlite3')

export function startCheckpointer(path: string, intervalMs = 200): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: { path, driver: driverPath, intervalMs },
  })
  // Never keeps the process alive, and a failure of the worker only means checkpoints happen at the next open.
  worker.unref()
  const exited = new Promise<void>((resolve) => {
    worker.once('exit', () => resolve())
    worker.once('error', () => resolve())
  })
  let stopped = false
  return {
    stop() {
      if (!stopped) {
        stopped = true
        // Held until it exits: an unref'd worker awaited by a process with nothing else to do let Node end
        // the process right there (a bench stopping its sandbox quit silently).
        worker.ref()
        worker.postMessage('stop')
      }
      return exited
    },
  }
}
