// Money operations against a real sandbox: a retried attempt (same Idempotency-Key) after an answer lost on the
// way back credits once; refusals keep their codes; the dry run of a group operation writes nothing; offline,
// nothing is queued.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, AccountGroup, ListEnvelope, Operation } from '@shared/api'
import { startSandbox, type Sandbox } from '@server/testing'
import { openCore, serverReader, tempDir, type TestCore } from '../../testing/harness'

/**
 * The real global fetch, except that the next matching request's answer is lost on its way back: the server
 * received and handled the request in full, the client sees a timeout (as when the link drops mid-answer).
 */
function losingFetch() {
  let lose: ((url: URL, init?: RequestInit) => boolean) | null = null
  const wrapped: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    const response = await fetch(input, init)
    if (lose?.(url, init)) {
      lose = null
      await response.text()
      throw new DOMException('The operation timed out.', 'TimeoutError')
    }
    return response
  }
  return {
    fetch: wrapped,
    loseNextAnswer(path: string) {
      lose = (url, init) => init?.method === 'POST' && url.pathname.endsWith(path)
    },
  }
}

let sandbox: Sandbox
let c: TestCore
let read: <T>(path: string) => Promise<T>
const network = losingFetch()
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({
    dataDir: dir.path,
    defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }],
    fetch: network.fetch,
  })
  await c.ok('session:login', { username: 'admin', password: '111' })
  read = await serverReader(sandbox.url)
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

async function groupNamed(name: string): Promise<AccountGroup> {
  const groups = await read<ListEnvelope<AccountGroup>>('/account_groups/list?limit=500')
  const group = groups.items.find((item) => item.name === name)
  if (!group) throw new Error(`The demo has no group «${name}»`)
  return group
}

async function anAccount(filter: (account: Account) => boolean): Promise<Account> {
  for (let offset = 0; ; offset += 500) {
    const page = await read<ListEnvelope<Account>>(`/accounts/list?limit=500&offset=${offset}`)
    const account = page.items.find(filter)
    if (account) return account
    if (offset + 500 >= page.total) throw new Error('No demo account fits')
  }
}

const ledgerOf = (accountId: number) =>
  read<ListEnvelope<Operation>>(`/operations/list?account_id=${accountId}&limit=500`)

describe('a deposit whose answer was lost', () => {
  it('is retried with the same key and credits once', async () => {
    const account = await anAccount((item) => !item.blocked)
    const before = await ledgerOf(account.id)
    const key = randomUUID()
    const body = { account_id: account.id, type: 'deposit' as const, amount: 123.45, comment: 'Повтор' }

    network.loseNextAnswer('/operations/create')
    const lost = await c.call('operations:create', { idempotency_key: key, operation: body })
    expect(lost.ok ? null : lost.error.code).toBe('offline')
    // The server did credit it: a second attempt under a new key would credit again.
    expect((await read<Account>(`/accounts/${account.id}`)).balance).toBeCloseTo(account.balance + 123.45, 2)

    const retried = await c.ok('operations:create', { idempotency_key: key, operation: body })
    expect(retried.balance_after).toBeCloseTo(account.balance + 123.45, 2)
    expect((await read<Account>(`/accounts/${account.id}`)).balance).toBeCloseTo(account.balance + 123.45, 2)
    const after = await ledgerOf(account.id)
    expect(after.total).toBe(before.total + 1)
    expect(after.items[0]?.id).toBe(retried.id)
    // The lists that show it are told.
    expect(c.events).toContainEqual({
      event: 'entities:changed',
      payload: { entity: 'account', ids: [account.id], reason: 'synced' },
    })
  })

  it('a new attempt (a new key) is a new operation', async () => {
    const account = await anAccount((item) => !item.blocked)
    const body = { account_id: account.id, type: 'deposit' as const, amount: 10 }
    await c.ok('operations:create', { idempotency_key: randomUUID(), operation: body })
    await c.ok('operations:create', { idempotency_key: randomUUID(), operation: body })
    expect((await read<Account>(`/accounts/${account.id}`)).balance).toBeCloseTo(account.balance + 20, 2)
  })
})

describe('refusals keep their codes', () => {
  it('a withdrawal above the balance names the balance', async () => {
    const account = await anAccount((item) => !item.blocked && item.pending_balance === 0)
    const result = await c.call('operations:create', {
      idempotency_key: randomUUID(),
      operation: { account_id: account.id, type: 'withdraw', amount: account.balance + 1000 },
    })
    expect(result.ok ? null : result.error.reason).toEqual({
      code: 'balance_too_low',
      params: { balance: account.balance, amount: account.balance + 1000 },
    })
  })

  it('a blocked account is a conflict naming its number', async () => {
    const account = await anAccount((item) => item.blocked)
    const result = await c.call('operations:create', {
      idempotency_key: randomUUID(),
      operation: { account_id: account.id, type: 'deposit', amount: 1 },
    })
    expect(result.ok ? null : result.error).toMatchObject({
      code: 'conflict',
      reason: { code: 'account_blocked', params: { number: account.number } },
    })
  })
})

describe('a group operation', () => {
  it('dry run: the accounts and the total, nothing written; then all of them, once even when retried', async () => {
    const group = await groupNamed('Сотрудники')
    const balancesBefore = await read<{ items: { group_id: number; balance_total: number }[] }>(
      '/reports/balances',
    )
    const totalBefore = balancesBefore.items.find((item) => item.group_id === group.id)?.balance_total ?? 0

    const preview = await c.ok('operations:group-preview', {
      group_id: group.id,
      type: 'deposit',
      amount: 50,
    })
    expect(preview).toEqual({
      group_id: group.id,
      name: group.name,
      type: 'deposit',
      amount: 50,
      accounts: group.accounts_count,
      total: 50 * group.accounts_count,
      balance_total: totalBefore,
    })
    const unchanged = await read<{ items: { group_id: number; balance_total: number }[] }>(
      '/reports/balances',
    )
    expect(unchanged.items.find((item) => item.group_id === group.id)?.balance_total).toBe(totalBefore)

    const key = randomUUID()
    const body = { group_id: group.id, type: 'deposit' as const, amount: 50, comment: 'Премия' }
    network.loseNextAnswer('/operations/create_group')
    const lost = await c.call('operations:create-group', { idempotency_key: key, operation: body })
    expect(lost.ok ? null : lost.error.code).toBe('offline')
    const result = await c.ok('operations:create-group', { idempotency_key: key, operation: body })
    expect(result).toMatchObject({ accounts: group.accounts_count, total: 50 * group.accounts_count })
    const after = await read<{ items: { group_id: number; balance_total: number }[] }>('/reports/balances')
    expect(after.items.find((item) => item.group_id === group.id)?.balance_total).toBeCloseTo(
      totalBefore + 50 * group.accounts_count,
      2,
    )
  })
})

describe('offline', () => {
  it('refuses at once and queues nothing', async () => {
    const account = await anAccount((item) => !item.blocked)
    await sandbox.stop()
    try {
      const result = await c.call('operations:create', {
        idempotency_key: randomUUID(),
        operation: { account_id: account.id, type: 'deposit', amount: 5 },
      })
      expect(result.ok ? null : result.error.code).toBe('offline')
      expect((await c.ok('drafts:list')).items).toEqual([])
    } finally {
      await sandbox.start()
    }
  })
})
