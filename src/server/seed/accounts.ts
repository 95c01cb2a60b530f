import type BetterSqlite3 from 'better-sqlite3'
import type { AccountGroup, IdentifierType } from '@shared/api'
import { type BenefitStep, benefitsFor, fromKopecks, stepFor } from '@shared/domain'
import type { ServerContext } from '../context'
import { createAccountGroup } from '../services/account-groups'
import { accountDigits, accountSearchTerms } from '../services/account-search'
import { loadPlacementLadders, type PlacementLadder } from '../services/placement'
import type { DemoAccountGroups } from './account-groups'
import { BulkInsert, bulkLoad } from './bulk'
import {
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  feminineSurname,
  MALE_FIRST_NAMES,
  PATRONYMICS,
  SURNAMES,
  transliterate,
} from './russian-names'

// Guests for the demo and for scale work: Russian names, +7 phones, card numbers and the other identifier types,
// spread over the groups, each with about a year of purchases (bonus credited by its ladder step exactly as the
// server does: the shared stepFor and benefitsFor), bonus payments, gifts and corrections, and one group
// deposit. Deterministic for a given day: a fixed PRNG seed, times relative to the start of today (UTC).
//
// Every account is simulated on its own, in time order, then written in chunks with multi-row INSERTs, so memory
// stays flat: `large` writes 1,000,000 accounts with their ledger in one transaction.

export type AccountsSeedKind = 'demo' | 'large'

interface GroupProfile {
  /** Share of the accounts (the shares of a profile add up to 1). */
  share: number
  visitsPerYear: number
  /** Typical bill in roubles (log-normal around it). */
  billRoubles: number
  blockedShare: number
}

interface SeedProfile {
  count: number
  groups: Record<keyof DemoAccountGroups, GroupProfile>
  /** `large`: this many extra accounts in a group of corporate clients (no blocked accounts: group operations). */
  corporate: number
  phoneShare: number
  emailShare: number
  cardShare: number
  qrShare: number
  magneticShare: number
}

const PROFILES: Record<AccountsSeedKind, SeedProfile> = {
  demo: {
    count: 2000,
    groups: {
      guests: { share: 0.6, visitsPerYear: 6, billRoubles: 2500, blockedShare: 0.005 },
      regulars: { share: 0.25, visitsPerYear: 22, billRoubles: 2000, blockedShare: 0 },
      vip: { share: 0.1, visitsPerYear: 12, billRoubles: 9000, blockedShare: 0 },
      staff: { share: 0.05, visitsPerYear: 25, billRoubles: 600, blockedShare: 0 },
    },
    corporate: 0,
    phoneShare: 0.85,
    emailShare: 0.3,
    cardShare: 1,
    qrShare: 0.35,
    magneticShare: 0.08,
  },
  large: {
    count: 990_000,
    groups: {
      guests: { share: 0.768, visitsPerYear: 1.2, billRoubles: 2500, blockedShare: 0.004 },
      regulars: { share: 0.101, visitsPerYear: 6, billRoubles: 2000, blockedShare: 0 },
      vip: { share: 0.081, visitsPerYear: 5, billRoubles: 9000, blockedShare: 0 },
      staff: { share: 0.05, visitsPerYear: 3, billRoubles: 600, blockedShare: 0 },
    },
    corporate: 10_000,
    phoneShare: 0.7,
    emailShare: 0.12,
    cardShare: 0.6,
    qrShare: 0.15,
    magneticShare: 0.03,
  },
}

const SEED = 0x5eed_2024
/** Days of history before today. A little over a year, so a 365-day ladder sees some purchases roll out. */
const SPAN_DAYS = 395
const MINUTES_PER_DAY = 1440
const DAY_MS = 86_400_000
/** Bills are paid 11:00–23:30 Moscow time (UTC+3); office operations 10:00–18:00. */
const RESTAURANT_MINUTES: readonly [number, number] = [8 * 60, 20 * 60 + 30]
const OFFICE_MINUTES: readonly [number, number] = [7 * 60, 15 * 60]

/** mulberry32: a small, fast, well-spread 32-bit generator; one stream per account keeps chunks independent. */
class Rng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }

  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  between(range: readonly [number, number]): number {
    return range[0] + this.int(range[1] - range[0])
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next())
  }

  /** Log-normal with the given mean. */
  around(mean: number, sigma: number): number {
    return mean * Math.exp(sigma * this.normal() - (sigma * sigma) / 2)
  }

  poisson(mean: number): number {
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()))
    const limit = Math.exp(-mean)
    let count = 0
    for (let p = this.next(); p > limit; p *= this.next()) count += 1
    return count
  }

  hex(digits: number): string {
    let out = ''
    while (out.length < digits) out += this.int(0x10000).toString(16).padStart(4, '0')
    return out.slice(0, digits)
  }

  uuid(): string {
    const variant = '89ab'[this.int(4)] ?? '8'
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`
  }
}

/** ISO timestamps of minutes relative to the start of today, from cached day and time-of-day strings. */
class Clock {
  private readonly days = new Map<number, string>()
  private readonly times: string[]

  constructor(private readonly today: number) {
    this.times = Array.from(
      { length: MINUTES_PER_DAY },
      (_, m) => `T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:00.000Z`,
    )
  }

  /** 'YYYY-MM-DD' of a day relative to today (negative: before today). */
  day(relative: number): string {
    let text = this.days.get(relative)
    if (text === undefined) {
      text = new Date(this.today + relative * DAY_MS).toISOString().slice(0, 10)
      this.days.set(relative, text)
    }
    return text
  }

  iso(minute: number): string {
    const day = Math.floor(minute / MINUTES_PER_DAY)
    return this.day(day) + (this.times[minute - day * MINUTES_PER_DAY] ?? '')
  }

  /** The relative day of the most recent `month`/`day` before today. */
  lastDate(month: number, dayOfMonth: number): number {
    const year = new Date(this.today).getUTCFullYear()
    let at = Date.UTC(year, month - 1, dayOfMonth)
    if (at >= this.today) at = Date.UTC(year - 1, month - 1, dayOfMonth)
    return Math.round((at - this.today) / DAY_MS)
  }
}

type EventKind = 'purchase' | 'deposit' | 'withdraw' | 'batch'

interface SeedEvent {
  minute: number
  kind: EventKind
  /** Kopecks. A withdrawal asks for at most this much (never more than the balance at that time). */
  amount: number
  comment: string | null
  /** Withdrawals at a purchase pay part of the bill with bonus (capped by the step). */
  payWithBonus?: boolean
}

interface SeedGroup {
  group: AccountGroup
  profile: GroupProfile
  ladder: PlacementLadder | null
  batch: { minute: number; amount: number; comment: string; id: string } | null
}

interface SeedContext {
  profile: SeedProfile
  clock: Clock
  types: ReadonlyMap<string, IdentifierType>
  accounts: BulkInsert
  identifiers: BulkInsert
  /** Into a temporary table: sorted into `account_search` at the end (a clustered index wants sorted rows). */
  terms: BulkInsert
  /** Into the trigram index of digit search (an FTS5 table: no indexes or triggers to drop). */
  digits: BulkInsert
  purchases: BulkInsert
  operations: BulkInsert
  totals: SeedTotals
  simulation: Simulation
}

type OperationKindSeeded = 'deposit' | 'withdraw' | 'bonus'
const TYPE_CODES: Record<OperationKindSeeded, number> = { deposit: 0, withdraw: 1, bonus: 2 }

/** What the triggers would maintain, counted while the rows are generated (the load runs with triggers off). */
class SeedTotals {
  readonly groups = new Map<number, { accounts: number; balance: number }>()
  readonly days = new Map<
    number,
    { day: string; type: string; groupId: number; count: number; amount: number }
  >()

  constructor(private readonly clock: Clock) {}

  account(groupId: number, balance: number): void {
    const group = this.groups.get(groupId) ?? { accounts: 0, balance: 0 }
    group.accounts += 1
    group.balance += balance
    this.groups.set(groupId, group)
  }

  /** One operation on `day` (relative to today). */
  operation(day: number, type: OperationKindSeeded, groupId: number, amount: number): void {
    const key = ((day + 100_000) * 4 + TYPE_CODES[type]) * 1_000_000 + groupId
    const entry = this.days.get(key)
    if (entry) {
      entry.count += 1
      entry.amount += amount
    } else this.days.set(key, { day: this.clock.day(day), type, groupId, count: 1, amount })
  }

  /** Adds the counts to the aggregate tables (`accounts_count`, `group_balances`, `operation_days`). */
  write(sqlite: BetterSqlite3.Database): void {
    const count = sqlite.prepare('UPDATE account_groups SET accounts_count = accounts_count + ? WHERE id = ?')
    const balance = sqlite.prepare(
      `INSERT INTO group_balances (group_id, balance_total) VALUES (?, ?)
       ON CONFLICT (group_id) DO UPDATE SET balance_total = balance_total + excluded.balance_total`,
    )
    for (const [groupId, group] of this.groups) {
      count.run(group.accounts, groupId)
      balance.run(groupId, group.balance)
    }
    const day = sqlite.prepare(
      `INSERT INTO operation_days (day, type, group_id, count, amount) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (day, type, group_id) DO UPDATE SET count = count + excluded.count, amount = amount + excluded.amount`,
    )
    for (const entry of this.days.values())
      day.run(entry.day, entry.type, entry.groupId, entry.count, entry.amount)
  }
}

const columns = (names: string): string[] => names.split(' ')

/**
 * Seeds the accounts of `kind` into the demo groups (and, for `large`, a group of corporate clients). `count`
 * overrides the profile's number of accounts in the demo groups (tests of the bulk path, profiling).
 */
export function seedAccounts(
  ctx: ServerContext,
  kind: AccountsSeedKind,
  groups: DemoAccountGroups,
  identifierTypes: ReadonlyMap<string, IdentifierType>,
  options: { count?: number } = {},
): void {
  const profile = { ...PROFILES[kind], ...(options.count === undefined ? {} : { count: options.count }) }
  const sqlite = ctx.db.sqlite
  const clock = new Clock(Math.floor(ctx.now() / DAY_MS) * DAY_MS)
  const seedGroups = planGroups(ctx, profile, groups, clock)
  const cacheSize = sqlite.pragma('cache_size', { simple: true })
  if (kind === 'large') {
    sqlite.pragma('cache_size = -262144')
    // Sorts and the staging table in memory (a setting SQLite allows only before the connection's first temp use).
    try {
      sqlite.pragma('temp_store = MEMORY')
    } catch {
      // Too late on this connection: the load is only slower.
    }
  }
  sqlite.exec(
    'CREATE TEMP TABLE seed_search_terms (term TEXT NOT NULL, account_id INTEGER NOT NULL, group_id INTEGER NOT NULL)',
  )
  try {
    const accounts = new BulkInsert(
      sqlite,
      'accounts',
      columns(
        'id number holder_name phone email birth_date group_id blocked balance spend_total visits ' +
          'highest_step_ladder_id highest_step_index version created_at updated_at updated_by',
      ),
    )
    const totals = new SeedTotals(clock)
    const seed: SeedContext = {
      profile,
      clock,
      types: identifierTypes,
      accounts,
      identifiers: new BulkInsert(
        sqlite,
        'account_identifiers',
        columns('account_id position type_id value'),
        [accounts],
      ),
      terms: new BulkInsert(sqlite, 'temp.seed_search_terms', columns('term account_id group_id')),
      digits: new BulkInsert(sqlite, 'account_digits', columns('rowid digits')),
      purchases: new BulkInsert(sqlite, 'purchases', columns('account_id amount created_at created_by'), [
        accounts,
      ]),
      operations: new BulkInsert(
        sqlite,
        'operations',
        columns('account_id group_id type amount balance_after comment batch_id created_at created_by'),
        [accounts],
      ),
      totals,
      simulation: new Simulation(clock, totals),
    }
    const firstId = ((sqlite.prepare('SELECT max(id) FROM accounts').pluck().get() as number | null) ?? 0) + 1
    const load = () => {
      for (let i = 0; i < profile.count + profile.corporate; i++) {
        const rng = new Rng(Math.imul(i + 1, 0x9e3779b1) ^ SEED)
        const group = i >= profile.count ? seedGroups.corporate : chooseGroup(rng, seedGroups.byShare)
        if (!group) throw new Error('Accounts seed: no group to put an account in')
        writeAccount(seed, firstId + i, i, rng, group)
      }
      for (const insert of [
        seed.accounts,
        seed.identifiers,
        seed.terms,
        seed.digits,
        seed.purchases,
        seed.operations,
      ]) {
        insert.flush()
      }
      // The digit index in one segment, as migration 8 leaves a database it upgrades: phrases read one list each.
      sqlite.exec("INSERT INTO account_digits (account_digits) VALUES ('optimize')")
      sqlite.exec(`INSERT INTO account_search (term, account_id, group_id)
        SELECT term, account_id, group_id FROM temp.seed_search_terms ORDER BY term, account_id`)
    }
    bulkLoad(
      sqlite,
      ['accounts', 'account_identifiers', 'account_search', 'purchases', 'operations'],
      load,
      () => seed.totals.write(sqlite),
    )
  } finally {
    sqlite.exec('DROP TABLE IF EXISTS temp.seed_search_terms')
    sqlite.pragma(`cache_size = ${Number(cacheSize)}`)
  }
}

function planGroups(
  ctx: ServerContext,
  profile: SeedProfile,
  groups: DemoAccountGroups,
  clock: Clock,
): { byShare: SeedGroup[]; corporate: SeedGroup | null } {
  const ladderIds = Object.values(groups)
    .map((group) => group.ladder_id)
    .filter((id): id is number => id !== null)
  const corporateGroup =
    profile.corporate > 0
      ? createAccountGroup(
          ctx,
          {
            name: 'Корпоративные клиенты',
            description: 'Сотрудники компаний-партнёров: карты выдаются списком',
            ladder_id: groups.guests.ladder_id,
            active: true,
          },
          'admin',
        )
      : null
  const ladders = loadPlacementLadders(ctx, ladderIds)
  const rng = new Rng(SEED)
  const newYear = clock.lastDate(12, 30)
  const plan = (group: AccountGroup, groupProfile: GroupProfile, withBatch: boolean): SeedGroup => ({
    group,
    profile: groupProfile,
    ladder: group.ladder_id === null ? null : (ladders.get(group.ladder_id) ?? null),
    batch: withBatch
      ? {
          minute: newYear * MINUTES_PER_DAY + 9 * 60,
          amount: 100_000,
          comment: 'Новогодний подарок гостям VIP',
          id: rng.uuid(),
        }
      : null,
  })
  const byShare = (Object.keys(profile.groups) as (keyof DemoAccountGroups)[]).map((key) =>
    plan(groups[key], profile.groups[key], key === 'vip'),
  )
  const corporate = corporateGroup
    ? plan(corporateGroup, { share: 0, visitsPerYear: 3, billRoubles: 1500, blockedShare: 0 }, false)
    : null
  return { byShare, corporate }
}

function chooseGroup(rng: Rng, groups: readonly SeedGroup[]): SeedGroup | undefined {
  let roll = rng.next()
  for (const group of groups) {
    roll -= group.profile.share
    if (roll < 0) return group
  }
  return groups[groups.length - 1]
}

/** A unique +7 9XX mobile number: an affine bijection of the index over 10^9 numbers. */
const phoneOf = (index: number): string =>
  `+79${String((index * 387_420_489 + 210_987_654) % 1_000_000_000).padStart(9, '0')}`

/** Card numbers are issued in sequence: 27 and 11 digits (13 in all). */
const cardNumberOf = (index: number): string => `27${String(100_000 + index).padStart(11, '0')}`

function writeAccount(seed: SeedContext, id: number, index: number, rng: Rng, plan: SeedGroup): void {
  const { profile, clock, types } = seed
  const female = rng.chance(0.5)
  const [patronymicMale, patronymicFemale] = rng.pick(PATRONYMICS)
  const surname = rng.pick(SURNAMES)
  const firstName = rng.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES)
  const holderName = `${female ? feminineSurname(surname) : surname} ${firstName} ${female ? patronymicFemale : patronymicMale}`
  const number = cardNumberOf(index)
  const phone = rng.chance(profile.phoneShare) ? phoneOf(index) : null
  const birthYear = new Date(clock.iso(0)).getUTCFullYear() - 18 - rng.int(58)
  const birthDate = rng.chance(0.7)
    ? `${birthYear}-${String(1 + rng.int(12)).padStart(2, '0')}-${String(1 + rng.int(28)).padStart(2, '0')}`
    : null
  const email = rng.chance(profile.emailShare)
    ? `${transliterate(firstName)}.${transliterate(surname)}${rng.chance(0.5) ? String(birthYear).slice(2) : rng.int(100)}@${rng.pick(EMAIL_DOMAINS)}`
    : null
  const identifiers: [IdentifierType | undefined, string][] = []
  if (rng.chance(profile.cardShare)) identifiers.push([types.get('card'), number])
  if (phone !== null && rng.chance(0.8)) identifiers.push([types.get('phone'), phone])
  if (rng.chance(profile.qrShare)) identifiers.push([types.get('qr'), rng.uuid()])
  if (email !== null && rng.chance(0.5)) identifiers.push([types.get('email'), email])
  if (rng.chance(profile.magneticShare)) {
    identifiers.push([
      types.get('mag_track'),
      `;${number}=${String(26 + rng.int(5))}${String(1 + rng.int(12)).padStart(2, '0')}101?`,
    ])
  }

  const joinedDay = -1 - rng.int(3 * 365)
  const blocked = rng.chance(plan.profile.blockedShare)
  const events = eventsOf(rng, plan, joinedDay, birthDate, clock)
  const state = seed.simulation.run(id, plan, events)
  const createdAt = clock.iso(joinedDay * MINUTES_PER_DAY + rng.between(OFFICE_MINUTES))

  seed.totals.account(plan.group.id, state.balance)
  seed.accounts.row(
    id,
    number,
    holderName,
    phone,
    email,
    birthDate,
    plan.group.id,
    blocked ? 1 : 0,
    state.balance,
    state.spend,
    state.visits,
    state.highest >= 0 && plan.ladder ? plan.ladder.id : null,
    state.highest >= 0 ? state.highest : null,
    1,
    createdAt,
    createdAt,
    'admin',
  )
  seed.purchases.rows(state.purchaseRows)
  seed.operations.rows(state.operationRows)
  identifiers.forEach(([type, value], position) => {
    if (!type) throw new Error('Accounts seed: a demo identifier type is missing')
    seed.identifiers.row(id, position, type.id, value)
  })
  const account = { number, holder_name: holderName, phone, email }
  const values = identifiers.map(([, value]) => value)
  for (const term of accountSearchTerms(account, values)) seed.terms.row(term, id, plan.group.id)
  const digits = accountDigits(account, values)
  if (digits !== '') seed.digits.row(id, digits)
}

/** An account's purchases and manual operations, in time order. */
function eventsOf(
  rng: Rng,
  plan: SeedGroup,
  joinedDay: number,
  birthDate: string | null,
  clock: Clock,
): SeedEvent[] {
  const events: SeedEvent[] = []
  const firstDay = Math.max(-SPAN_DAYS, joinedDay + 1)
  const activeDays = -firstDay
  if (activeDays <= 0) return events
  const at = (hours: readonly [number, number]) =>
    (firstDay + rng.int(activeDays)) * MINUTES_PER_DAY + rng.between(hours)
  const activity = rng.around(1, 0.9)
  const visits = rng.poisson((plan.profile.visitsPerYear * activity * activeDays) / 365)
  for (let i = 0; i < visits; i++) {
    const bill = Math.max(150, Math.round(rng.around(plan.profile.billRoubles, 0.55))) * 100
    events.push({
      minute: at(RESTAURANT_MINUTES),
      kind: 'purchase',
      amount: bill,
      comment: null,
      payWithBonus: rng.chance(0.15),
    })
  }
  if (plan.ladder) {
    if (rng.chance(0.02)) {
      const amount = (100 + rng.int(2900)) * 100
      events.push({
        minute: at(OFFICE_MINUTES),
        kind: 'deposit',
        amount,
        comment: 'Перенос баланса со старой карты',
      })
    }
    if (rng.chance(0.02)) {
      events.push({
        minute: at(OFFICE_MINUTES),
        kind: 'deposit',
        amount: 30_000,
        comment: 'Компенсация за долгое ожидание заказа',
      })
    }
    if (birthDate !== null && rng.chance(0.4)) {
      const birthday = clock.lastDate(Number(birthDate.slice(5, 7)), Number(birthDate.slice(8, 10)))
      if (birthday >= firstDay) {
        events.push({
          minute: birthday * MINUTES_PER_DAY + rng.between(OFFICE_MINUTES),
          kind: 'deposit',
          amount: 50_000,
          comment: 'Подарок ко дню рождения',
        })
      }
    }
    if (rng.chance(0.01)) {
      events.push({
        minute: at(OFFICE_MINUTES),
        kind: 'withdraw',
        amount: (100 + rng.int(400)) * 100,
        comment: 'Корректировка: ошибочное начисление',
      })
    }
  }
  const batch = plan.batch
  if (batch && batch.minute >= firstDay * MINUTES_PER_DAY) {
    events.push({ minute: batch.minute, kind: 'batch', amount: batch.amount, comment: batch.comment })
  }
  return events.sort((a, b) => a.minute - b.minute)
}

const percentOf = (bp: number | null): number | null => (bp === null ? null : fromKopecks(bp))
const benefitStep = (bonusBp: number | null): BenefitStep => ({ bonus_percent: percentOf(bonusBp) })
const paymentCapOf = (maxPaymentBp: number | null): BenefitStep => ({
  max_payment_percent: percentOf(maxPaymentBp),
})

/**
 * Plays an account's events as the server would: the step before a bill gives its bonus (stepFor over all-time
 * totals or the rolling window, holding the highest step for `downgrade: false`), the bill then counts. One
 * instance is reused for every account; its purchase and operation rows wait in flat arrays until the account's
 * own row is written (foreign keys).
 */
class Simulation {
  balance = 0
  spend = 0
  visits = 0
  /** Highest step index reached on the group's ladder, -1 for none. */
  highest = -1
  readonly purchaseRows: unknown[] = []
  readonly operationRows: unknown[] = []
  private readonly windowMinutes: number[] = []
  private readonly windowAmounts: number[] = []
  private windowStart = 0
  private windowSpend = 0
  private id = 0
  private plan: SeedGroup | null = null

  constructor(
    private readonly clock: Clock,
    private readonly totals: SeedTotals,
  ) {}

  run(id: number, plan: SeedGroup, events: readonly SeedEvent[]): this {
    this.id = id
    this.plan = plan
    this.balance = this.spend = this.visits = this.windowSpend = this.windowStart = 0
    this.highest = -1
    this.purchaseRows.length =
      this.operationRows.length =
      this.windowMinutes.length =
      this.windowAmounts.length =
        0
    for (const event of events) {
      if (event.kind === 'purchase') this.purchase(event)
      else if (event.kind === 'withdraw') {
        const amount = Math.min(event.amount, this.balance)
        if (amount > 0) this.operation('withdraw', event.minute, amount, event.comment, null)
      } else {
        const batch = event.kind === 'batch' ? (plan.batch?.id ?? null) : null
        this.operation('deposit', event.minute, event.amount, event.comment, batch)
      }
    }
    return this
  }

  private purchase(event: SeedEvent): void {
    const before = this.place(this.valueAt(event.minute))
    if (event.payWithBonus && before && this.balance >= 30_000) {
      const cap = benefitsFor(paymentCapOf(before.step.maxPaymentBp), event.amount).maxBonusPaymentKopecks
      const pay = Math.min(this.balance, cap)
      if (pay > 0) this.operation('withdraw', event.minute, pay, 'Оплата бонусами', null)
    }
    const bonus = before ? benefitsFor(benefitStep(before.step.bonusBp), event.amount).bonusKopecks : 0
    this.spend += event.amount
    this.visits += 1
    this.windowMinutes.push(event.minute)
    this.windowAmounts.push(event.amount)
    this.windowSpend += event.amount
    const after = this.place(this.valueAt(event.minute))
    if (after) this.highest = Math.max(this.highest, after.index)
    this.purchaseRows.push(this.id, event.amount, this.clock.iso(event.minute), null)
    if (bonus > 0) this.operation('bonus', event.minute, bonus, null, null)
  }

  /** What the ladder accumulates at `minute`: all-time totals, or the purchases of the window ending then. */
  private valueAt(minute: number): number {
    const ladder = this.plan?.ladder
    if (!ladder) return 0
    if (ladder.period !== 'rolling_days' || ladder.periodDays === null) {
      return ladder.basis === 'spend' ? this.spend : this.visits
    }
    const from = minute - ladder.periodDays * MINUTES_PER_DAY
    while (this.windowStart < this.windowMinutes.length && this.windowMinutes[this.windowStart]! <= from) {
      this.windowSpend -= this.windowAmounts[this.windowStart]!
      this.windowStart += 1
    }
    return ladder.basis === 'spend' ? this.windowSpend : this.windowMinutes.length - this.windowStart
  }

  private place(value: number) {
    const ladder = this.plan?.ladder
    if (!ladder) return null
    const held = !ladder.downgrade && this.highest >= 0 ? this.highest : null
    return stepFor({ steps: ladder.steps, downgrade: ladder.downgrade }, value, held)
  }

  private operation(
    type: OperationKindSeeded,
    minute: number,
    amount: number,
    comment: string | null,
    batch: string | null,
  ): void {
    const groupId = this.plan?.group.id ?? 0
    this.balance += type === 'withdraw' ? -amount : amount
    this.totals.operation(Math.floor(minute / MINUTES_PER_DAY), type, groupId, amount)
    const createdBy = type === 'bonus' ? null : 'admin'
    const at = this.clock.iso(minute)
    this.operationRows.push(this.id, groupId, type, amount, this.balance, comment, batch, at, createdBy)
  }
}
