// One durable JSON document (profiles, a cache list). Saves are coalesced; `saveSoon` also debounces them for
// data that may lag a little behind memory (caches), `save` is durable when it resolves.

import { readRecord, writeRecord } from './atomic'
import { CoalescingWriter } from './coalescing-writer'

export class DocumentFile<T> {
  private readonly writer = new CoalescingWriter()
  private timer: NodeJS.Timeout | null = null
  private latest: T | undefined

  constructor(readonly path: string) {}

  /** The stored document, or undefined when missing, torn or not accepted by `parse`. */
  async load(parse: (data: unknown) => T | undefined): Promise<T | undefined> {
    const record = await readRecord(this.path)
    return record ? parse(record.data) : undefined
  }

  save(value: T): Promise<void> {
    this.cancelTimer()
    this.latest = undefined
    return this.writer.write('doc', () => writeRecord(this.path, value))
  }

  /** Writes `value` after `delayMs` unless a newer value comes first (then that one is written instead). */
  saveSoon(value: T, delayMs: number): void {
    this.latest = value
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      const pending = this.latest
      this.latest = undefined
      if (pending !== undefined)
        this.writer.write('doc', () => writeRecord(this.path, pending)).catch(() => {})
    }, delayMs)
    this.timer.unref?.()
  }

  /** Writes what `saveSoon` still holds and waits for every write. */
  async flush(): Promise<void> {
    const pending = this.latest
    this.cancelTimer()
    this.latest = undefined
    if (pending !== undefined) await this.writer.write('doc', () => writeRecord(this.path, pending))
    await this.writer.idle()
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
