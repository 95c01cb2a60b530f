/**
 * Login throttling (README, "Security" → "Sandbox server", says the same in words).
 *
 * Every attempt is counted when it STARTS, before the password check: an attempt in flight counts as a failure
 * until it ends, so concurrent guesses get no more password checks than sequential ones.
 *
 * Three counters ("buckets"), each with the same backoff:
 * - per login: `freeFailures` failures within `windowMs`, then the login is locked for `firstLockMs`; after that
 *   one attempt at a time, each failure doubling the lock up to `maxLockMs`. A bucket with no failure for
 *   `forgetAfterMs` starts afresh.
 * - per client address (all logins together, against password spraying): the same with a larger budget. An
 *   IPv6 client counts by its /64 network (`clientKey`).
 * - per login and address: a client address that logged in to a login successfully (within `trustMs`) is no
 *   longer held by that login's lock, only by its own login-and-address bucket (as strict) and its address
 *   bucket. So someone guessing a login from elsewhere cannot keep its owner out; a client that has never
 *   logged in to that login waits like any guesser.
 *
 * A success ends its login-and-address bucket and trusts the address for the login; it does not reset the
 * login's or the address's bucket (a guesser must not get fresh attempts because the owner logged in).
 * Kept in memory: it protects a running server, and a restart is not a way around it worth a table.
 */

export interface BackoffPolicy {
  /** Failures allowed within `windowMs` before the first lock. */
  freeFailures: number
  windowMs: number
  /** The first lock; each failure after it doubles the lock, up to `maxLockMs`. */
  firstLockMs: number
  maxLockMs: number
  /** A bucket without a failure for this long is forgotten, lock level and all. */
  forgetAfterMs: number
}

export interface ThrottlePolicy {
  login: BackoffPolicy
  address: BackoffPolicy
  /** How long a successful login trusts its client address for that login. */
  trustMs: number
  /** Bound of every map (logins, addresses, pairs, trusted logins) under a flood of made-up names. */
  maxTracked: number
}

const MINUTE = 60_000

export const DEFAULT_THROTTLE_POLICY: ThrottlePolicy = {
  login: {
    freeFailures: 5,
    windowMs: MINUTE,
    firstLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
  },
  address: {
    freeFailures: 20,
    windowMs: MINUTE,
    firstLockMs: MINUTE,
    maxLockMs: 15 * MINUTE,
    forgetAfterMs: 60 * MINUTE,
  },
  trustMs: 30 * 24 * 60 * MINUTE,
  maxTracked: 10_000,
}

/** How long to wait while attempts are still in flight and may yet fail: they decide whether a lock follows. */
const IN_FLIGHT_WAIT_MS = 1000
/** Client addresses remembered per login as having logged in to it. */
const TRUSTED_ADDRESSES_PER_LOGIN = 16

interface Bucket {
  /** Times of the recent failures (at most `freeFailures`), oldest first. */
  failures: number[]
  /** Locks so far: 0 while the free failures last. */
  level: number
  lockedUntil: number
  lastFailureAt: number
  inFlight: number
}

/** One kind of counter: a bucket per key, with the backoff of `policy`. */
class Buckets {
  private readonly buckets = new Map<string, Bucket>()

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly now: () => number,
    private readonly maxTracked: number,
  ) {}

  /** Milliseconds before an attempt for `key` may start; 0 when it may start now. */
  waitMs(key: string): number {
    const bucket = this.get(key)
    if (!bucket) return 0
    const now = this.now()
    if (now < bucket.lockedUntil) return bucket.lockedUntil - now
    // Locked before: one attempt at a time, its failure locks again for longer.
    if (bucket.level > 0) return bucket.inFlight > 0 ? IN_FLIGHT_WAIT_MS : 0
    return this.recentFailures(bucket) + bucket.inFlight < this.policy.freeFailures ? 0 : IN_FLIGHT_WAIT_MS
  }

  start(key: string): void {
    let bucket = this.get(key)
    if (!bucket) {
      if (this.buckets.size >= this.maxTracked) this.prune()
      bucket = { failures: [], level: 0, lockedUntil: 0, lastFailureAt: 0, inFlight: 0 }
      this.buckets.set(key, bucket)
    }
    bucket.inFlight++
  }

  /** Ends an attempt started with `start`. */
  end(key: string, failed: boolean): void {
    const bucket = this.buckets.get(key)
    if (!bucket) return
    bucket.inFlight = Math.max(0, bucket.inFlight - 1)
    if (!failed) return
    const now = this.now()
    bucket.lastFailureAt = now
    bucket.failures = [...bucket.failures.filter((at) => at > now - this.policy.windowMs), now].slice(
      -this.policy.freeFailures,
    )
    if (bucket.level > 0 || bucket.failures.length >= this.policy.freeFailures) {
      bucket.level++
      const lockMs = Math.min(this.policy.maxLockMs, this.policy.firstLockMs * 2 ** (bucket.level - 1))
      bucket.lockedUntil = now + lockMs
    }
  }

  forget(key: string): void {
    const bucket = this.buckets.get(key)
    if (bucket && bucket.inFlight === 0) this.buckets.delete(key)
    else if (bucket) Object.assign(bucket, { failures: [], level: 0, lockedUntil: 0 })
  }

  /** The bucket of `key`, dropped first when it has had no failure for `forgetAfterMs`. */
  private get(key: string): Bucket | undefined {
    const bucket = this.buckets.get(key)
    if (bucket && this.isStale(bucket)) {
      this.buckets.delete(key)
      return undefined
    }
    return bucket
  }

  private isStale(bucket: Bucket): boolean {
    const now = this.now()
    return (
      bucket.inFlight === 0 &&
      now >= bucket.lockedUntil &&
      now - bucket.lastFailureAt >= this.policy.forgetAfterMs
    )
  }

  private recentFailures(bucket: Bucket): number {
    const since = this.now() - this.policy.windowMs
    return bucket.failures.filter((at) => at > since).length
  }

  /**
   * Bounds memory under a flood of made-up names: forget stale buckets, then, if still full, the oldest one
   * with nothing in flight. (A flood big enough to push a locked login out needs many client addresses: the
   * address bucket locks one address after a few dozen failures.)
   */
  private prune(): void {
    for (const [key, bucket] of this.buckets) if (this.isStale(bucket)) this.buckets.delete(key)
    if (this.buckets.size < this.maxTracked) return
    for (const [key, bucket] of this.buckets) {
      if (bucket.inFlight === 0) {
        this.buckets.delete(key)
        return
      }
    }
  }
}

/**
 * The client an address stands for: an IPv4 address itself (also when IPv4-mapped, `::ffff:10.0.0.1`), an IPv6
 * address its /64 network — one host is usually given a whole /64 and can pick any address in it.
 */
export function clientKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address)
  if (mapped?.[1]) return mapped[1]
  if (!address.includes(':')) return address
  const [head = '', tail] = (address.split('%')[0] ?? '').split('::')
  const groupsOf = (part: string) =>
    part === '' ? [] : part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group]))
  const front = groupsOf(head)
  const back = tail === undefined ? [] : groupsOf(tail)
  const groups = [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back]
  return `${groups
    .slice(0, 4)
    .map((group) => (Number.parseInt(group, 16) || 0).toString(16))
    .join(':')}::/64`
}

/** An attempt that may go on to the password check; `end` it exactly once with the outcome. */
export interface AdmittedAttempt {
  admitted: true
  end(succeeded: boolean): void
}

export interface RefusedAttempt {
  admitted: false
  /** Whole seconds, at least 1: the `Retry-After` of the 429. */
  retryAfterSeconds: number
  /** Which lock refused it: the login's (or the login-and-address's), or the client address's. */
  scope: 'login' | 'address'
}

export class LoginThrottle {
  private readonly logins: Buckets
  private readonly pairs: Buckets
  private readonly addresses: Buckets
  /** login → client address → when it last logged in successfully. */
  private readonly trusted = new Map<string, Map<string, number>>()

  constructor(
    private readonly now: () => number,
    private readonly policy: ThrottlePolicy = DEFAULT_THROTTLE_POLICY,
  ) {
    this.logins = new Buckets(policy.login, now, policy.maxTracked)
    this.pairs = new Buckets(policy.login, now, policy.maxTracked)
    this.addresses = new Buckets(policy.address, now, policy.maxTracked)
  }

  /**
   * Admits a login attempt of `login` (already normalized) from client `address`, counting it at once, or says
   * how long to wait. Synchronous: no other attempt can slip in between the check and the count.
   */
  begin(login: string, clientAddress: string): AdmittedAttempt | RefusedAttempt {
    const address = clientKey(clientAddress)
    const pair = `${login}\u0000${address}`
    const trusted = this.isTrusted(login, address)
    const addressWait = this.addresses.waitMs(address)
    const loginWait = trusted ? this.pairs.waitMs(pair) : this.logins.waitMs(login)
    if (addressWait > 0 || loginWait > 0) {
      return {
        admitted: false,
        retryAfterSeconds: Math.max(1, Math.ceil(Math.max(addressWait, loginWait) / 1000)),
        scope: loginWait >= addressWait ? 'login' : 'address',
      }
    }
    this.addresses.start(address)
    this.logins.start(login)
    this.pairs.start(pair)
    let ended = false
    return {
      admitted: true,
      end: (succeeded) => {
        if (ended) return
        ended = true
        this.addresses.end(address, !succeeded)
        this.logins.end(login, !succeeded)
        this.pairs.end(pair, !succeeded)
        if (succeeded) {
          this.pairs.forget(pair)
          this.trust(login, address)
        }
      },
    }
  }

  private isTrusted(login: string, address: string): boolean {
    const at = this.trusted.get(login)?.get(address)
    return at !== undefined && this.now() - at < this.policy.trustMs
  }

  private trust(login: string, address: string): void {
    let addresses = this.trusted.get(login)
    if (!addresses) {
      if (this.trusted.size >= this.policy.maxTracked) {
        const oldest = this.trusted.keys().next()
        if (!oldest.done) this.trusted.delete(oldest.value)
      }
      addresses = new Map()
      this.trusted.set(login, addresses)
    }
    addresses.delete(address)
    addresses.set(address, this.now())
    if (addresses.size > TRUSTED_ADDRESSES_PER_LOGIN) {
      const oldest = addresses.keys().next()
      if (!oldest.done) addresses.delete(oldest.value)
    }
  }
}
