import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { exampleRkDiscounts, guestLadderExample } from '../domain/example-ladder'
import {
  account,
  accountGroup,
  authInfo,
  balancesReport,
  conflictError,
  errorBody,
  groupOperationResult,
  health,
  identifierCheckResult,
  identifierType,
  ladder,
  ladderHistory,
  ladderPreview,
  ladderStepsReport,
  listOf,
  messageError,
  operation,
  operationsReport,
  purchaseResult,
  rkDiscount,
  rkDiscountImportResult,
  tokenPair,
  user,
  validationError,
} from './index'

const audit = {
  created_at: '2024-03-01T10:00:00Z',
  updated_at: '2024-03-02T11:30:00.123Z',
  updated_by: 'admin',
}
const ladderAnswer = { id: 1, ...guestLadderExample, version: 2, ...audit }
const [discountAnswer] = exampleRkDiscounts
const accountAnswer = {
  id: 7,
  number: '000123',
  holder_name: 'Иванов Иван',
  phone: '+79991234567',
  email: null,
  birth_date: '1990-05-17',
  group_id: 1,
  identifiers: [{ type_id: 1, value: '123456' }],
  blocked: false,
  balance: 1234.5,
  pending_balance: 0,
  spend_total: 45000,
  visits: 12,
  step: { ladder_id: 1, index: 1, name: 'Серебро' },
  step_override: null,
  version: 3,
  ...audit,
}
const operationAnswer = {
  id: 11,
  account_id: 7,
  type: 'deposit',
  amount: 1234.5,
  balance_after: 2469,
  comment: null,
  batch_id: null,
  created_at: '2024-03-02T11:30:00Z',
  created_by: 'admin',
}

describe('example answers of API.md parse', () => {
  it.each([
    [
      'token pair',
      tokenPair,
      { access_token: 'a', refresh_token: 'r', token_type: 'bearer', expires_in: 900 },
    ],
    [
      'auth info',
      authInfo,
      {
        user: { id: 1, login: 'admin', name: 'Администратор', role: 'admin' },
        server: { name: 'ProBonus', version: '0.1.0' },
      },
    ],
    [
      'users list',
      listOf(user),
      {
        items: [
          {
            id: 1,
            login: 'admin',
            role: 'admin',
            surname: null,
            first_name: 'Администратор',
            patronymic: null,
            name: 'Администратор',
            email: null,
            comment: null,
            active: true,
            last_login_at: '2026-11-30T09:15:00Z',
            version: 1,
            created_at: '2026-11-01T10:00:00Z',
            updated_at: '2026-11-01T10:00:00Z',
            updated_by: null,
          },
        ],
        total: 1,
        offset: 0,
        limit: 50,
      },
    ],
    ['RK discounts list', listOf(rkDiscount), { items: [discountAnswer], total: 1, offset: 0, limit: 50 }],
    ['RK discount import result', rkDiscountImportResult, { created: 2, updated: 1, deactivated: 0 }],
    ['ladder', ladder, ladderAnswer],
    [
      'ladder history',
      ladderHistory,
      {
        items: [
          {
            version: 1,
            updated_at: audit.updated_at,
            updated_by: null,
            ladder: { ...ladderAnswer, version: 1 },
          },
        ],
      },
    ],
    [
      'ladder preview',
      ladderPreview,
      {
        steps: [
          { index: 0, name: 'Гость', accounts: 120, accounts_before: 124 },
          { index: 1, name: 'Серебро', accounts: 30, accounts_before: 26 },
        ],
        moved_up: 4,
        moved_down: 0,
        unchanged: 140,
        overridden: 6,
        samples: {
          moved_up: [
            {
              account_id: 17,
              number: '2000017',
              holder_name: 'Иванова Мария',
              from_step: { index: 0, name: 'Гость' },
              to_step: { index: 1, name: 'Серебро' },
            },
          ],
          moved_down: [],
        },
        bonus_estimate: { current: 1520.4, proposed: 1610.25 },
      },
    ],
    [
      'account group',
      accountGroup,
      {
        id: 1,
        name: 'Гости',
        description: null,
        ladder_id: 1,
        active: true,
        accounts_count: 150,
        version: 1,
        ...audit,
      },
    ],
    [
      'identifier type',
      identifierType,
      {
        id: 1,
        code: 'card',
        name: 'Номер карты',
        kind: 'card_number',
        pattern: '\\d{6,12}',
        min_length: 6,
        max_length: 12,
        unique: true,
        active: true,
        version: 1,
        ...audit,
      },
    ],
    [
      'identifier check',
      identifierCheckResult,
      {
        valid: false,
        errors: [
          { code: 'pattern_mismatch', message: 'Does not match the pattern' },
          { code: 'taken', message: 'Taken' },
        ],
        taken_by_account_id: 7,
      },
    ],
    ['account', account, accountAnswer],
    ['account without a step', account, { ...accountAnswer, step: null, balance: 0 }],
    [
      'account with a level set by hand',
      account,
      {
        ...accountAnswer,
        step: { ladder_id: 1, index: 2, name: 'Золото' },
        step_override: {
          ladder_id: 1,
          index: 2,
          name: 'Золото',
          mode: 'pin',
          until: '2024-03-31',
          ends_at: '2024-03-31T21:00:00.000Z',
          reason: 'Жалоба гостя улажена',
          set_by: 'marketing',
          set_at: '2024-03-02T11:30:00Z',
          computed_step: { ladder_id: 1, index: 1, name: 'Серебро' },
        },
      },
    ],
    ['operation', operation, operationAnswer],
    [
      'operations list',
      listOf(operation),
      {
        items: [operationAnswer, { ...operationAnswer, id: 12, type: 'bonus', batch_id: 'b-1' }],
        total: 2,
        offset: 0,
        limit: 50,
      },
    ],
    ['group operation result', groupOperationResult, { batch_id: 'b-1', accounts: 150, total: 15000 }],
    [
      'purchase result',
      purchaseResult,
      {
        step: { ladder_id: 1, index: 1, name: 'Серебро' },
        bonus_credited: 125.03,
        balance_after: 1359.53,
        paid_with_bonus: 0,
        bonus_pending: 0,
        available_at: null,
      },
    ],
    [
      'balances report',
      balancesReport,
      { items: [{ group_id: 1, name: 'Гости', accounts: 150, balance_total: 18500.75 }] },
    ],
    [
      'operations report',
      operationsReport,
      { items: [{ day: '2024-03-02', type: 'deposit', count: 3, amount: 300 }] },
    ],
    ['ladder steps report', ladderStepsReport, { items: [{ index: 0, name: 'Гость', accounts: 120 }] }],
    ['health', health, { status: 'ok', version: '0.1.0' }],
    ['401', messageError, { detail: 'Incorrect username or password', code: 'bad_credentials', params: {} }],
    [
      '422',
      validationError,
      {
        detail: [
          {
            loc: ['body', 'steps', 2, 'threshold'],
            msg: 'Thresholds strictly increase',
            type: 'value_error',
            code: 'threshold_not_increasing',
            params: { step: 3, threshold: 100, previous: 500, previousStep: 2 },
          },
        ],
      },
    ],
    [
      '409',
      conflictError,
      {
        detail: 'The ladder was changed by someone else',
        code: 'version_conflict',
        params: { version: 3, base_version: 2 },
        current: ladderAnswer,
      },
    ],
  ] as [string, z.ZodType, unknown][])('%s', (_, schema, body) => {
    const result = schema.safeParse(body)
    expect(result.success ? [] : result.error.issues).toEqual([])
  })
})

describe('answers that break the contract are refused', () => {
  it('every field is present in answers, null where not set', () => {
    const { email: _email, ...withoutEmail } = accountAnswer
    expect(account.safeParse(withoutEmail).error?.issues.map((i) => i.path)).toEqual([['email']])
    expect(ladder.safeParse({ ...ladderAnswer, period_days: undefined }).success).toBe(false)
  })

  it('token type, list envelope and money in answers', () => {
    expect(
      tokenPair.safeParse({ access_token: 'a', refresh_token: 'r', token_type: 'mac', expires_in: 900 })
        .success,
    ).toBe(false)
    expect(
      listOf(user).safeParse({ items: [], total: 0, offset: 0, limit: 0 }).error?.issues[0]?.path,
    ).toEqual(['limit'])
    expect(account.safeParse({ ...accountAnswer, balance: -1 }).error?.issues[0]?.path).toEqual(['balance'])
    expect(operation.safeParse({ ...operationAnswer, amount: 1.234 }).error?.issues[0]?.path).toEqual([
      'amount',
    ])
  })

  it('error bodies are told apart', () => {
    const notFound = { detail: 'Not found', code: 'not_found', params: { resource: 'ladder', id: 9 } }
    expect(errorBody.parse(notFound)).toEqual(notFound)
    // Without a code an error body breaks the contract (API.md "Error codes").
    expect(errorBody.safeParse({ detail: 'Not found' }).success).toBe(false)
    const validation = {
      detail: [
        { loc: ['body', 'name'], msg: 'Field required', type: 'missing', code: 'required', params: {} },
      ],
    }
    expect(validationError.safeParse(validation).success).toBe(true)
    expect(errorBody.parse(validation)).toEqual(validation)
    expect(errorBody.safeParse({ detail: 5 }).success).toBe(false)
    expect(validationError.safeParse({ detail: [{ loc: [{}], msg: 'x', type: 'y' }] }).success).toBe(false)
  })
})
