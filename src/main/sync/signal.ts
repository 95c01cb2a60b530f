/** A wake-up flag for a loop: `wait` returns at the next `notify` (or one that came before it), or after `ms`. */
export class Signal {
  private pending = false
  private wakers = new Set<() => void>()

  notify(): void {
    this.pending = true
    const wakers = [...this.wakers]
    this.wakers.clear()
    for (const wake of wakers) wake()
  }

  wait(ms?: number): Promise<void> {
    if (this.pending) {
      this.pending = false
      return Promise.resolve()
    }
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined
      const wake = () => {
        if (timer) clearTimeout(timer)
        this.wakers.delete(wake)
        this.pending = false
        resolve()
      }
      this.wakers.add(wake)
      if (ms !== undefined) timer = setTimeout(wake, Math.max(0, ms))
    })
  }
}
