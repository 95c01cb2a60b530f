// One durable JSON document (profiles, a cache list). Saves are coalesced; `saveSoon` also debounces them for
// data that may lag a little behind memory (caches), `save` is durable when it resolves.

import { readRecord, writeRecord } from './atomic'
import { CoalescingWriter } from './coalescing-writer'

export class DocumentFile<T> {
  private readonly writer = new CoalescingWriter()
  private timer: NodeJS.Timeout | null = null
  private latest: (() => T) | undefined

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

  /**
   * Writes the document `build` makes, after `delayMs`; later calls within the delay replace `build`, so a burst
   * of changes costs one build and one write.
   */
  saveSoon(build: () => T, delayMs: number, onError: (error: unknown) => void = () => {}): void {
    this.latest = build
    if (this.timer) return
    this.timer = setTimeout(() => {
      this.timer = null
      const pending = this.latest
      this.latest = undefined
      if (pending) this.writer.write('doc', () => writeRecord(this.path, pending())).catch(onError)
    }, delayMs)
    this.timer.unref?.()
  }

  /** Writes what `saveSoon` still holds and waits for every write. */
  async flush(): Promise<void> {
    const pending = this.latest
    this.cancelTimer()
    this.latest = undefined
    if (pending) await this.writer.write('doc', () => writeRecord(this.path, pending()))
    await this.writer.idle()
  }

  private cancelTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }
}
