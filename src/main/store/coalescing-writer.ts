// Serializes writes per key and coalesces the ones that pile up: while a write of a key runs, later writes of that
// key wait; only the newest of them runs next, and every waiter is answered when a write at least as new as its
// own is on disk. Fast typing therefore costs one write in flight plus one pending, not one per keystroke.

interface Waiter {
  resolve: () => void
  reject: (error: unknown) => void
}

interface Slot {
  next: { job: () => Promise<void>; waiters: Waiter[] } | null
  running: Promise<void> | null
}

export class CoalescingWriter {
  private readonly slots = new Map<string, Slot>()

  write(key: string, job: () => Promise<void>): Promise<void> {
    let slot = this.slots.get(key)
    if (!slot) {
      slot = { next: null, running: null }
      this.slots.set(key, slot)
    }
    if (slot.next) slot.next.job = job
    else slot.next = { job, waiters: [] }
    const waiters = slot.next.waiters
    const done = new Promise<void>((resolve, reject) => waiters.push({ resolve, reject }))
    if (!slot.running) slot.running = this.pump(key, slot)
    return done
  }

  /** Resolves when every write queued so far has finished (successfully or not). */
  async idle(): Promise<void> {
    while (this.slots.size > 0) {
      await Promise.all([...this.slots.values()].map((slot) => slot.running))
    }
  }

  private async pump(key: string, slot: Slot): Promise<void> {
    while (slot.next) {
      const { job, waiters } = slot.next
      slot.next = null
      try {
        await job()
        for (const waiter of waiters) waiter.resolve()
      } catch (error) {
        for (const waiter of waiters) waiter.reject(error)
      }
    }
    slot.running = null
    this.slots.delete(key)
  }
}
