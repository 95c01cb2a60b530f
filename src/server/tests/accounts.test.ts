import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Account,
  account,
  type AccountCreate,
  type IdentifierType,
  identifierType,
  listOf,
} from '@shared/api'
import {
  accountDigits,
  accountSearchTerms,
  compareCodePoints,
  digitQuery,
  LONG_DIGITS,
  queryKeys,
  termsMatch,
} from '../services/account-search'
import { listAccounts } from '../services/accounts'
import { call, demoTokens, locsOf, startTestServer } from '../test-support'
import { editable, type SearchableRow, withDb } from './ledger-support'

let server: Awaited<ReturnType<typeof startTestServer>>
let api: string
let tokens: Awaited<ReturnType<typeof demoTokens>>
const types = new Map<string, IdentifierType>()

beforeAll(async () => {
  server = await startTestServer()
  api = server.apiUrl
  tokens = await demoTokens(api)
  const list = listOf(identifierType).parse(
    (await call(api, 'GET', '/identifier_types/list', { token: tokens.viewer })).body,
  )
  for (const type of list.items) types.set(type.code, type)
})
afterAll(() => server.close())

const typeId = (code: string): number => {
  const type = types.get(code)
  if (!type) throw new Error(`no demo identifier type ${code}`)
  return type.id
}

const accounts = listOf(account)
const search = async (query: string, token = tokens.viewer) => {
  const response = await call(api, 'GET', `/accounts/list?${query}`, { token })
  expect(response.status).toBe(200)
  return accounts.parse(response.body)
}
const create = (body: unknown, token = tokens.admin, headers: Record<string, string> = {}) =>
  call(api, 'POST', '/accounts/create', { token, json: body, headers })

/**
 * Every account id the query matches, recounted from the rows, in the order the API pages them: three digits or
 * more — digits anywhere in number, phone or identifier values, by id (seven or more: those with a key starting
 * with them first, as below); else by the first (lowest) search key the account matches, then by id.
 */
function matchingIds(q: string, groupId?: number): number[] {
  const keys = queryKeys(q)
  const digits = digitQuery(q)
  return withDb(dbPath(), (db) => {
    const rows = db
      .prepare('SELECT id, number, holder_name, phone, email, group_id FROM accounts ORDER BY id')
      .all() as SearchableRow[]
    const values = new Map<number, string[]>()
    for (const row of db.prepare('SELECT account_id, value FROM account_identifiers').all() as {
      account_id: number
      value: string
    }[]) {
      values.set(row.account_id, [...(values.get(row.account_id) ?? []), row.value])
    }
    const inGroup = rows.filter((row) => groupId === undefined || row.group_id === groupId)
    const byKeys = () =>
      inGroup
        .flatMap((row) => {
          const matched = accountSearchTerms(row, values.get(row.id) ?? []).filter((term) =>
            termsMatch([term], keys),
          )
          return matched.length === 0 ? [] : [{ id: row.id, first: matched.sort(compareCodePoints)[0]! }]
        })
        .sort((a, b) => compareCodePoints(a.first, b.first) || a.id - b.id)
        .map((match) => match.id)
    if (digits.length === 0) return byKeys()
    const anywhere = inGroup
      .filter((row) => {
        // Every run of digits apart, as typed (no match across two of them).
        const runs = accountDigits(row, values.get(row.id) ?? []).split(' ')
        return runs.some((run) => digits.some((wanted) => run.includes(wanted)))
      })
      .map((row) => row.id)
    if ((digits[0]?.length ?? 0) < LONG_DIGITS) return anywhere
    // Seven digits or more: the keys that start with them first, then the other matches by id.
    const first = byKeys()
    return [...first, ...anywhere.filter((id) => !first.includes(id))]
  })
}

const dbPath = (): string => server.app.sandbox.db.sqlite.name

const newAccount = (overrides: Partial<AccountCreate> = {}): AccountCreate => ({
  number: `T${Date.now()}${Math.floor(Math.random() * 1e6)}`,
  holder_name: 'Тестовая Алёна Петровна',
  phone: null,
  email: null,
  birth_date: '1990-04-01',
  group_id: 1,
  identifiers: [],
  blocked: false,
  ...overrides,
})

describe('accounts: list and search', () => {
  it('pages the demo accounts by id; total comes from the groups', async () => {
    const first = await search('limit=3')
    expect(first.total).toBe(2000)
    expect(first.items.map((a) => a.id)).toEqual([1, 2, 3])
    const next = await search('limit=3&offset=3')
    expect(next.items.map((a) => a.id)).toEqual([4, 5, 6])
    const group = await search('group_id=2&limit=500')
    expect(group.items.every((a) => a.group_id === 2)).toBe(true)
    expect(group.total).toBe(
      withDb(dbPath(), (db) => db.prepare('SELECT count(*) FROM accounts WHERE group_id = 2').pluck().get()),
    )
    expect((await search('group_id=999999')).items).toEqual([])
  })

  it('finds by number, phone (typed any way), name words, ё as е, e-mail and identifier values', async () => {
    const page = await search('limit=500')
    const withPhone = page.items.find((a) => a.phone !== null && a.email !== null)
    const withQr = page.items.find((a) => a.identifiers.some((i) => i.type_id === typeId('qr')))
    if (!withPhone || !withQr) throw new Error('the demo seed lacks accounts with phone, e-mail and QR')
    const phone = withPhone.phone ?? ''
    const national = phone.slice(2)
    const queries: [string, Account][] = [
      [withPhone.number.slice(0, 10), withPhone],
      [phone, withPhone],
      [`+7 (${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6, 8)}`, withPhone],
      [`8${national.slice(0, 6)}`, withPhone],
      [(withPhone.email ?? '').toUpperCase().slice(0, 8), withPhone],
      [(withQr.identifiers.find((i) => i.type_id === typeId('qr'))?.value ?? '').toUpperCase(), withQr],
    ]
    for (const [q, expected] of queries) {
      const found = await search(`q=${encodeURIComponent(q)}&limit=500`)
      expect(
        found.items.map((a) => a.id),
        q,
      ).toContain(expected.id)
      expect(found.total, q).toBe(matchingIds(q).length)
    }
  })

  it('digits anywhere: the last 4 of a phone or card, inside an identifier value; 8 as +7; under 3 only prefixes', async () => {
    const card = (await create(newAccount({ number: 'CARD-0094-1177', phone: '+79035550142' })))
      .body as Account
    const byPhoneEnd = await search('q=0142&limit=500')
    expect(byPhoneEnd.items.map((a) => a.id)).toContain(card.id)
    expect(byPhoneEnd.total).toBe(matchingIds('0142').length)
    expect((await search('q=1177')).items.map((a) => a.id)).toContain(card.id)
    expect((await search(`q=${encodeURIComponent('8 903 555')}`)).items.map((a) => a.id)).toContain(card.id)
    expect((await search('q=035550')).items.map((a) => a.id)).toContain(card.id)
    // No match across the number and the phone: '1177' + '7903…' are separate runs.
    expect((await search('q=11777903')).items.map((a) => a.id)).not.toContain(card.id)
    // Two digits match only the start of a key (a trigram needs three).
    expect((await search('q=42')).items.map((a) => a.id)).not.toContain(card.id)
    // The index follows an edit: the old phone's digits no longer find it, the new ones do.
    const current = account.parse(
      (await call(api, 'GET', `/accounts/${card.id}`, { token: tokens.admin })).body,
    )
    const moved = await call(api, 'PUT', `/accounts/${card.id}`, {
      token: tokens.admin,
      json: { ...editable(current), phone: '+79991112233' },
    })
    expect(moved.status).toBe(200)
    expect((await search('q=0142')).items.map((a) => a.id)).not.toContain(card.id)
    expect((await search('q=2233')).items.map((a) => a.id)).toContain(card.id)
    const inGroup = await search(`q=2233&group_id=${current.group_id}`)
    expect(inGroup.items.map((a) => a.id)).toContain(card.id)
    expect(
      (await search(`q=2233&group_id=${current.group_id === 1 ? 2 : 1}`)).items.map((a) => a.id),
    ).not.toContain(card.id)
  })

  it('seven digits or more: the accounts whose number or phone starts with them first, then the others by id', async () => {
    // Created first (the lower id): the digits inside its card; then one whose number starts with them.
    const inside = (await create(newAccount({ phone: '+79264418800', number: `IN-${Date.now()}` })))
      .body as Account
    const starts = (await create(newAccount({ number: '4418800123', phone: null }))).body as Account
    const found = await search('q=4418800')
    expect(found.items.map((a) => a.id)).toEqual([starts.id, inside.id])
    expect(found.total).toBe(2)
    expect(matchingIds('4418800')).toEqual([starts.id, inside.id])
  })

  it('name search: any word, several words, case and ё', async () => {
    const { id } = account.parse(
      (await create(newAccount({ holder_name: 'Королёва-Щедрина Алёна Семёновна' }))).body,
    )
    for (const q of [
      'королева',
      'КОРОЛЁВА-ЩЕД',
      'щедрина',
      'Алена Сем',
      'семеновна',
      'королёва-щедрина алёна',
    ]) {
      const found = await search(`q=${encodeURIComponent(q)}`)
      expect(
        found.items.map((a) => a.id),
        q,
      ).toContain(id)
      expect(found.total, q).toBe(matchingIds(q).length)
    }
    expect((await search(`q=${encodeURIComponent('лёна')}`)).items.map((a) => a.id)).not.toContain(id)
  })

  it('search with group filter and paging: consistent pages, exact totals', async () => {
    const q = 'а'
    const all = matchingIds(q, 1)
    const pages: number[] = []
    for (let offset = 0; offset < Math.min(all.length, 1200); offset += 400) {
      pages.push(...(await search(`q=${q}&group_id=1&limit=400&offset=${offset}`)).items.map((a) => a.id))
    }
    expect(pages).toEqual(all.slice(0, pages.length))
    expect((await search(`q=${q}&group_id=1&limit=1`)).total).toBe(all.length)
  })

  it('pages in index order, with and without a group; totals above the cap are reported as cap + 1', () => {
    const ctx = server.app.sandbox
    // '2700000101234': a whole card number, looked up by its rare last digits (the shared start is in every row).
    const queries = [
      '7',
      'а',
      '2700000100',
      '2700000101234',
      '27000001',
      '89',
      'иван',
      '4567',
      '8 916',
      '8 916 00',
      '00',
    ]
    for (const q of queries) {
      for (const [groupId, offset, limit] of [
        [undefined, 0, 500],
        [undefined, 30, 20],
        [2, 7, 20],
        [4, 0, 500],
        [4, 3, 5],
      ] as const) {
        const query = { q, offset, limit, group_id: groupId }
        const reference = matchingIds(q, groupId)
        const exact = listAccounts(ctx, query)
        const capped = listAccounts(ctx, query, 10)
        const label = `${q} group ${groupId} offset ${offset}`
        expect(
          exact.items.map((a) => a.id),
          label,
        ).toEqual(reference.slice(offset, offset + limit))
        expect(
          capped.items.map((a) => a.id),
          label,
        ).toEqual(exact.items.map((a) => a.id))
        expect(exact.total, label).toBe(reference.length)
        expect(capped.total, label).toBe(Math.min(reference.length, 11))
      }
    }
  })

  it('answers every account field; a missing id is 404; a bad query 422 at its loc', async () => {
    const one = account.parse((await call(api, 'GET', '/accounts/1', { token: tokens.viewer })).body)
    expect(one.id).toBe(1)
    expect((await call(api, 'GET', '/accounts/99999999', { token: tokens.viewer })).status).toBe(404)
    const bad = await call(api, 'GET', '/accounts/list?limit=0&group_id=x', { token: tokens.viewer })
    expect(bad.status).toBe(422)
    expect(locsOf(bad)).toEqual([
      ['query', 'limit'],
      ['query', 'group_id'],
    ])
  })
})

describe('accounts: create and update', () => {
  it('creates with identifiers; Idempotency-Key replays; the new account is searchable', async () => {
    const body = newAccount({
      phone: '+79990001122',
      email: 'Alena.Test@Example.com',
      identifiers: [
        { type_id: typeId('card'), value: '5550001112' },
        { type_id: typeId('phone'), value: '+79990001122' },
      ],
    })
    const first = await create(body, tokens.admin, { 'idempotency-key': 'acc-1' })
    expect(first.status).toBe(201)
    const created = account.parse(first.body)
    expect(created).toMatchObject({ version: 1, balance: 0, spend_total: 0, visits: 0, updated_by: 'admin' })
    expect(created.step).toMatchObject({ index: 0 })
    const replay = await create(body, tokens.admin, { 'idempotency-key': 'acc-1' })
    expect(replay.status).toBe(201)
    expect(account.parse(replay.body).id).toBe(created.id)
    expect(
      (await create({ ...body, number: 'other' }, tokens.admin, { 'idempotency-key': 'acc-1' })).status,
    ).toBe(409)
    for (const q of ['555000', '79990001', 'alena.test@']) {
      expect(
        (await search(`q=${encodeURIComponent(q)}`)).items.map((a) => a.id),
        q,
      ).toContain(created.id)
    }
  })

  it('identifier values are checked against their type: 422 at the identifier', async () => {
    const response = await create(
      newAccount({
        identifiers: [
          { type_id: typeId('card'), value: '12ab' },
          { type_id: 999_999, value: 'x' },
          { type_id: typeId('phone'), value: '+79161234567' },
          { type_id: typeId('phone'), value: '+79161234567' },
        ],
      }),
    )
    expect(response.status).toBe(422)
    expect(locsOf(response)).toEqual([
      ['body', 'identifiers', 0, 'value'],
      ['body', 'identifiers', 1, 'type_id'],
      ['body', 'identifiers', 3, 'value'],
    ])
    const group = await create(newAccount({ group_id: 999_999 }))
    expect(locsOf(group)).toEqual([['body', 'group_id']])
    const shape = await create({ ...newAccount(), phone: '89161234567', extra: 1 })
    expect(locsOf(shape)).toEqual([
      ['body', 'phone'],
      ['body', 'extra'],
    ])
  })

  it('a unique type’s value or a number held by another account: 409, nothing stored', async () => {
    const holder = account.parse((await call(api, 'GET', '/accounts/1', { token: tokens.admin })).body)
    const card = holder.identifiers.find((i) => i.type_id === typeId('card'))
    if (!card) throw new Error('demo account 1 has no card identifier')
    const before = (await search('limit=1')).total
    const taken = await create(newAccount({ identifiers: [{ type_id: typeId('card'), value: card.value }] }))
    expect(taken.status).toBe(409)
    // The code names the holder by its number (what a person knows), not by its internal id.
    expect(taken.body).toMatchObject({
      code: 'identifier_value_taken',
      params: { value: card.value, number: holder.number },
    })
    const number = await create(newAccount({ number: holder.number }))
    expect(number.status).toBe(409)
    expect(number.body).toMatchObject({ code: 'number_taken', params: { number: holder.number } })
    // A non-unique type (e-mail) may be shared.
    const shared = await create(
      newAccount({ identifiers: [{ type_id: typeId('email'), value: 'family@example.com' }] }),
    )
    const again = await create(
      newAccount({ identifiers: [{ type_id: typeId('email'), value: 'family@example.com' }] }),
    )
    expect([shared.status, again.status]).toEqual([201, 201])
    expect((await search('limit=1')).total).toBe(before + 2)
  })

  it('updates with the version; stale is 409 with current and changes nothing; search follows', async () => {
    const created = account.parse((await create(newAccount({ holder_name: 'Первоначальная Ия' }))).body)
    const update = { ...editable(created), holder_name: 'Переименованная Ия' }
    const updated = await call(api, 'PUT', `/accounts/${created.id}`, { token: tokens.admin, json: update })
    expect(updated.status).toBe(200)
    expect(account.parse(updated.body)).toMatchObject({ version: 2, holder_name: 'Переименованная Ия' })
    const stale = await call(api, 'PUT', `/accounts/${created.id}`, {
      token: tokens.admin,
      json: { ...update, holder_name: 'Чужая', version: 1 },
    })
    expect(stale.status).toBe(409)
    expect(account.parse((stale.body as { current: unknown }).current)).toEqual(account.parse(updated.body))
    expect((await search('q=первоначальная')).items.map((a) => a.id)).not.toContain(created.id)
    expect((await search('q=переименованная')).items.map((a) => a.id)).toContain(created.id)
    expect((await search('q=чужая')).items.map((a) => a.id)).not.toContain(created.id)
    // Moved to another group: found there, no longer in the old one.
    const moved = await call(api, 'PUT', `/accounts/${created.id}`, {
      token: tokens.admin,
      json: { ...update, group_id: 3, version: 2 },
    })
    expect(moved.status).toBe(200)
    expect((await search('q=переименованная&group_id=3')).items.map((a) => a.id)).toContain(created.id)
    expect((await search('q=переименованная&group_id=1')).items.map((a) => a.id)).not.toContain(created.id)
    const missing = await call(api, 'PUT', '/accounts/99999999', { token: tokens.admin, json: update })
    expect(missing.status).toBe(404)
  })

  it('an identifier of a type deactivated later stays valid on the account; a new one is refused', async () => {
    const type = identifierType.parse(
      (
        await call(api, 'POST', '/identifier_types/create', {
          token: tokens.admin,
          json: {
            code: 'club',
            name: 'Клубная карта',
            kind: 'other',
            pattern: 'C\\d+',
            unique: true,
            active: true,
          },
        })
      ).body,
    )
    const held = account.parse(
      (await create(newAccount({ identifiers: [{ type_id: type.id, value: 'C1' }] }))).body,
    )
    const { id: _id, version, created_at: _c, updated_at: _u, updated_by: _b, ...typeBody } = type
    await call(api, 'PUT', `/identifier_types/${type.id}`, {
      token: tokens.admin,
      json: { ...typeBody, active: false, version },
    })
    const kept = await call(api, 'PUT', `/accounts/${held.id}`, {
      token: tokens.admin,
      json: { ...editable(held), holder_name: 'Всё ещё клубный' },
    })
    expect(kept.status).toBe(200)
    const refused = await create(newAccount({ identifiers: [{ type_id: type.id, value: 'C2' }] }))
    expect(refused.status).toBe(422)
    expect(locsOf(refused)).toEqual([['body', 'identifiers', 0, 'value']])
  })

  it('roles: viewer and marketing read, only admin writes; no token is 401', async () => {
    for (const token of [tokens.viewer, tokens.marketing]) {
      expect((await call(api, 'GET', '/accounts/1', { token })).status).toBe(200)
      expect((await create(newAccount(), token)).status).toBe(403)
      expect((await call(api, 'PUT', '/accounts/1', { token, json: {} })).status).toBe(403)
    }
    for (const [method, path] of [
      ['GET', '/accounts/list'],
      ['GET', '/accounts/1'],
      ['POST', '/accounts/create'],
      ['PUT', '/accounts/1'],
    ] as const) {
      const response = await call(api, method, path, { json: method === 'GET' ? undefined : {} })
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBe('Bearer')
    }
  })
})

describe('accounts: move between groups', () => {
  const groupCount = (groupId: number) =>
    withDb(
      dbPath(),
      (db) =>
        db.prepare('SELECT accounts_count FROM account_groups WHERE id = ?').pluck().get(groupId) as number,
    )
  const move = (json: unknown, token = tokens.admin) => call(api, 'POST', '/accounts/move', { token, json })
  const newGroup = async (name: string) =>
    (
      await call(api, 'POST', '/account_groups/create', {
        token: tokens.admin,
        json: { name, ladder_id: null, active: true },
      })
    ).body as { id: number; version: number }

  it('moves named accounts atomically: counts, versions, search within the group follow; unknown ids move nothing', async () => {
    const target = await newGroup(`Перенос ${Date.now()}`)
    const [a, b] = await Promise.all(
      [newAccount({ group_id: 1 }), newAccount({ group_id: 2 })].map(
        async (body) => (await create(body)).body as Account,
      ),
    )
    const before = { one: groupCount(1), two: groupCount(2) }
    const refused = await move({ account_ids: [a!.id, 99999998, b!.id, 99999999], to_group_id: target.id })
    expect(refused.status).toBe(404)
    expect(JSON.stringify(refused.body)).toContain('99999998, 99999999')
    expect(groupCount(target.id)).toBe(0)

    const moved = await move({ account_ids: [a!.id, b!.id, a!.id], to_group_id: target.id })
    expect(moved.status).toBe(200)
    expect(moved.body).toEqual({ moved: 2 })
    expect(groupCount(target.id)).toBe(2)
    expect(groupCount(1)).toBe(before.one - 1)
    expect(groupCount(2)).toBe(before.two - 1)
    const now = account.parse((await call(api, 'GET', `/accounts/${a!.id}`, { token: tokens.viewer })).body)
    expect(now).toMatchObject({ group_id: target.id, version: a!.version + 1, updated_by: 'admin' })
    const inGroup = await search(`q=${encodeURIComponent(a!.number)}&group_id=${target.id}`)
    expect(inGroup.items.map((x) => x.id)).toEqual([a!.id])
    // Already there: nothing moves, no version changes.
    expect((await move({ account_ids: [a!.id], to_group_id: target.id })).body).toEqual({ moved: 0 })
  })

  it('moves a whole group, which can then be deleted; bad bodies 422 at their loc; only admin', async () => {
    const from = await newGroup(`Старая ${Date.now()}`)
    const to = await newGroup(`Новая ${Date.now()}`)
    for (let i = 0; i < 3; i++) await create(newAccount({ group_id: from.id }))
    expect(
      (await call(api, 'DELETE', `/account_groups/${from.id}?version=1`, { token: tokens.admin })).status,
    ).toBe(409)
    expect((await move({ from_group_id: from.id, to_group_id: to.id })).body).toEqual({ moved: 3 })
    expect(groupCount(from.id)).toBe(0)
    expect(groupCount(to.id)).toBe(3)
    expect(
      (await call(api, 'DELETE', `/account_groups/${from.id}?version=1`, { token: tokens.admin })).status,
    ).toBe(204)

    expect(locsOf(await move({ to_group_id: to.id }))).toEqual([['body', 'account_ids']])
    expect(locsOf(await move({ account_ids: [1], from_group_id: to.id, to_group_id: to.id }))).toEqual([
      ['body', 'account_ids'],
    ])
    expect(locsOf(await move({ account_ids: [1], to_group_id: 99999999 }))).toEqual([['body', 'to_group_id']])
    expect(locsOf(await move({ from_group_id: 99999999, to_group_id: to.id }))).toEqual([
      ['body', 'from_group_id'],
    ])
    expect(locsOf(await move({ account_ids: [], to_group_id: to.id }))).toEqual([['body', 'account_ids']])
    expect((await move({ account_ids: [1], to_group_id: to.id }, tokens.marketing)).status).toBe(403)
    expect((await move({ account_ids: [1], to_group_id: to.id }, tokens.viewer)).status).toBe(403)
  })
})
