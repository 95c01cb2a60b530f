// A directory of small durable records, one file per record (`<id>.json`): a draft or an outbox row is rewritten
// alone, never a big file holding all of them. The whole directory is loaded into memory on open.

import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { isTempFile, readRecord, removeFile, sweepTempFiles, writeRecord } from './atomic'
import { CoalescingWriter } from './coalescing-writer'

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/
const SUFFIX = '.json'

export type RecordParser<T> = (data: unknown) => T | undefined

export class RecordDir<T> {
  private readonly writer = new CoalescingWriter()
  /** Records removed in memory whose files are unlinked in the next batch (see `removeSoon`). */
  private readonly unlinkSoon = new Set<string>()
  private unlinkTimer: NodeJS.Timeout | null = null

  private constructor(
    readonly dir: string,
    private readonly records: Map<string, T>,
  ) {}

  /**
   * Loads every intact record. Temp files are swept; a file that is torn, of another format or fails `parse` is
   * renamed to `*.bad` (kept for inspection, never read again) and reported to `onBad`.
   */
  static async open<T>(
    dir: string,
    parse: RecordParser<T>,
    onBad: (file: string) => void = () => {},
  ): Promise<RecordDir<T>> {
    await fs.mkdir(dir, { recursive: true })
    await sweepTempFiles(dir)
    const records = new Map<string, T>()
    const names = (await fs.readdir(dir)).filter((name) => name.endsWith(SUFFIX) && !isTempFile(name))
    for (const name of names) {
      const path = join(dir, name)
      const record = await readRecord(path)
      const value = record ? parse(record.data) : undefined
      if (value === undefined) {
        onBad(path)
        await fs.rename(path, `${path}.bad`).catch(() => undefined)
        continue
      }
      records.set(name.slice(0, -SUFFIX.length), value)
    }
    return new RecordDir(dir, records)
  }

  get size(): number {
    return this.records.size
  }

  get(id: string): T | undefined {
    return this.records.get(id)
  }

  values(): T[] {
    return [...this.records.values()]
  }

  /** Visible in memory at once; durable on disk when the promise resolves. */
  put(id: string, value: T): Promise<void> {
    const path = this.pathOf(id)
    this.unlinkSoon.delete(id)
    this.records.set(id, value)
    return this.writer.write(id, () => writeRecord(path, value))
  }

  /** Changes the record in memory only (bookkeeping that may be lost in a crash, e.g. a retry counter). */
  setInMemory(id: string, value: T): void {
    if (this.records.has(id)) this.records.set(id, value)
  }

  /** `durable: false` skips the directory fsync (for removals that are safe to replay after a crash). */
  remove(id: string, options: { durable?: boolean } = {}): Promise<void> {
    const path = this.pathOf(id)
    this.records.delete(id)
    return this.writer.write(id, () => removeFile(path, options.durable ?? true))
  }

  /**
   * Gone from memory now; the file is unlinked within `delayMs`, together with others (no directory fsync). Only
   * for records that are harmless if a crash brings them back.
   */
  removeSoon(id: string, delayMs = 250): void {
    this.pathOf(id)
    this.records.delete(id)
    this.unlinkSoon.add(id)
    this.unlinkTimer ??= setTimeout(() => void this.unlinkPending(), delayMs)
  }

  async flush(): Promise<void> {
    await this.unlinkPending()
    await this.writer.idle()
  }

  private async unlinkPending(): Promise<void> {
    if (this.unlinkTimer) clearTimeout(this.unlinkTimer)
    this.unlinkTimer = null
    const ids = [...this.unlinkSoon]
    this.unlinkSoon.clear()
    await Promise.all(
      ids.map((id) => this.writer.write(id, () => removeFile(this.pathOf(id), false)).catch(() => {})),
    )
  }

  private pathOf(id: string): string {
    if (!SAFE_ID.test(id)) throw new Error(`Unsafe record id: ${id.slice(0, 120)}`)
    return join(this.dir, id + SUFFIX)
  }
}
