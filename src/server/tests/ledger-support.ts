// Independent recounts for the accounts, operations and reports tests: straight from the database file, one
// account at a time with the shared stepFor — none of the server's range counts, aggregates or window SQL.
import type BetterSqlite3 from 'better-sqlite3'
import { type Account, type LadderCreate, type Ladder, type LadderPreview } from '@shared/api'
import { fromKopecks, stepFor, toKopecks } from '@shared/domain'
import { openSandboxDb } from './direct-db'

const DAY_MS = 86_400_000

/** A clock tests move by hand (`startTestServer({ now: clock.now })`). */
export function movableClock(start = Date.parse('2026-03-15T12:00:00.000Z')) {
  let now = start
  return {
    now: () => now,
    advanceDays(days: number) {
      now += days * DAY_MS
    },
  }
}

/** A ladder in stored units (kopecks or visits), as the recount needs it. */
export interface RecountLadder {
  id: number | null
  basis: 'spend' | 'visits'
  period: 'all_time' | 'rolling_days'
  period_days: number | null
  downgrade: boolean
  thresholds: number[]
  names: string[]
  bonusPercents: (number | null)[]
}

export function recountLadder(ladder: LadderCreate | Ladder, id: number | null = null): RecountLadder {
  return {
    id: 'id' in ladder ? ladder.id : id,
    basis: ladder.basis,
    period: ladder.period,
    period_days: ladder.period_days ?? null,
    downgrade: ladder.downgrade,
    thresholds: ladder.steps.map((step) =>
      ladder.basis === 'spend' ? toKopecks(step.threshold) : step.threshold,
    ),
    names: ladder.steps.map((step) => step.name),
    bonusPercents: ladder.steps.map((step) => step.bonus_percent ?? null),
  }
}

interface AccountFacts {
  id: number
  number: string
  holder_name: string | null
  group_id: number
  spend_total: number
  visits: number
  highest_step_ladder_id: number | null
  highest_step_index: number | null
}

/** Reads what a recount needs, then closes the connection. */
export function readLedger(dbPath: string): {
  accounts: AccountFacts[]
  purchases: { account_id: number; amount: number; created_at: string }[]
  groups: { id: number; ladder_id: number | null }[]
} {
  const { db } = openSandboxDb(dbPath)
  try {
    return {
      accounts: db
        .prepare(
          'SELECT id, number, holder_name, group_id, spend_total, visits, highest_step_ladder_id, highest_step_index FROM accounts ORDER BY id',
        )
        .all() as AccountFacts[],
      purchases: db.prepare('SELECT account_id, amount, created_at FROM purchases').all() as {
        account_id: number
        amount: number
        created_at: string
      }[],
      groups: db.prepare('SELECT id, ladder_id FROM account_groups').all() as {
        id: number
        ladder_id: number | null
      }[],
    }
  } finally {
    db.close()
  }
}

/** The step index an account has on a ladder at `nowMs` (-1: none), from its rows alone. */
export function recountStep(
  ladder: RecountLadder,
  account: AccountFacts,
  purchases: readonly { account_id: number; amount: number; created_at: string }[],
  nowMs: number,
): number {
  let value: number
  if (ladder.period === 'rolling_days' && ladder.period_days !== null) {
    const since = nowMs - ladder.period_days * DAY_MS
    const mine = purchases.filter((p) => p.account_id === account.id && Date.parse(p.created_at) > since)
    value = ladder.basis === 'spend' ? mine.reduce((sum, p) => sum + p.amount, 0) : mine.length
  } else {
    value = ladder.basis === 'spend' ? account.spend_total : account.visits
  }
  const held =
    !ladder.downgrade && ladder.id !== null && account.highest_step_ladder_id === ladder.id
      ? account.highest_step_index
      : null
  const placed = stepFor(
    { steps: ladder.thresholds.map((threshold) => ({ threshold })), downgrade: ladder.downgrade },
    value,
    held,
  )
  return placed ? placed.index : -1
}

/** Purchases grouped by account, so that a recount over thousands of accounts stays linear. */
export function purchasesByAccount(
  purchases: readonly { account_id: number; amount: number; created_at: string }[],
): Map<number, { account_id: number; amount: number; created_at: string }[]> {
  const byAccount = new Map<number, { account_id: number; amount: number; created_at: string }[]>()
  for (const purchase of purchases) {
    const list = byAccount.get(purchase.account_id)
    if (list) list.push(purchase)
    else byAccount.set(purchase.account_id, [purchase])
  }
  return byAccount
}

/** Runs a read on a second connection to the sandbox's file. */
export function withDb<T>(dbPath: string, read: (db: BetterSqlite3.Database) => T): T {
  const { db } = openSandboxDb(dbPath)
  try {
    return read(db)
  } finally {
    db.close()
  }
}

/** The editable fields of an account, as a PUT sends them. */
export const editable = (a: Account) => ({
  number: a.number,
  holder_name: a.holder_name,
  phone: a.phone,
  email: a.email,
  birth_date: a.birth_date,
  group_id: a.group_id,
  identifiers: a.identifiers,
  blocked: a.blocked,
  version: a.version,
})

/** What search keys are made of, per account, as the tests read it from the rows. */
export type SearchableRow = {
  id: number
  number: string
  holder_name: string | null
  phone: string | null
  email: string | null
  group_id: number
}

export type PreviewSample = LadderPreview['samples']['moved_up'][number]

/** What a preview recount counts, account by account (bonus in kopecks). */
export interface PreviewRecount {
  counts: number[]
  before: number[]
  moved_up: number
  moved_down: number
  unchanged: number
  /** Accounts a level set by hand holds (0 where the recount has none). */
  overridden?: number
  samples: { moved_up: PreviewSample[]; moved_down: PreviewSample[] }
  bonus: { current: number; proposed: number }
}

/** A recount in the shape the preview answers. */
export const asPreview = (proposal: LadderCreate, expected: PreviewRecount): LadderPreview => ({
  steps: proposal.steps.map((step, index) => ({
    index,
    name: step.name,
    accounts: expected.counts[index]!,
    accounts_before: expected.before[index]!,
  })),
  moved_up: expected.moved_up,
  moved_down: expected.moved_down,
  unchanged: expected.unchanged,
  overridden: expected.overridden ?? 0,
  samples: expected.samples,
  bonus_estimate: {
    current: fromKopecks(expected.bonus.current),
    proposed: fromKopecks(expected.bonus.proposed),
  },
})
