import type { ServerContext } from '../context'
import { statement, valueOf } from './sql'

// How accounts are found at a million rows: every account has a few lowercased search keys (its number, phone
// digits, holder name and each later word of it, e-mail, identifier values) in `account_search`, and a query is
// a prefix range over them (`term >= key AND term < key + U+10FFFF`): an index range scan, never a table scan.
// Case-insensitive (Unicode lowercase), `ё` = `е`, and a phone matches however it is typed
// (`+7 916 123`, `7916123`, `8 (916) 123`). A query of three digits or more (a phone's or a card's last digits)
// matches digits anywhere in the number, the phone and identifier values through the trigram index of
// `account_digits` (migrations 3 and 8: a phrase of consecutive trigrams); one of seven digits or more (a number
// or a phone typed from its start) lists the keys that start with it first, from the prefix index.

/**
 * Whether NFC may change the text: combining marks, Greek (singleton decompositions), Cyrillic combining signs,
 * and anything from U+0500 (surrogates included). Latin and Russian text skips the costly normalize.
 */
function mayChangeUnderNfc(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x300 && code <= 0x3ff) || (code >= 0x483 && code <= 0x489) || code >= 0x500) return true
  }
  return false
}

/** A text as a search key: NFC, lowercase, `ё` → `е`, spaces collapsed, a leading `+` dropped. */
export function searchKey(text: string): string {
  let key = (mayChangeUnderNfc(text) ? text.normalize('NFC') : text).toLowerCase()
  if (key.includes('ё')) key = key.replaceAll('ё', 'е')
  if (/\s\s|[^\S ]/.test(key)) key = key.replace(/\s+/g, ' ')
  key = key.trim()
  return key.startsWith('+') ? key.slice(1) : key
}

export interface SearchableAccount {
  number: string
  holder_name: string | null
  phone: string | null
  email: string | null
}

/** Adds the key of `text` to `terms` unless empty or already there (a handful of terms: a list beats a Set). */
function addTerm(terms: string[], text: string | null): void {
  if (text === null) return
  const key = searchKey(text)
  if (key !== '' && !terms.includes(key)) terms.push(key)
}

/**
 * The search keys of an account, without duplicates. The holder name gives one key from each of its words to the
 * end («иванов иван петрович», «иван петрович», «петрович»; a hyphen starts a word too), so a query may start at
 * any word and go on over the next ones.
 */
export function accountSearchTerms(
  account: SearchableAccount,
  identifierValues: readonly string[],
): string[] {
  const terms: string[] = []
  addTerm(terms, account.number)
  addTerm(terms, account.phone)
  addTerm(terms, account.email)
  if (account.holder_name !== null) {
    const name = searchKey(account.holder_name)
    addTerm(terms, name)
    for (const boundary of name.matchAll(WORD_START)) addTerm(terms, name.slice(boundary.index))
  }
  for (const value of identifierValues) addTerm(terms, value)
  return terms
}

/** Runs of digits in a text ('+7 (916) 123-45-67' → '79161234567'; 'AB-12/34' → '1234'). */
const digitsOf = (text: string | null): string => (text === null ? '' : text.replace(/\D+/gu, ''))

/**
 * What digit search looks in: the digits of the number, the phone and each identifier value, space-separated so
 * that no match spans two of them.
 */
export function accountDigits(
  account: { number: string; phone: string | null },
  identifierValues: readonly string[],
): string {
  const runs: string[] = []
  for (const text of [account.number, account.phone, ...identifierValues]) {
    const digits = digitsOf(text)
    if (digits !== '' && !runs.includes(digits)) runs.push(digits)
  }
  return runs.join(' ')
}

/** Fewer digits than this match only at the start of a key (a trigram index needs three). */
export const DIGITS_ANYWHERE_MIN = 3

/**
 * The digit strings a phone- or number-like query looks for anywhere (empty when it is not one — letters in it —
 * or too short): its digits, and as with prefix keys, a query starting with 8 (as Russians dial) also as +7.
 */
export function digitQuery(q: string | undefined): string[] {
  if (q === undefined || !PHONE_LIKE.test(q.trim())) return []
  const digits = digitsOf(q)
  if (digits.length < DIGITS_ANYWHERE_MIN) return []
  return q.trim().startsWith('8') ? [digits, `7${digits.slice(1)}`] : [digits]
}

/** A word that follows a space or a hyphen. */
const WORD_START = /(?<=[\s-])[^\s-]/g

const PHONE_LIKE = /^\+?[\d\s()-]*\d[\d\s()-]*$/u

/**
 * The key prefixes a query `q` stands for (empty: no search). A phone-like query is reduced to its digits, and
 * one starting with 8 (as Russians dial) is also tried as +7.
 */
export function queryKeys(q: string | undefined): string[] {
  if (q === undefined) return []
  if (PHONE_LIKE.test(q.trim())) {
    const digits = q.replace(/\D/gu, '')
    return q.trim().startsWith('8') && digits.length > 1 ? [digits, `7${digits.slice(1)}`] : [digits]
  }
  const key = searchKey(q)
  return key === '' ? [] : [key]
}

/** The largest code point: `key + TOP` is above every string that starts with `key`. */
const TOP = '\u{10FFFF}'

/** `[low, high)` bounds of the prefix range of each key, flattened for SQL parameters. */
export const rangeParams = (keys: readonly string[]): string[] => keys.flatMap((key) => [key, key + TOP])

/** `(term >= ? AND term < ?) OR …` for `keys.length` ranges over the column `column`. */
export const rangeSql = (keyCount: number, column = 'term'): string =>
  Array.from({ length: keyCount }, () => `(${column} >= ? AND ${column} < ?)`).join(' OR ')

/** Whether any term starts with any key: the same match as the SQL range, done in memory. */
export const termsMatch = (terms: readonly string[], keys: readonly string[]): boolean =>
  terms.some((term) => keys.some((key) => term.startsWith(key)))

// ---- the search itself ----

/** Code point order: what SQLite's BINARY collation gives for UTF-8 text (UTF-16 order differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length;) {
    const x = a.codePointAt(i) ?? 0
    const y = b.codePointAt(i) ?? 0
    if (x !== y) return x < y ? -1 : 1
    i += x > 0xffff ? 2 : 1
  }
  return a.length - b.length
}

/** More matching accounts than this: `total` is reported as SEARCH_COUNT_CAP + 1 ("more than"). */
export const SEARCH_COUNT_CAP = 10_000

export interface SearchPage {
  ids: number[]
  total: number
}

/**
 * One page of the accounts matching `keys` (and the group), ordered by the first key they match, then by id:
 * the order of the `account_search` index (or of its per-group twin), so a page is a short index range scan
 * however many accounts match. The total is counted up to `countCap + 1`.
 */
export function searchAccounts(
  ctx: ServerContext,
  keys: readonly string[],
  page: { groupId?: number; offset: number; limit: number },
  countCap = SEARCH_COUNT_CAP,
): SearchPage {
  // queryKeys gives one key, or two that are not prefixes of one another: their ranges are disjoint, and
  // scanning them in key order keeps the index's order.
  const sorted = [...keys].sort(compareCodePoints)
  const need = page.offset + page.limit
  const inGroup = page.groupId === undefined ? '' : 'group_id = ? AND'
  const groupParam = page.groupId === undefined ? [] : [page.groupId]
  const total =
    valueOf<number>(
      ctx,
      `SELECT count(*) FROM (SELECT DISTINCT account_id FROM account_search
       WHERE ${inGroup} (${rangeSql(sorted.length)}) LIMIT ?)`,
      ...groupParam,
      ...rangeParams(sorted),
      countCap + 1,
    ) ?? 0
  const ids: number[] = []
  const seen = new Set<number>()
  const scan = statement(
    ctx,
    `SELECT term, account_id FROM account_search WHERE ${inGroup} (term, account_id) > (?, ?) AND term < ?
     ORDER BY term, account_id LIMIT ?`,
  )
  for (const key of sorted) {
    let after: [string, number] = [key, 0]
    let chunk = Math.max(64, need * 2)
    while (ids.length < need) {
      const rows = scan.raw().all(...groupParam, after[0], after[1], key + TOP, chunk) as [string, number][]
      for (const [, id] of rows) {
        if (seen.has(id)) continue
        seen.add(id)
        if (ids.push(id) === need) break
      }
      const last = rows[rows.length - 1]
      if (!last || rows.length < chunk) break
      after = last
      chunk = Math.min(4096, chunk * 4)
    }
  }
  return { ids: ids.slice(page.offset), total }
}

/**
 * One page of the accounts whose number, phone or an identifier value contains one of `digits` (and in the
 * group), by id. Total as in searchAccounts.
 */
export function searchAccountsByDigits(
  ctx: ServerContext,
  digits: readonly string[],
  page: { groupId?: number; offset: number; limit: number },
  countCap = SEARCH_COUNT_CAP,
): SearchPage {
  const need = page.offset + page.limit
  // One scan gives the total (up to the cap) and, within it, the page.
  const ids = idsByDigits(ctx, digits, page.groupId, Math.max(countCap + 1, need))
  return { ids: ids.slice(page.offset, need), total: Math.min(ids.length, countCap + 1) }
}

/** From this many digits a query is a number, a phone or a card typed from its start (searchAccountsByLongDigits). */
export const LONG_DIGITS = 7

/**
 * A query of LONG_DIGITS digits or more: first the accounts with a key that starts with it (number, phone,
 * identifier value, as any query: from the prefix index in key order, a few index pages however many accounts
 * there are), then those whose digits contain it elsewhere, by id. When the keys alone pass the cap, neither the
 * page nor the total needs the trigram index.
 */
export function searchAccountsByLongDigits(
  ctx: ServerContext,
  keys: readonly string[],
  digits: readonly string[],
  page: { groupId?: number; offset: number; limit: number },
  countCap = SEARCH_COUNT_CAP,
): SearchPage {
  const need = page.offset + page.limit
  const groupId = page.groupId
  const prefix = searchAccounts(ctx, keys, { groupId, offset: 0, limit: need }, countCap)
  if (prefix.total > countCap && prefix.ids.length >= need)
    return { ids: prefix.ids.slice(page.offset), total: countCap + 1 }
  // At most the cap of key matches: all of them, then the others by id.
  const first =
    prefix.total <= countCap && prefix.ids.length < prefix.total
      ? searchAccounts(ctx, keys, { groupId, offset: 0, limit: prefix.total }, countCap).ids
      : prefix.ids
  const others = idsByDigitsBesides(ctx, digits, groupId, new Set(first), Math.max(countCap + 1, need))
  const total = prefix.total > countCap ? countCap + 1 : Math.min(countCap + 1, first.length + others.length)
  return { ids: [...first, ...others].slice(page.offset, need), total }
}

/** Ids (by id, at most `limit`) of the accounts in the group whose digits contain one of `digits`. */
function idsByDigits(
  ctx: ServerContext,
  digits: readonly string[],
  groupId: number | undefined,
  limit: number,
): number[] {
  const { inGroup, group } = groupFilter(groupId)
  const sql = digits
    .map(() => `SELECT rowid AS id FROM account_digits WHERE account_digits MATCH ? ${inGroup}`)
    .join(' UNION ')
  return statement(ctx, `${sql} ORDER BY id LIMIT ?`)
    .pluck()
    .all(...digits.flatMap((run) => [phrase(run), ...group]), limit) as number[]
}

/**
 * Ids (by id, at most `limit`) of the accounts in the group, other than `known`, whose digits contain one of the
 * long strings `digits`. A long string's phrase may walk the long lists of dense trigrams (a card number's shared
 * start, «000») for a few matches: it is looked up by its cheapest window instead when there is one, and the
 * candidates outside `known` (the accounts a key already found: most of them, for a number typed from its start)
 * have their digits checked with instr.
 */
function idsByDigitsBesides(
  ctx: ServerContext,
  digits: readonly string[],
  groupId: number | undefined,
  known: ReadonlySet<number>,
  limit: number,
): number[] {
  const { inGroup, group } = groupFilter(groupId)
  const found = new Set<number>()
  for (const run of digits) {
    const window = cheapestWindow(ctx, run)
    const candidates = (
      statement(
        ctx,
        `SELECT rowid FROM account_digits WHERE account_digits MATCH ? ${inGroup} ORDER BY rowid LIMIT ?`,
      )
        .pluck()
        .all(phrase(window ?? run), ...group, window === undefined ? limit + known.size : -1) as number[]
    ).filter((id) => !known.has(id))
    const matches =
      window === undefined
        ? candidates
        : (statement(
            ctx,
            `SELECT rowid FROM account_digits WHERE rowid IN (SELECT value FROM json_each(?)) AND instr(digits, ?) > 0`,
          )
            .pluck()
            .all(JSON.stringify(candidates), run) as number[])
    for (const id of matches) found.add(id)
  }
  return [...found].sort((a, b) => a - b).slice(0, limit)
}

/** An FTS5 phrase of the digits: consecutive trigrams, matched by their positions alone. */
const phrase = (digits: string): string => `"${digits}"`

const groupFilter = (groupId: number | undefined) =>
  groupId === undefined
    ? { inGroup: '', group: [] }
    : { inGroup: 'AND rowid IN (SELECT id FROM accounts WHERE group_id = ?)', group: [groupId] }

/** Trigram lists are counted up to this many accounts: one held by more is as costly to walk as the longest. */
const TRIGRAM_COUNT_CAP = 200_000

/** How many accounts' digits hold each trigram (up to TRIGRAM_COUNT_CAP), counted once per connection. */
const trigramCounts = new WeakMap<
  ServerContext['db']['sqlite'],
  { rows: number; counts: Map<string, number> }
>()

/** The length of a trigram's list, as far as the cost of walking it goes. */
function trigramCost(ctx: ServerContext, trigram: string): number {
  let stats = trigramCounts.get(ctx.db.sqlite)
  if (!stats) {
    stats = { rows: valueOf<number>(ctx, 'SELECT count(*) FROM account_digits') ?? 0, counts: new Map() }
    trigramCounts.set(ctx.db.sqlite, stats)
  }
  let count = stats.counts.get(trigram)
  if (count === undefined) {
    count =
      valueOf<number>(
        ctx,
        'SELECT count(*) FROM (SELECT 1 FROM account_digits WHERE account_digits MATCH ? LIMIT ?)',
        `"${trigram}"`,
        TRIGRAM_COUNT_CAP,
      ) ?? 0
    stats.counts.set(trigram, count)
  }
  return count >= TRIGRAM_COUNT_CAP ? Math.max(count, stats.rows) : count
}

/** Checking a candidate's digits costs about this many list entries walked (it reads the row). */
const CHECK_COST = 150

/**
 * The digits of a long `run` to look it up by, its candidates then checked with instr: the window of 4 or 5 digits
 * with the least to walk and check (the candidates estimated by its shortest list), or undefined when the whole
 * phrase costs less (every window holds a dense trigram: a card number's shared start, «000»).
 */
function cheapestWindow(ctx: ServerContext, run: string): string | undefined {
  const costs = Array.from({ length: run.length - 2 }, (_, at) => trigramCost(ctx, run.slice(at, at + 3)))
  let best: { window?: string; cost: number } = { cost: costs.reduce((sum, cost) => sum + cost, 0) }
  for (const length of [4, 5]) {
    for (let at = 0; at + length <= run.length; at++) {
      const lists = costs.slice(at, at + length - 2)
      const cost = lists.reduce((sum, count) => sum + count, 0) + CHECK_COST * Math.min(...lists)
      if (cost < best.cost) best = { window: run.slice(at, at + length), cost }
    }
  }
  return best.window
}

/** Keeps an account's row of `account_digits` equal to its number, phone and identifier values. */
export function writeAccountDigits(ctx: ServerContext, accountId: number, digits: string): void {
  statement(ctx, 'DELETE FROM account_digits WHERE rowid = ?').run(accountId)
  if (digits !== '')
    statement(ctx, 'INSERT INTO account_digits (rowid, digits) VALUES (?, ?)').run(accountId, digits)
}
