// ProBonus business days («время смены суток»): a business day starts at `day_change_time` local time in the
// server's `timezone` (04:00: a bill paid at 02:30 on the 6th belongs to the 5th). Weeks start on Monday and
// months on the 1st, each at that time. Everything here is pure and uses only Intl, so that a daylight-saving
// change is the time zone database's business, not ours: a business day is 23 or 25 hours long on such a date.

export interface BusinessClock {
  /** "HH:MM", 00:00–23:59. */
  day_change_time: string
  /** An IANA time zone name, e.g. "Europe/Moscow". */
  timezone: string
}

/** A calendar date "YYYY-MM-DD" (a business day is named by the date it starts on). */
export type BusinessDate = string

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timezone, formatter)
  }
  return formatter
}

/** Whether Intl knows the time zone (what the settings schema accepts). */
export function isTimeZone(timezone: string): boolean {
  try {
    formatterFor(timezone)
    return true
  } catch {
    return false
  }
}

interface WallTime {
  year: number
  month: number
  day: number
  minutes: number
}

/** The local wall clock of an instant in a time zone. */
function wallTime(instantMs: number, timezone: string): WallTime {
  const parts: Record<string, number> = {}
  for (const part of formatterFor(timezone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    minutes: (parts.hour ?? 0) * 60 + (parts.minute ?? 0),
  }
}

/** Local time minus UTC at an instant, in ms (whole seconds of historic offsets are dropped). */
function offsetAt(instantMs: number, timezone: string): number {
  const wall = wallTime(instantMs, timezone)
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day) + wall.minutes * MINUTE_MS
  return asUtc - Math.floor(instantMs / MINUTE_MS) * MINUTE_MS
}

/**
 * The instant a local wall time happens. A time that a spring-forward skips is read with the offset before the
 * change (02:30 on a 02:00→03:00 night is 03:30 local); a time that a fall-back repeats is its first occurrence.
 */
export function localToInstant(date: BusinessDate, minutes: number, timezone: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const wall = Date.UTC(year, month - 1, day) + minutes * MINUTE_MS
  const before = offsetAt(wall - DAY_MS / 2, timezone)
  const after = offsetAt(wall + DAY_MS / 2, timezone)
  const first = wall - before
  if (offsetAt(first, timezone) === before) return first
  const second = wall - after
  if (offsetAt(second, timezone) === after) return second
  // Inside a gap: read with the offset before the change, which lands after the jump by as much as it skipped.
  return first
}

/** Minutes after midnight of "HH:MM". */
export const minutesOf = (time: string): number => {
  const [hours, minutes] = time.split(':').map(Number) as [number, number]
  return hours * 60 + minutes
}

/** The date `days` days after `date` (negative: before). */
export function addDays(date: BusinessDate, days: number): BusinessDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10)
}

const dateOf = (wall: WallTime): BusinessDate =>
  `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`

/**
 * The business day an instant belongs to. Compared as instants, not wall times: after a fall-back the clock shows
 * 02:10 again although the day that starts at 02:30 began an hour ago.
 */
export function businessDayOf(instantMs: number, clock: BusinessClock): BusinessDate {
  const date = dateOf(wallTime(instantMs, clock.timezone))
  return instantMs < businessDayStart(date, clock) ? addDays(date, -1) : date
}

/** The instant a business day starts. */
export const businessDayStart = (date: BusinessDate, clock: BusinessClock): number =>
  localToInstant(date, minutesOf(clock.day_change_time), clock.timezone)

/** Monday of the week of a date. */
export function weekStartOf(date: BusinessDate): BusinessDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay() // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7))
}

export const monthStartOf = (date: BusinessDate): BusinessDate => `${date.slice(0, 7)}-01`

function nextMonthStart(date: BusinessDate): BusinessDate {
  const [year, month] = date.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10)
}

export type BusinessPeriod = 'day' | 'week' | 'month'

/** The business day, week and month an instant falls in, each as `[start, end)` instants. */
export function businessPeriodsAt(
  instantMs: number,
  clock: BusinessClock,
): Record<BusinessPeriod, { start: number; end: number }> {
  const day = businessDayOf(instantMs, clock)
  const week = weekStartOf(day)
  const month = monthStartOf(day)
  const start = (date: BusinessDate) => businessDayStart(date, clock)
  return {
    day: { start: start(day), end: start(addDays(day, 1)) },
    week: { start: start(week), end: start(addDays(week, 7)) },
    month: { start: start(month), end: start(nextMonthStart(month)) },
  }
}

/**
 * When bonus credited at `instantMs` becomes spendable: the start of the business day `delayDays` business days
 * after the one it was credited on; null (at once) for no delay.
 */
export function availableAt(instantMs: number, delayDays: number, clock: BusinessClock): number | null {
  if (delayDays <= 0) return null
  return businessDayStart(addDays(businessDayOf(instantMs, clock), delayDays), clock)
}
