/**
 * Login throttling: after `maxFailures` failed logins for one username within `windowMs`, further attempts for
 * that username are refused (429) until the oldest failure leaves the window. Kept in memory: it protects a
 * running server, and a restart is not a way around it worth a table.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>()

  constructor(
    private readonly now: () => number,
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
    private readonly maxTrackedNames = 10_000,
  ) {}

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfterSeconds(key: string): number {
    const recent = this.recent(key)
    if (recent.length < this.maxFailures) return 0
    const oldestInWindow = recent[recent.length - this.maxFailures] ?? this.now()
    return Math.max(1, Math.ceil((oldestInWindow + this.windowMs - this.now()) / 1000))
  }

  recordFailure(key: string): void {
    const recent = this.recent(key)
    recent.push(this.now())
    if (!this.failures.has(key) && this.failures.size >= this.maxTrackedNames) this.prune()
    this.failures.set(key, recent.slice(-this.maxFailures))
  }

  recordSuccess(key: string): void {
    this.failures.delete(key)
  }

  private recent(key: string): number[] {
    const since = this.now() - this.windowMs
    return (this.failures.get(key) ?? []).filter((at) => at > since)
  }

  /** Bounds memory under a flood of made-up usernames: forget names whose failures are all old. */
  private prune(): void {
    const since = this.now() - this.windowMs
    for (const [key, times] of this.failures) {
      if (!times.some((at) => at > since)) this.failures.delete(key)
    }
    if (this.failures.size >= this.maxTrackedNames) {
      const oldest = this.failures.keys().next()
      if (!oldest.done) this.failures.delete(oldest.value)
    }
  }
}
