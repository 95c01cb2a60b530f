import { describe, expect, it } from 'vitest'
import {
  addDays,
  availableAt,
  businessDayOf,
  businessDayStart,
  businessPeriodsAt,
  localToInstant,
  weekStartOf,
} from './business-days'

const moscow = { day_change_time: '04:00', timezone: 'Europe/Moscow' }
const berlin = { day_change_time: '02:30', timezone: 'Europe/Berlin' }
const at = (iso: string) => Date.parse(iso)
const iso = (ms: number) => new Date(ms).toISOString()

describe('business days', () => {
  it('a bill at 02:30 on the 6th belongs to the 5th when the day changes at 04:00 (Moscow, UTC+3)', () => {
    expect(businessDayOf(at('2026-03-05T23:30:00Z'), moscow)).toBe('2026-03-05') // 02:30 local on the 6th
    expect(businessDayOf(at('2026-03-06T00:59:59Z'), moscow)).toBe('2026-03-05') // 03:59:59
    expect(businessDayOf(at('2026-03-06T01:00:00Z'), moscow)).toBe('2026-03-06') // 04:00 exactly
    expect(iso(businessDayStart('2026-03-06', moscow))).toBe('2026-03-06T01:00:00.000Z')
  })

  it('midnight change: the calendar day', () => {
    const clock = { day_change_time: '00:00', timezone: 'Europe/Moscow' }
    expect(businessDayOf(at('2026-03-05T20:59:59Z'), clock)).toBe('2026-03-05')
    expect(businessDayOf(at('2026-03-05T21:00:00Z'), clock)).toBe('2026-03-06')
  })

  it('across daylight-saving changes a business day is 23 or 25 hours and starts at the local time', () => {
    // Berlin springs forward on 2026-03-29 (02:00 → 03:00): 02:30 does not exist that night.
    const spring = businessDayStart('2026-03-29', berlin)
    expect(iso(spring)).toBe('2026-03-29T01:30:00.000Z') // 03:30 CEST, right after the jump
    expect(iso(businessDayStart('2026-03-30', berlin))).toBe('2026-03-30T00:30:00.000Z') // 02:30 CEST
    expect(businessDayStart('2026-03-30', berlin) - businessDayStart('2026-03-29', berlin)).toBe(
      23 * 3_600_000,
    )
    // Falls back on 2026-10-25 (03:00 → 02:00): 02:30 happens twice — the first one starts the day.
    expect(iso(businessDayStart('2026-10-25', berlin))).toBe('2026-10-25T00:30:00.000Z') // 02:30 CEST
    expect(businessDayStart('2026-10-26', berlin) - businessDayStart('2026-10-25', berlin)).toBe(
      25 * 3_600_000,
    )
    // Every instant belongs to exactly the day whose [start, next start) holds it.
    for (let t = at('2026-10-24T20:00:00Z'); t < at('2026-10-26T06:00:00Z'); t += 7 * 60_000) {
      const day = businessDayOf(t, berlin)
      expect(t).toBeGreaterThanOrEqual(businessDayStart(day, berlin))
      expect(t).toBeLessThan(businessDayStart(addDays(day, 1), berlin))
    }
  })

  it('local to instant: plain, skipped and repeated times', () => {
    expect(iso(localToInstant('2026-07-01', 12 * 60, 'Europe/Berlin'))).toBe('2026-07-01T10:00:00.000Z')
    expect(iso(localToInstant('2026-01-01', 12 * 60, 'Europe/Berlin'))).toBe('2026-01-01T11:00:00.000Z')
    expect(iso(localToInstant('2026-10-25', 3 * 60 + 30, 'Europe/Berlin'))).toBe('2026-10-25T02:30:00.000Z')
  })

  it('weeks start on Monday, months on the 1st, at the day change time', () => {
    expect(weekStartOf('2026-03-08')).toBe('2026-03-02') // Sunday → Monday before
    expect(weekStartOf('2026-03-09')).toBe('2026-03-09')
    // Monday 2026-03-09 at 03:00 Moscow is still Sunday's business day: last week.
    const periods = businessPeriodsAt(at('2026-03-09T00:00:00Z'), moscow)
    expect(iso(periods.week.start)).toBe('2026-03-02T01:00:00.000Z')
    expect(iso(periods.week.end)).toBe('2026-03-09T01:00:00.000Z')
    expect(iso(periods.month.start)).toBe('2026-03-01T01:00:00.000Z')
    expect(iso(periods.month.end)).toBe('2026-04-01T01:00:00.000Z')
    expect(iso(periods.day.start)).toBe('2026-03-08T01:00:00.000Z')
  })

  it('deferred bonus becomes available at the start of the business day N days later; none at once', () => {
    expect(availableAt(at('2026-03-05T23:30:00Z'), 0, moscow)).toBeNull()
    expect(iso(availableAt(at('2026-03-05T23:30:00Z'), 2, moscow)!)).toBe('2026-03-07T01:00:00.000Z')
    expect(iso(availableAt(at('2026-03-06T01:00:00Z'), 1, moscow)!)).toBe('2026-03-07T01:00:00.000Z')
  })
})
