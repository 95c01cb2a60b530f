// Is the server reachable? A health probe: every `intervalMs` while online, backing off from 1 s to 30 s while
// down. API calls report what they see (a network error flips to offline at once and probes soon).

import { Signal } from './signal'

export interface ConnectivityOptions {
  /** Resolves when the server answers its health endpoint; null when there is no server to ask. */
  probe: () => Promise<void> | null
  onChange: (online: boolean) => void
  now: () => number
  intervalMs?: number
  minBackoffMs?: number
  maxBackoffMs?: number
}

export class Connectivity {
  online = false
  checkedAt: number | null = null
  private failures = 0
  private stopped = false
  private readonly signal = new Signal()
  private loopDone: Promise<void> | null = null
  private probing: Promise<boolean> | null = null
  private nextProbe: Promise<boolean> | null = null

  constructor(private readonly options: ConnectivityOptions) {}

  start(): void {
    if (!this.loopDone) this.loopDone = this.loop()
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.signal.notify()
    await this.loopDone
  }

  /**
   * Probe now; resolves with the result of a probe that started after this call. A probe already under way may
   * have been answered before what the caller wants to know changed (the server just stopped), so callers that
   * arrive meanwhile share one more probe after it: never more than two, however many ask.
   */
  check(): Promise<boolean> {
    if (!this.probing) return this.startProbe()
    this.nextProbe ??= this.probing.then(() => {
      this.nextProbe = null
      return this.startProbe()
    })
    return this.nextProbe
  }

  private startProbe(): Promise<boolean> {
    const probing = this.probeOnce().finally(() => {
      if (this.probing === probing) this.probing = null
    })
    this.probing = probing
    return probing
  }

  /** A call just failed to reach the server. */
  reportOffline(): void {
    this.set(false)
    this.signal.notify()
  }

  /** A call just got an answer from the server. */
  reportOnline(): void {
    this.failures = 0
    this.set(true)
  }

  /** The target server changed (another profile): start over. */
  reset(): void {
    this.failures = 0
    this.checkedAt = null
    this.set(false)
    this.signal.notify()
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      await this.check()
      if (this.stopped) return
      await this.signal.wait(this.delay())
    }
  }

  private delay(): number {
    if (this.online) return this.options.intervalMs ?? 15_000
    const min = this.options.minBackoffMs ?? 1000
    const max = this.options.maxBackoffMs ?? 30_000
    return Math.min(max, min * 2 ** Math.max(0, this.failures - 1))
  }

  private async probeOnce(): Promise<boolean> {
    const probe = this.options.probe()
    let ok = false
    if (probe) {
      try {
        await probe
        ok = true
      } catch {
        ok = false
      }
    }
    this.checkedAt = this.options.now()
    this.failures = ok ? 0 : this.failures + 1
    this.set(ok)
    return ok
  }

  private set(online: boolean): void {
    if (this.online === online) return
    this.online = online
    this.options.onChange(online)
  }
}
