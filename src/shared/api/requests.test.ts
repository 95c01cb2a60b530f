import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { guestLadderExample } from '../domain/example-ladder'
import { ladderCreateChecked } from '../domain/ladder-schemas'
import {
  accountCreate,
  accountGroupCreate,
  accountGroupUpdate,
  accountListQuery,
  accountUpdate,
  activeListQuery,
  groupOperationCreate,
  identifierCheckRequest,
  identifierTypeCreate,
  identifierTypeUpdate,
  ladderCreate,
  ladderPreviewRequest,
  ladderUpdate,
  listQuery,
  loginForm,
  loginRequest,
  logoutRequest,
  operationCreate,
  operationListQuery,
  operationsReportQuery,
  purchaseRequest,
  refreshRequest,
  rkDiscountImportRequest,
  versionQuery,
} from './index'

/** The example bodies of API.md, one per request (the ladder is DOMAIN.md's "Гостевая"). */
const examples = {
  login: { username: 'admin', password: '111' },
  refresh: { refresh_token: 'r1.abcdef' },
  import: {
    discounts: [
      { rk_code: 105, name: 'Скидка 5%', kind: 'percent', value: 5, active: true },
      { rk_code: 200, name: 'Минус 500 ₽', kind: 'amount', value: 500, active: true },
    ],
  },
  ladder: guestLadderExample,
  accountGroup: { name: 'Гости', description: 'Все гости сети', ladder_id: 1, active: true },
  identifierType: {
    code: 'card',
    name: 'Номер карты',
    kind: 'card_number',
    pattern: '\\d{6,12}',
    min_length: 6,
    max_length: 12,
    unique: true,
    active: true,
  },
  check: { value: '123456' },
  account: {
    number: '000123',
    holder_name: 'Иванов Иван',
    phone: '+79991234567',
    email: 'ivanov@example.com',
    birth_date: '1990-05-17',
    group_id: 1,
    identifiers: [{ type_id: 1, value: '123456' }],
    blocked: false,
  },
  operation: { account_id: 1, type: 'deposit', amount: 1234.5, comment: 'Компенсация' },
  groupOperation: { group_id: 1, type: 'deposit', amount: 100, comment: 'С праздником' },
  purchase: { account_id: 1, amount: 2500.5 },
} as const

/** A deep copy of the example ladder to break on purpose. */
const editableLadder = () =>
  structuredClone(examples.ladder) as unknown as { basis: string; steps: Record<string, unknown>[] }

type Issue = { path: PropertyKey[]; code: string; keys?: string[] }
/** The issues a schema reports for `body`: path and zod code (plus the keys of an unknown-key issue). */
function issuesOf(schema: z.ZodType, body: unknown): Issue[] {
  const result = schema.safeParse(body)
  if (result.success) return []
  return result.error.issues.map((issue) =>
    issue.code === 'unrecognized_keys'
      ? { path: issue.path, code: issue.code, keys: issue.keys }
      : { path: issue.path, code: issue.code },
  )
}
const pathsOf = (schema: z.ZodType, body: unknown) => issuesOf(schema, body).map((issue) => issue.path)

describe('every example request body of API.md parses', () => {
  it.each([
    ['login (JSON)', loginRequest, examples.login],
    ['login (OAuth2 form)', loginForm, { ...examples.login, grant_type: 'password', scope: '' }],
    ['refresh', refreshRequest, examples.refresh],
    ['logout', logoutRequest, examples.refresh],
    ['logout without a token', logoutRequest, {}],
    ['RK discount import', rkDiscountImportRequest, examples.import],
    ['ladder create', ladderCreate, examples.ladder],
    ['ladder update', ladderUpdate, { ...examples.ladder, version: 1 }],
    ['ladder preview', ladderPreviewRequest, { ...examples.ladder, id: 1 }],
    ['account group create', accountGroupCreate, examples.accountGroup],
    ['account group update', accountGroupUpdate, { ...examples.accountGroup, version: 2 }],
    ['identifier type create', identifierTypeCreate, examples.identifierType],
    ['identifier type update', identifierTypeUpdate, { ...examples.identifierType, version: 2 }],
    ['identifier check', identifierCheckRequest, examples.check],
    ['account create', accountCreate, examples.account],
    ['account update', accountUpdate, { ...examples.account, version: 3 }],
    ['operation create', operationCreate, examples.operation],
    ['group operation', groupOperationCreate, examples.groupOperation],
    ['purchase', purchaseRequest, examples.purchase],
  ] as const)('%s', (_, schema, body) => {
    expect(issuesOf(schema, body)).toEqual([])
  })

  it('the example ladder also passes every domain rule', () => {
    expect(ladderCreateChecked.safeParse(examples.ladder).success).toBe(true)
  })
})

describe('bad bodies are refused at the right path', () => {
  it('unknown keys, at the top and nested', () => {
    expect(issuesOf(loginRequest, { ...examples.login, remember: true })).toEqual([
      { path: [], code: 'unrecognized_keys', keys: ['remember'] },
    ])
    const ladder = editableLadder()
    ladder.steps[1]!.discount = 5
    expect(issuesOf(ladderCreate, ladder)).toEqual([
      { path: ['steps', 1], code: 'unrecognized_keys', keys: ['discount'] },
    ])
    expect(issuesOf(accountCreate, { ...examples.account, balance: 100 })[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['balance'],
    })
    expect(pathsOf(operationCreate, { ...examples.operation, id: 5 })).toEqual([[]])
  })

  it('money with 3 decimals, negative or zero money', () => {
    expect(pathsOf(operationCreate, { ...examples.operation, amount: 10.005 })).toEqual([['amount']])
    expect(pathsOf(operationCreate, { ...examples.operation, amount: -5 })).toEqual([['amount']])
    expect(pathsOf(operationCreate, { ...examples.operation, amount: 0 })).toEqual([['amount']])
    expect(pathsOf(purchaseRequest, { ...examples.purchase, amount: 0.1 + 0.2 })).toEqual([['amount']])
    expect(pathsOf(groupOperationCreate, { ...examples.groupOperation, amount: 1e13 })).toEqual([['amount']])
    const importBody = { discounts: [{ ...examples.import.discounts[1], value: 99.999 }] }
    expect(pathsOf(rkDiscountImportRequest, importBody)).toEqual([['discounts', 0, 'value']])
  })

  it('percent above 100 or below 0', () => {
    const ladder = editableLadder()
    ladder.steps[2]!.bonus_percent = 101
    ladder.steps[1]!.max_payment_percent = -1
    expect(pathsOf(ladderCreate, ladder)).toEqual([
      ['steps', 1, 'max_payment_percent'],
      ['steps', 2, 'bonus_percent'],
    ])
    const importBody = { discounts: [{ ...examples.import.discounts[0], value: 101 }] }
    expect(pathsOf(rkDiscountImportRequest, importBody)).toEqual([['discounts', 0, 'value']])
  })

  it('wrong enum values', () => {
    expect(issuesOf(operationCreate, { ...examples.operation, type: 'bonus' })).toEqual([
      { path: ['type'], code: 'invalid_value' },
    ])
    expect(pathsOf(ladderCreate, { ...examples.ladder, basis: 'money' })).toEqual([['basis']])
    expect(pathsOf(identifierTypeCreate, { ...examples.identifierType, kind: 'nfc' })).toEqual([['kind']])
    expect(
      pathsOf(rkDiscountImportRequest, { discounts: [{ ...examples.import.discounts[0], kind: 'x' }] }),
    ).toEqual([['discounts', 0, 'kind']])
  })

  it('missing required fields', () => {
    const { group_id: _group, ...account } = examples.account
    expect(issuesOf(accountCreate, account)).toEqual([{ path: ['group_id'], code: 'invalid_type' }])
    const { steps: _steps, ...ladder } = examples.ladder
    expect(pathsOf(ladderCreate, ladder)).toEqual([['steps']])
    expect(pathsOf(ladderUpdate, examples.ladder)).toEqual([['version']])
    expect(pathsOf(loginRequest, { username: 'admin' })).toEqual([['password']])
    expect(pathsOf(operationCreate, {})).toEqual([['account_id'], ['type'], ['amount']])
  })

  it('null is accepted for every optional field', () => {
    const nulls = <T extends object>(body: T, keys: (keyof T)[]) =>
      Object.fromEntries(Object.entries(body).map(([k, v]) => [k, keys.includes(k as keyof T) ? null : v]))
    expect(
      pathsOf(
        accountCreate,
        nulls(examples.account, ['holder_name', 'phone', 'email', 'birth_date', 'identifiers', 'blocked']),
      ),
    ).toEqual([])
    expect(pathsOf(accountGroupCreate, nulls(examples.accountGroup, ['description', 'ladder_id']))).toEqual(
      [],
    )
    expect(
      pathsOf(identifierTypeCreate, nulls(examples.identifierType, ['pattern', 'min_length', 'max_length'])),
    ).toEqual([])
    expect(pathsOf(operationCreate, { ...examples.operation, comment: null })).toEqual([])
    expect(pathsOf(logoutRequest, { refresh_token: null })).toEqual([])
    expect(pathsOf(ladderPreviewRequest, { ...examples.ladder, id: null })).toEqual([])
    const ladder = editableLadder()
    ladder.steps[2]!.rk_discount_id = null
    ladder.steps[2]!.bonus_percent = null
    expect(pathsOf(ladderCreate, ladder)).toEqual([])
    const importBody = { discounts: [{ ...examples.import.discounts[0], active: null }] }
    expect(pathsOf(rkDiscountImportRequest, importBody)).toEqual([])
    // ... but null is not a value for a required field.
    expect(pathsOf(ladderCreate, { ...examples.ladder, downgrade: null })).toEqual([['downgrade']])
  })

  it('identifier types: a pattern that does not compile, and min_length > max_length', () => {
    expect(pathsOf(identifierTypeCreate, { ...examples.identifierType, pattern: '[0-9' })).toEqual([
      ['pattern'],
    ])
    expect(pathsOf(identifierTypeCreate, { ...examples.identifierType, pattern: 'a'.repeat(201) })).toEqual([
      ['pattern'],
    ])
    expect(pathsOf(identifierTypeCreate, { ...examples.identifierType, min_length: 13 })).toEqual([
      ['max_length'],
    ])
    expect(pathsOf(identifierTypeUpdate, { ...examples.identifierType, min_length: 13, version: 1 })).toEqual(
      [['max_length']],
    )
    expect(pathsOf(identifierTypeCreate, { ...examples.identifierType, code: 'Карта' })).toEqual([['code']])
  })

  it('accounts: phone, e-mail, date and identifiers', () => {
    expect(pathsOf(accountCreate, { ...examples.account, phone: '89991234567' })).toEqual([['phone']])
    expect(pathsOf(accountCreate, { ...examples.account, email: 'nope' })).toEqual([['email']])
    expect(pathsOf(accountCreate, { ...examples.account, birth_date: '17.05.1990' })).toEqual([
      ['birth_date'],
    ])
    expect(pathsOf(accountCreate, { ...examples.account, identifiers: [{ type_id: 1, value: '' }] })).toEqual(
      [['identifiers', 0, 'value']],
    )
  })

  it('duplicate rk_code in one import names the later row', () => {
    const body = {
      discounts: [examples.import.discounts[0], { ...examples.import.discounts[1], rk_code: 105 }],
    }
    expect(pathsOf(rkDiscountImportRequest, body)).toEqual([['discounts', 1, 'rk_code']])
  })

  it('ladderCreateChecked gives the domain rules their paths', () => {
    const ladder = editableLadder()
    ladder.basis = 'visits'
    ladder.steps[1]!.threshold = 5.5
    ladder.steps[2] = { name: 'Пусто', threshold: 3 }
    expect(pathsOf(ladderCreateChecked, ladder)).toEqual([
      ['steps', 1, 'threshold'],
      ['steps', 2, 'threshold'],
      ['steps', 2],
    ])
  })
})

describe('queries', () => {
  it('list limit is 1–500, 50 by default; offset defaults to 0', () => {
    expect(listQuery.parse({})).toEqual({ offset: 0, limit: 50 })
    expect(listQuery.parse({ offset: '20', limit: '500', q: 'гость' })).toEqual({
      offset: 20,
      limit: 500,
      q: 'гость',
    })
    expect(pathsOf(listQuery, { limit: '0' })).toEqual([['limit']])
    expect(pathsOf(listQuery, { limit: '501' })).toEqual([['limit']])
    expect(pathsOf(listQuery, { limit: 'x' })).toEqual([['limit']])
    expect(pathsOf(listQuery, { offset: '-1' })).toEqual([['offset']])
    expect(pathsOf(listQuery, { page: '2' })).toEqual([[]])
  })

  it('filters of the lists', () => {
    expect(activeListQuery.parse({ active: 'true' })).toEqual({ offset: 0, limit: 50, active: true })
    expect(pathsOf(activeListQuery, { active: 'yes' })).toEqual([['active']])
    expect(accountListQuery.parse({ group_id: '3' }).group_id).toBe(3)
    expect(pathsOf(accountListQuery, { group_id: '0' })).toEqual([['group_id']])
    expect(operationListQuery.parse({ type: 'bonus', from: '2024-01-01' })).toMatchObject({ type: 'bonus' })
    expect(pathsOf(operationListQuery, { from: '2024-13-01' })).toEqual([['from']])
    expect(pathsOf(operationsReportQuery, { from: '2024-01-01' })).toEqual([['to']])
    expect(versionQuery.parse({ version: '4' })).toEqual({ version: 4 })
    expect(pathsOf(versionQuery, {})).toEqual([['version']])
  })
})
