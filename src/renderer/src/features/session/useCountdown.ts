import { useEffect, useState } from 'react'

export interface Deadline {
  /** When the wait ends (ms since epoch). */
  until: number
  /** When the wait was set (ms since epoch): the count starts from here, not from a stale clock. */
  from: number
}

export function deadlineIn(seconds: number, now = Date.now()): Deadline {
  return { until: now + seconds * 1000, from: now }
}

/** Whole seconds left until the deadline, ticking; 0 when past or null. */
export function useCountdown(deadline: Deadline | null): number {
  const [now, setNow] = useState(0)
  useEffect(() => {
    if (deadline === null) return
    const timer = setInterval(() => {
      const current = Date.now()
      setNow(current)
      if (current >= deadline.until) clearInterval(timer)
    }, 250)
    return () => clearInterval(timer)
  }, [deadline])
  if (deadline === null) return 0
  return Math.max(0, Math.ceil((deadline.until - Math.max(now, deadline.from)) / 1000))
}
