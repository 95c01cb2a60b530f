import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  accountGroup,
  identifierCheckResult,
  identifierType,
  type IdentifierTypeCreate,
  listOf,
  rkDiscount,
  rkDiscountImportResult,
} from '@shared/api'
import { startSandbox, type Sandbox } from '../testing'
import { call, demoTokens, detailOf, locsOf, messageOf } from '../test-support'
import { openSandboxDb } from './direct-db'

// RK discounts, account groups and identifier types against one demo sandbox.
let sandbox: Sandbox
let api: string
let tokens: Awaited<ReturnType<typeof demoTokens>>

beforeAll(async () => {
  sandbox = await startSandbox()
  api = sandbox.apiUrl
  tokens = await demoTokens(api)
})
afterAll(() => sandbox.dispose())

const get = (path: string, token = tokens.admin) => call(api, 'GET', path, { token })
const send = (method: string, path: string, json: unknown, token = tokens.admin) =>
  call(api, method, path, { token, json })

describe('rk_discounts', () => {
  it('the demo catalog: about 40, percent and amount, a few inactive; filters by q and active', async () => {
    const all = listOf(rkDiscount).parse((await get('/rk_discounts/list?limit=500', tokens.viewer)).body)
    expect(all.total).toBeGreaterThanOrEqual(38)
    expect(all.items.some((d) => d.kind === 'amount')).toBe(true)
    const inactive = listOf(rkDiscount).parse((await get('/rk_discounts/list?active=false')).body)
    expect(inactive.total).toBeGreaterThanOrEqual(3)
    expect(inactive.items.every((d) => !d.active)).toBe(true)
    const birthday = listOf(rkDiscount).parse((await get('/rk_discounts/list?q=ДЕНЬ РОЖДЕНИЯ')).body)
    expect(birthday.items.map((d) => d.name)).toContain('День рождения 15%')
    const byCode = listOf(rkDiscount).parse((await get('/rk_discounts/list?q=130')).body)
    expect(byCode.items.map((d) => d.name)).toContain('Сотрудники 30%')
    const first = all.items[0]!
    expect(rkDiscount.parse((await get(`/rk_discounts/${first.id}`, tokens.marketing)).body)).toEqual(first)
    expect((await get('/rk_discounts/424242')).status).toBe(404)
    expect(locsOf(await get('/rk_discounts/abc'))).toEqual([['path', 'id']])
  })

  it('import upserts by rk_code and deactivates the missing ones (admin only)', async () => {
    const before = listOf(rkDiscount).parse((await get('/rk_discounts/list?limit=500')).body)
    const keep = before.items.filter((d) => d.active).slice(0, 3)
    const body = {
      discounts: [
        ...keep.map((d, i) => ({
          rk_code: d.rk_code,
          name: i === 0 ? `${d.name} (new)` : d.name,
          kind: d.kind,
          value: d.value,
        })),
        { rk_code: 9001, name: 'Новая скидка 9%', kind: 'percent', value: 9, active: true },
        { rk_code: 9002, name: 'Скидка 49,99 ₽', kind: 'amount', value: 49.99 },
      ],
    }
    expect((await send('POST', '/rk_discounts/import', body, tokens.marketing)).status).toBe(403)
    const imported = await send('POST', '/rk_discounts/import', body)
    expect(imported.status).toBe(200)
    const activeBefore = before.items.filter((d) => d.active).length
    expect(rkDiscountImportResult.parse(imported.body)).toEqual({
      created: 2,
      updated: 1,
      deactivated: activeBefore - 3,
    })
    const after = listOf(rkDiscount).parse((await get('/rk_discounts/list?limit=500&active=true')).body)
    expect(after.items.map((d) => d.rk_code).sort()).toEqual(
      [...keep.map((d) => d.rk_code), 9001, 9002].sort(),
    )
    expect(after.items.find((d) => d.rk_code === 9002)?.value).toBe(49.99)
  })

  it('import: 422 with exact locs for a bad row and a duplicate code', async () => {
    const response = await send('POST', '/rk_discounts/import', {
      discounts: [
        { rk_code: 1, name: 'A', kind: 'percent', value: 120 },
        { rk_code: 2, name: 'B', kind: 'amount', value: 1.234 },
        { rk_code: 1, name: 'C', kind: 'percent', value: 1 },
      ],
    })
    expect(response.status).toBe(422)
    expect(locsOf(response)).toEqual([
      ['body', 'discounts', 0, 'value'],
      ['body', 'discounts', 1, 'value'],
      ['body', 'discounts', 2, 'rk_code'],
    ])
  })
})

describe('account_groups', () => {
  it('lists the four demo groups with accounts_count; CRUD by admin with versions', async () => {
    const list = listOf(accountGroup).parse((await get('/account_groups/list', tokens.viewer)).body)
    expect(list.items.map((g) => g.name)).toEqual(['Гости', 'Постоянные гости', 'VIP', 'Сотрудники'])
    expect(list.items.map((g) => g.ladder_id === null)).toEqual([false, false, false, true])
    // Part 2: the demo seed puts guests in every group.
    expect(list.items.every((g) => g.accounts_count > 0)).toBe(true)

    const body = {
      name: 'Бар «Маяк»',
      description: 'Гости бара',
      ladder_id: list.items[0]!.ladder_id,
      active: true,
    }
    expect((await send('POST', '/account_groups/create', body, tokens.marketing)).status).toBe(403)
    const created = await send('POST', '/account_groups/create', body)
    expect(created.status).toBe(201)
    const group = accountGroup.parse(created.body)
    expect(group).toMatchObject({ ...body, version: 1, accounts_count: 0, updated_by: 'admin' })

    const updated = accountGroup.parse(
      (await send('PUT', `/account_groups/${group.id}`, { ...body, description: null, version: 1 })).body,
    )
    expect(updated).toMatchObject({ version: 2, description: null })
    const stale = await send('PUT', `/account_groups/${group.id}`, { ...body, name: 'X', version: 1 })
    expect(stale.status).toBe(409)
    expect(accountGroup.parse((stale.body as { current: unknown }).current)).toEqual(updated)
    expect(accountGroup.parse((await get(`/account_groups/${group.id}`)).body)).toEqual(updated)

    expect(
      (await call(api, 'DELETE', `/account_groups/${group.id}?version=2`, { token: tokens.viewer })).status,
    ).toBe(403)
    expect(
      (await call(api, 'DELETE', `/account_groups/${group.id}?version=2`, { token: tokens.admin })).status,
    ).toBe(204)
    expect((await get(`/account_groups/${group.id}`)).status).toBe(404)
  })

  it('ladder_id must exist: 422 at body.ladder_id', async () => {
    const response = await send('POST', '/account_groups/create', {
      name: 'G',
      ladder_id: 777_777,
      active: true,
    })
    expect(response.status).toBe(422)
    expect(locsOf(response)).toEqual([['body', 'ladder_id']])
  })

  it('a group that has accounts cannot be deleted (409); accounts_count follows the accounts', async () => {
    const group = accountGroup.parse(
      (await send('POST', '/account_groups/create', { name: 'С гостями', active: true })).body,
    )
    // Accounts arrive with part 2's API; the table and its counter exist already.
    const { db } = openSandboxDb(sandbox.dbPath)
    db.prepare(
      `INSERT INTO accounts (number, group_id, version, created_at, updated_at) VALUES ('T-1', ?, 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
    ).run(group.id)
    db.close()
    expect(accountGroup.parse((await get(`/account_groups/${group.id}`)).body).accounts_count).toBe(1)
    const refused = await call(api, 'DELETE', `/account_groups/${group.id}?version=1`, {
      token: tokens.admin,
    })
    expect(refused.status).toBe(409)
    expect(messageOf(refused)).toContain('1 accounts')
    expect((await get(`/account_groups/${group.id}`)).status).toBe(200)
  })
})

describe('identifier_types', () => {
  const phone: IdentifierTypeCreate = {
    code: 'phone_test',
    name: 'Телефон (тест)',
    kind: 'phone',
    pattern: '\\+7\\d{10}',
    min_length: 12,
    max_length: 12,
    unique: true,
    active: true,
  }

  it('the demo types have real patterns; CRUD by admin; duplicate code is 409', async () => {
    const list = listOf(identifierType).parse((await get('/identifier_types/list', tokens.viewer)).body)
    expect(list.items.map((t) => t.kind)).toEqual(['card_number', 'phone', 'magnetic_track', 'qr', 'email'])

    expect((await send('POST', '/identifier_types/create', phone, tokens.marketing)).status).toBe(403)
    const created = identifierType.parse((await send('POST', '/identifier_types/create', phone)).body)
    expect(created).toMatchObject({ ...phone, version: 1 })
    const duplicate = await send('POST', '/identifier_types/create', { ...phone, name: 'Другой' })
    expect(duplicate.status).toBe(409)
    expect(messageOf(duplicate)).toContain('phone_test')
    const renamedOnto = await send('PUT', `/identifier_types/${created.id}`, {
      ...phone,
      code: 'card',
      version: 1,
    })
    expect(renamedOnto.status).toBe(409)
    expect(identifierType.parse((await get(`/identifier_types/${created.id}`)).body)).toEqual(created)

    const updated = identifierType.parse(
      (await send('PUT', `/identifier_types/${created.id}`, { ...phone, active: false, version: 1 })).body,
    )
    expect(updated).toMatchObject({ active: false, version: 2 })
    expect(
      (await call(api, 'DELETE', `/identifier_types/${created.id}?version=1`, { token: tokens.admin }))
        .status,
    ).toBe(409)
    expect(
      (await call(api, 'DELETE', `/identifier_types/${created.id}?version=2`, { token: tokens.admin }))
        .status,
    ).toBe(204)
  })

  it.each([
    ['a pattern that does not compile', { pattern: '([a-z' }, ['body', 'pattern']],
    ['a pattern over 200 characters', { pattern: 'a'.repeat(201) }, ['body', 'pattern']],
    ['min_length > max_length', { min_length: 10, max_length: 5 }, ['body', 'max_length']],
    ['a code that is not a latin slug', { code: 'Телефон' }, ['body', 'code']],
    ['an unknown kind', { kind: 'retina' }, ['body', 'kind']],
    ['min_length 0', { min_length: 0 }, ['body', 'min_length']],
  ])('422 for %s', async (_title, patch, loc) => {
    const created = await send('POST', '/identifier_types/create', { ...phone, code: 'x_422', ...patch })
    expect(created.status).toBe(422)
    expect(locsOf(created)).toEqual([loc])
    const updated = await send('PUT', '/identifier_types/1', {
      ...phone,
      code: 'x_422',
      ...patch,
      version: 1,
    })
    expect(locsOf(updated)).toEqual([loc])
  })

  it('check: the whole value must match; lengths; inactive type; taken by an account for unique types', async () => {
    const list = listOf(identifierType).parse((await get('/identifier_types/list')).body)
    const phoneType = list.items.find((t) => t.code === 'phone')!
    const check = async (id: number, value: string, token = tokens.viewer) =>
      identifierCheckResult.parse(
        (await send('POST', `/identifier_types/${id}/check`, { value }, token)).body,
      )

    expect(await check(phoneType.id, '+79161234567')).toEqual({
      valid: true,
      errors: [],
      taken_by_account_id: null,
    })
    const partial = await check(phoneType.id, 'x+79161234567x')
    expect(partial.valid).toBe(false)
    expect(partial.errors.map((e) => e.code)).toEqual(['too_long', 'pattern_mismatch'])
    expect((await check(phoneType.id, '+7916')).errors.map((e) => e.code)).toEqual([
      'too_short',
      'pattern_mismatch',
    ])

    // A pattern with alternation is still anchored as a whole: "a|b" does not accept "ab".
    const alt = identifierType.parse(
      (
        await send('POST', '/identifier_types/create', {
          ...phone,
          code: 'alt',
          pattern: 'a|b',
          min_length: null,
          max_length: null,
          unique: false,
        })
      ).body,
    )
    expect((await check(alt.id, 'a')).valid).toBe(true)
    expect((await check(alt.id, 'ab')).errors.map((e) => e.code)).toEqual(['pattern_mismatch'])

    const { db } = openSandboxDb(sandbox.dbPath)
    const groupId = (db.prepare('SELECT id FROM account_groups LIMIT 1').get() as { id: number }).id
    const accountId = Number(
      db
        .prepare(
          `INSERT INTO accounts (number, group_id, version, created_at, updated_at) VALUES ('C-1', ?, 1, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
        )
        .run(groupId).lastInsertRowid,
    )
    db.prepare(
      'INSERT INTO account_identifiers (account_id, position, type_id, value) VALUES (?, 0, ?, ?)',
    ).run(accountId, phoneType.id, '+79160000000')
    db.close()
    const taken = await check(phoneType.id, '+79160000000')
    expect(taken).toMatchObject({ valid: false, taken_by_account_id: accountId })
    expect(taken.errors.map((e) => e.code)).toEqual(['taken'])
    // A type accounts use cannot be deleted.
    const inUse = await call(api, 'DELETE', `/identifier_types/${phoneType.id}?version=1`, {
      token: tokens.admin,
    })
    expect(inUse.status).toBe(409)

    const inactive = identifierType.parse(
      (
        await send('PUT', `/identifier_types/${alt.id}`, {
          ...phone,
          code: 'alt',
          pattern: 'a|b',
          min_length: null,
          max_length: null,
          unique: false,
          active: false,
          version: 1,
        })
      ).body,
    )
    expect((await check(inactive.id, 'a')).errors.map((e) => e.code)).toEqual(['inactive_type'])
    expect((await send('POST', '/identifier_types/999999/check', { value: 'a' })).status).toBe(404)
    const badBody = await send('POST', `/identifier_types/${alt.id}/check`, { value: 5 })
    expect(detailOf(badBody)[0]?.loc).toEqual(['body', 'value'])
  })
})
