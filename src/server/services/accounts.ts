import type { Selectable } from 'kysely'
import type {
  Account,
  AccountCreate,
  AccountIdentifier,
  AccountListQuery,
  AccountMoveRequest,
  AccountMoveResult,
  AccountUpdate,
  ListEnvelope,
  ValidationErrorItem,
} from '@shared/api'
import { fromKopecks } from '@shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { AccountsTable } from '../db/schema'
import { assertVersion, conflict, fieldItem, notFound, validationFailed } from '../errors'
import {
  accountDigits,
  accountSearchTerms,
  digitQuery,
  queryKeys,
  rangeParams,
  rangeSql,
  SEARCH_COUNT_CAP,
  type SearchPage,
  searchAccounts,
  LONG_DIGITS,
  searchAccountsByDigits,
  searchAccountsByLongDigits,
  writeAccountDigits,
} from './account-search'
import { assertGroupExists } from './account-groups'
import { pendingOf } from './bonus-balance'
import { getSettings } from './settings'
import { liveAccountOf } from './temporary-identifiers'
import { identifierHolder, identifierValueProblems } from './identifier-types'
import { envelope } from './lists'
import {
  accountStepOf,
  accumulated,
  isRolling,
  loadPlacementLadders,
  placeOn,
  windowStart,
  windowTotals,
} from './placement'
import { execute, placeholders, rowOf, rowsOf, statement, valueOf } from './sql'
import {
  effectiveIndex,
  endOverridesOfAccounts,
  endOverridesOfGroup,
  holdsOn,
  liveOverridesOf,
  overriddenAccountIds,
  stepOverrideOf,
} from './step-overrides'

/** An `accounts` row as read. */
export type AccountRow = Selectable<AccountsTable>

export const ACCOUNT_COLUMNS =
  'id, number, holder_name, phone, email, birth_date, group_id, blocked, balance, spend_total, visits, ' +
  'highest_step_ladder_id, highest_step_index, version, created_at, updated_at, updated_by'

export const findAccountRow = (ctx: ServerContext, id: number): AccountRow | undefined =>
  rowOf<AccountRow>(ctx, `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = ?`, id)

export function getAccountRow(ctx: ServerContext, id: number): AccountRow {
  const row = findAccountRow(ctx, id)
  if (!row) throw notFound('account', id, `Account ${id} not found`)
  return row
}

type IdentifierRow = { account_id: number; type_id: number; value: string }

function identifiersOf(ctx: ServerContext, ids: readonly number[]): Map<number, AccountIdentifier[]> {
  const byAccount = new Map<number, AccountIdentifier[]>()
  if (ids.length === 0) return byAccount
  const rows = rowsOf<IdentifierRow>(
    ctx,
    `SELECT account_id, type_id, value FROM account_identifiers
     WHERE account_id IN (${placeholders(ids.length)}) ORDER BY account_id, position`,
    ...ids,
  )
  for (const row of rows) {
    const list = byAccount.get(row.account_id)
    const identifier = { type_id: row.type_id, value: row.value }
    if (list) list.push(identifier)
    else byAccount.set(row.account_id, [identifier])
  }
  return byAccount
}

/** The API's accounts for rows read from the database, with identifiers and the step of each (in row order). */
export function accountsFromRows(ctx: ServerContext, rows: readonly AccountRow[]): Account[] {
  const ids = rows.map((row) => row.id)
  const identifiers = identifiersOf(ctx, ids)
  const pending = pendingOf(ctx, ids)
  const groupIds = [...new Set(rows.map((row) => row.group_id))]
  const ladderOfGroup = new Map(
    rowsOf<{ id: number; ladder_id: number | null }>(
      ctx,
      `SELECT id, ladder_id FROM account_groups WHERE id IN (${placeholders(groupIds.length)})`,
      ...groupIds,
    ).map((group) => [group.id, group.ladder_id] as const),
  )
  const ladders = loadPlacementLadders(
    ctx,
    [...ladderOfGroup.values()].filter((id): id is number => id !== null),
  )
  // Window totals once per rolling ladder, for the accounts on it.
  const windows = new Map<number, ReturnType<typeof windowTotals>>()
  for (const ladder of ladders.values()) {
    if (!isRolling(ladder) || ladder.id === null) continue
    const on = rows.filter((row) => ladderOfGroup.get(row.group_id) === ladder.id).map((row) => row.id)
    windows.set(ladder.id, windowTotals(ctx, on, windowStart(ctx, ladder)))
  }
  const overrides = liveOverridesOf(ctx, ids)
  return rows.map((row): Account => {
    const ladderId = ladderOfGroup.get(row.group_id) ?? null
    const ladder = ladderId === null ? undefined : ladders.get(ladderId)
    let step: Account['step'] = null
    if (ladder && ladder.active && ladderId !== null) {
      const totals = accountTotals(row)
      const value = accumulated(ladder, totals, windows.get(ladderId)?.get(row.id) ?? null)
      step = accountStepOf(ladderId, placeOn(ladder, value, totals))
    }
    const override = overrides.get(row.id)
    let stepOverride: Account['step_override'] = null
    if (ladder && holdsOn(override, ladderId, ladder.steps.length)) {
      const name = (index: number) => ladder.steps[index]?.name ?? ''
      stepOverride = stepOverrideOf(ctx, override, name(override.idx), step)
      if (ladder.active && ladderId !== null) {
        const index = effectiveIndex(override, step?.index ?? -1)
        step = { ladder_id: ladderId, index, name: name(index) }
      }
    }
    return {
      id: row.id,
      number: row.number,
      holder_name: row.holder_name,
      phone: row.phone,
      email: row.email,
      birth_date: row.birth_date,
      group_id: row.group_id,
      identifiers: identifiers.get(row.id) ?? [],
      blocked: bool(row.blocked),
      balance: fromKopecks(row.balance),
      pending_balance: fromKopecks(pending.get(row.id) ?? 0),
      spend_total: fromKopecks(row.spend_total),
      visits: row.visits,
      step,
      step_override: stepOverride,
      version: row.version,
      created_at: row.created_at,
      updated_at: row.updated_at,
      updated_by: row.updated_by,
    }
  })
}

export const accountTotals = (row: AccountRow) => ({
  spendTotal: row.spend_total,
  visits: row.visits,
  highestLadderId: row.highest_step_ladder_id,
  highestIndex: row.highest_step_index,
})

function accountsByIds(ctx: ServerContext, ids: readonly number[]): Account[] {
  if (ids.length === 0) return []
  const rows = rowsOf<AccountRow>(
    ctx,
    `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id IN (${placeholders(ids.length)})`,
    ...ids,
  )
  const position = new Map(ids.map((id, i) => [id, i]))
  rows.sort((a, b) => (position.get(a.id) ?? 0) - (position.get(b.id) ?? 0))
  return accountsFromRows(ctx, rows)
}

export function getAccount(ctx: ServerContext, id: number): Account {
  const [account] = accountsFromRows(ctx, [getAccountRow(ctx, id)])
  if (!account) throw notFound('account', id, `Account ${id} not found`)
  return account
}

// ---- list and search ----

export function listAccounts(
  ctx: ServerContext,
  query: AccountListQuery,
  countCap = SEARCH_COUNT_CAP,
): ListEnvelope<Account> {
  // A live temporary identifier (a code a guest's app shows at the till) is that one account.
  const code = query.q?.trim() ?? ''
  const temporary = /^\d{4,12}$/.test(code) ? liveAccountOf(ctx, code) : undefined
  if (query.step_override === true) {
    const page = overriddenPage(ctx, query, temporary)
    return envelope(accountsByIds(ctx, page.ids), page.total, query)
  }
  if (temporary !== undefined) {
    const found = accountsByIds(ctx, [temporary]).filter(
      (row) => query.group_id === undefined || row.group_id === query.group_id,
    )
    return envelope(query.offset === 0 ? found : [], found.length, query)
  }
  const keys = queryKeys(query.q)
  const digits = digitQuery(query.q)
  const pageOf = { groupId: query.group_id, offset: query.offset, limit: query.limit }
  const page =
    digits.length > 0
      ? (digits[0]?.length ?? 0) >= LONG_DIGITS
        ? searchAccountsByLongDigits(ctx, keys, digits, pageOf, countCap)
        : searchAccountsByDigits(ctx, digits, pageOf, countCap)
      : keys.length === 0
        ? unsearchedPage(ctx, query)
        : searchAccounts(ctx, keys, pageOf, countCap)
  return envelope(accountsByIds(ctx, page.ids), page.total, query)
}

/**
 * `step_override=true`: the accounts whose level is set by hand now (few), in the group, that the query finds
 * (the same matches as the searches: a live temporary code, digits anywhere, key prefixes), by id.
 */
function overriddenPage(
  ctx: ServerContext,
  query: AccountListQuery,
  temporary: number | undefined,
): SearchPage {
  let ids = overriddenAccountIds(ctx, query.group_id)
  const keys = queryKeys(query.q)
  const digits = digitQuery(query.q)
  const among = JSON.stringify(ids)
  if (temporary !== undefined) ids = ids.filter((id) => id === temporary)
  else if (digits.length > 0) {
    ids = statement(
      ctx,
      `SELECT rowid FROM account_digits WHERE (${digits.map(() => 'digits LIKE ?').join(' OR ')})
       AND rowid IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
      .pluck()
      .all(...digits.map((run) => `%${run}%`), among) as number[]
  } else if (keys.length > 0) {
    ids = statement(
      ctx,
      `SELECT DISTINCT account_id FROM account_search WHERE (${rangeSql(keys.length)})
       AND account_id IN (SELECT value FROM json_each(?)) ORDER BY account_id`,
    )
      .pluck()
      .all(...rangeParams(keys), among) as number[]
  }
  return { ids: ids.slice(query.offset, query.offset + query.limit), total: ids.length }
}

/** No search: ids in order; the total from the groups' maintained `accounts_count` (no count over the table). */
function unsearchedPage(ctx: ServerContext, query: AccountListQuery): SearchPage {
  const byGroup = query.group_id !== undefined
  const params = byGroup ? [query.group_id] : []
  const ids = statement(
    ctx,
    `SELECT id FROM accounts ${byGroup ? 'WHERE group_id = ?' : ''} ORDER BY id LIMIT ? OFFSET ?`,
  )
    .pluck()
    .all(...params, query.limit, query.offset) as number[]
  const total = valueOf<number>(
    ctx,
    `SELECT coalesce(sum(accounts_count), 0) FROM account_groups ${byGroup ? 'WHERE id = ?' : ''}`,
    ...params,
  )
  return { ids, total: total ?? 0 }
}

// ---- create and update ----

interface IdentifierTypeRow {
  id: number
  name: string
  pattern: string | null
  min_length: number | null
  max_length: number | null
  unique_values: number
  active: number
}

/**
 * Checks an account body against the database: the group exists, every identifier has an existing type and a
 * value its type accepts (422 at `['body', 'identifiers', i, …]`; an inactive type only refuses identifiers the
 * account does not hold yet), no identifier twice; then uniqueness (409): the number, and `unique` types' values.
 */
function checkAccountInput(
  ctx: ServerContext,
  input: AccountCreate,
  accountId: number | null,
  held: readonly AccountIdentifier[],
): void {
  assertGroupExists(ctx, ['body', 'group_id'], input.group_id)
  const identifiers = input.identifiers ?? []
  const typeIds = [...new Set(identifiers.map((identifier) => identifier.type_id))]
  const types = new Map(
    rowsOf<IdentifierTypeRow>(
      ctx,
      `SELECT id, name, pattern, min_length, max_length, unique_values, active FROM identifier_types
       WHERE id IN (${placeholders(typeIds.length)})`,
      ...typeIds,
    ).map((type) => [type.id, type] as const),
  )
  const heldKeys = new Set(held.map((identifier) => identifierKey(identifier)))
  const seen = new Set<string>()
  const items: ValidationErrorItem[] = []
  // The settings' «Обязательные поля»: each one named there must be given.
  for (const field of getSettings(ctx).required_account_fields) {
    const value = input[field]
    if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) {
      items.push(
        fieldItem(['body', field], 'required', {}, 'Field required by the program settings', 'missing'),
      )
    }
  }
  identifiers.forEach((identifier, i) => {
    const loc = ['body', 'identifiers', i]
    const type = types.get(identifier.type_id)
    if (!type) {
      items.push(
        fieldItem(
          [...loc, 'type_id'],
          'reference_not_found',
          { resource: 'identifier_type', id: identifier.type_id },
          `Identifier type ${identifier.type_id} does not exist`,
          'not_found',
        ),
      )
      return
    }
    const key = identifierKey(identifier)
    const problems = identifierValueProblems({ ...type, active: bool(type.active) }, identifier.value).filter(
      (problem) => problem.code !== 'inactive_type' || !heldKeys.has(key),
    )
    if (problems.length > 0) {
      const first = problems[0]!
      items.push(
        fieldItem(
          [...loc, 'value'],
          first.code,
          first.params,
          problems.map((problem) => problem.message).join('; '),
        ),
      )
    } else if (seen.has(key)) {
      items.push(fieldItem([...loc, 'value'], 'duplicate', {}, 'The same identifier is listed twice'))
    }
    seen.add(key)
  })
  if (items.length > 0) throw validationFailed(items)

  const numberHolder = valueOf<number>(
    ctx,
    'SELECT id FROM accounts WHERE number = ? AND id <> ?',
    input.number,
    accountId ?? 0,
  )
  if (numberHolder !== undefined) {
    throw conflict(
      'number_taken',
      { number: input.number },
      `An account with number "${input.number}" already exists (id ${numberHolder})`,
    )
  }
  for (const identifier of identifiers) {
    const type = types.get(identifier.type_id)
    if (!type || !bool(type.unique_values)) continue
    const holder = identifierHolder(ctx, identifier.type_id, identifier.value, accountId ?? undefined)
    if (holder !== null) {
      const number =
        valueOf<string>(ctx, 'SELECT number FROM accounts WHERE id = ?', holder) ?? String(holder)
      throw conflict(
        'identifier_value_taken',
        { type: type.name, value: identifier.value, number },
        `The ${type.name} value "${identifier.value}" is already held by account ${number}`,
      )
    }
  }
}

const identifierKey = (identifier: AccountIdentifier): string =>
  `${identifier.type_id}\u0000${identifier.value}`

const accountFields = (input: AccountCreate) => ({
  number: input.number,
  holder_name: input.holder_name ?? null,
  phone: input.phone ?? null,
  email: input.email ?? null,
  birth_date: input.birth_date ?? null,
  group_id: input.group_id,
  blocked: input.blocked ? 1 : 0,
})

function writeIdentifiers(
  ctx: ServerContext,
  accountId: number,
  identifiers: readonly AccountIdentifier[],
): void {
  execute(ctx, 'DELETE FROM account_identifiers WHERE account_id = ?', accountId)
  identifiers.forEach((identifier, position) =>
    execute(
      ctx,
      'INSERT INTO account_identifiers (account_id, position, type_id, value) VALUES (?, ?, ?, ?)',
      accountId,
      position,
      identifier.type_id,
      identifier.value,
    ),
  )
}

/**
 * Replaces the account's search keys `before` (in group `groupBefore`) with those of its new state: only the
 * difference is written, or every key when the account changed group.
 */
function writeSearchTerms(
  ctx: ServerContext,
  accountId: number,
  before: { terms: readonly string[]; groupId: number | null },
  after: { terms: readonly string[]; groupId: number },
): void {
  const moved = before.groupId !== after.groupId
  const kept = new Set(moved ? [] : after.terms)
  const old = new Set(moved ? [] : before.terms)
  for (const term of before.terms) {
    if (!kept.has(term))
      execute(ctx, 'DELETE FROM account_search WHERE term = ? AND account_id = ?', term, accountId)
  }
  for (const term of after.terms) {
    if (!old.has(term)) {
      execute(
        ctx,
        'INSERT INTO account_search (term, account_id, group_id) VALUES (?, ?, ?)',
        term,
        accountId,
        after.groupId,
      )
    }
  }
}

const identifierValues = (identifiers: readonly AccountIdentifier[]) =>
  identifiers.map((identifier) => identifier.value)

export function createAccount(ctx: ServerContext, input: AccountCreate, actor: string | null): Account {
  return ctx.db.tx(() => {
    const identifiers = input.identifiers ?? []
    checkAccountInput(ctx, input, null, [])
    const now = ctx.nowIso()
    const fields = accountFields(input)
    const inserted = ctx.db.first(
      ctx.db.q
        .insertInto('accounts')
        .values({ ...fields, version: 1, created_at: now, updated_at: now, updated_by: actor })
        .returning('id'),
    )
    if (!inserted) throw new Error('Account insert returned no id')
    const id = inserted.id
    writeIdentifiers(ctx, id, identifiers)
    writeSearchTerms(
      ctx,
      id,
      { terms: [], groupId: null },
      { terms: accountSearchTerms(fields, identifierValues(identifiers)), groupId: fields.group_id },
    )
    writeAccountDigits(ctx, id, accountDigits(fields, identifierValues(identifiers)))
    return getAccount(ctx, id)
  })
}

export function updateAccount(
  ctx: ServerContext,
  id: number,
  input: AccountUpdate,
  actor: string | null,
): Account {
  return ctx.db.tx(() => {
    const current = getAccountRow(ctx, id)
    assertVersion(current.version, input.version, () => getAccount(ctx, id))
    const held = identifiersOf(ctx, [id]).get(id) ?? []
    const identifiers = input.identifiers ?? []
    checkAccountInput(ctx, input, id, held)
    const fields = accountFields(input)
    if (fields.group_id !== current.group_id) endOverridesOfAccounts(ctx, [id])
    ctx.db.run(
      ctx.db.q
        .updateTable('accounts')
        .set({ ...fields, version: current.version + 1, updated_at: ctx.nowIso(), updated_by: actor })
        .where('id', '=', id),
    )
    writeIdentifiers(ctx, id, identifiers)
    writeSearchTerms(
      ctx,
      id,
      { terms: accountSearchTerms(current, identifierValues(held)), groupId: current.group_id },
      { terms: accountSearchTerms(fields, identifierValues(identifiers)), groupId: fields.group_id },
    )
    const digits = accountDigits(fields, identifierValues(identifiers))
    if (digits !== accountDigits(current, identifierValues(held))) writeAccountDigits(ctx, id, digits)
    return getAccount(ctx, id)
  })
}

// ---- moving accounts between groups ----

/**
 * Moves the accounts named, or every account of `from_group_id`, to `to_group_id` in one transaction: unknown
 * ids are a 404 naming them and nothing moves. Each moved account gets a new version (an edit based on the old
 * one is a conflict); group counts and balances follow through the triggers, search keys carry the new group.
 */
export function moveAccounts(
  ctx: ServerContext,
  input: AccountMoveRequest,
  actor: string | null,
): AccountMoveResult {
  return ctx.db.tx(() => {
    assertGroupExists(ctx, ['body', 'to_group_id'], input.to_group_id)
    const stamp = { to: input.to_group_id, now: ctx.nowIso(), actor }
    if (input.from_group_id !== undefined) {
      assertGroupExists(ctx, ['body', 'from_group_id'], input.from_group_id)
      if (input.from_group_id === input.to_group_id) return { moved: 0 }
      endOverridesOfGroup(ctx, input.from_group_id)
      execute(
        ctx,
        'UPDATE account_search SET group_id = ? WHERE group_id = ?',
        input.to_group_id,
        input.from_group_id,
      )
      const moved = statement(
        ctx,
        `UPDATE accounts SET group_id = @to, version = version + 1, updated_at = @now, updated_by = @actor
         WHERE group_id = @from`,
      ).run({ ...stamp, from: input.from_group_id }).changes
      return { moved }
    }
    const ids = JSON.stringify([...new Set(input.account_ids ?? [])])
    const missing = statement(
      ctx,
      'SELECT value FROM json_each(?) WHERE value NOT IN (SELECT id FROM accounts) ORDER BY value',
    )
      .pluck()
      .all(ids) as number[]
    if (missing.length > 0) {
      throw notFound('account', null, `Accounts not found: ${missing.join(', ')}`, missing)
    }
    const moving = `SELECT value FROM json_each(@ids)`
    execute(
      ctx,
      `DELETE FROM account_step_overrides WHERE account_id IN (
         SELECT id FROM accounts WHERE id IN (SELECT value FROM json_each(?)) AND group_id <> ?)`,
      ids,
      input.to_group_id,
    )
    execute(
      ctx,
      `UPDATE account_search SET group_id = ? WHERE account_id IN (SELECT value FROM json_each(?))`,
      input.to_group_id,
      ids,
    )
    const moved = statement(
      ctx,
      `UPDATE accounts SET group_id = @to, version = version + 1, updated_at = @now, updated_by = @actor
       WHERE id IN (${moving}) AND group_id <> @to`,
    ).run({ ...stamp, ids }).changes
    return { moved }
  })
}
