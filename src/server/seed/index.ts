import { hashPassword } from '../auth/passwords'
import type { ServerContext } from '../context'
import { seedAccountGroups } from './account-groups'
import { seedAccounts } from './accounts'
import { seedIdentifierTypes } from './identifier-types'
import { seedLadders } from './ladders'
import { seedRkDiscounts } from './rk-discounts'
import { DEMO_PASSWORD, DEMO_USERS, seedUsers } from './users'

/** Seeds the CLI's `--seed` accepts: `large` is the demo with 1,000,000 accounts instead of 2,000 (scale work). */
export const SEED_KINDS = ['demo', 'none', 'large'] as const
export type SeedKind = (typeof SEED_KINDS)[number]

const SEED_SETTING = 'seed'

/**
 * Fills a database that has never been seeded (one transaction, all or nothing) and records which seed it got,
 * so restarting a server on an existing database never seeds it again.
 */
export async function seedDatabase(ctx: ServerContext, kind: SeedKind): Promise<void> {
  const { db } = ctx
  const seeded = () => db.first(db.q.selectFrom('settings').select('value').where('key', '=', SEED_SETTING))
  if (seeded()) return
  // Password hashing is async (scrypt on the thread pool): done before the synchronous transaction.
  const passwordHashes =
    kind === 'none' ? [] : await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)))
  db.tx(() => {
    if (seeded()) return
    if (kind !== 'none') {
      seedUsers(ctx, passwordHashes)
      const rkIdByCode = seedRkDiscounts(ctx)
      const ladders = seedLadders(ctx, rkIdByCode)
      const groups = seedAccountGroups(ctx, ladders)
      seedAccounts(ctx, kind, groups, seedIdentifierTypes(ctx))
    }
    db.run(db.q.insertInto('settings').values({ key: SEED_SETTING, value: kind }))
  })
}
