// The sandbox at a million accounts (`--seed large`): account search by number, phone and identifier prefix, by
// the last 4 digits of a phone or card and by a name word, the ladder preview over ~100,000 accounts, each report,
// and group deposits to 10,000 and to 100,000 accounts.
// Every latency (µs) has GET /api/v0/health measured the same way in the same run as its baseline.
//
// The large database is generated once into the temp directory (about 1.3 GB) and reused while the seed and the
// schema are unchanged (its name carries a hash of their sources); the group deposit is withdrawn again after.
import BetterSqlite3 from 'better-sqlite3'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { accountGroup, ladder as ladderSchema, type Ladder, listOf, tokenPair } from '../src/shared/api'
import type { Bench, BenchFigure } from './run'

const ROOT = join(import.meta.dirname, '..')
const CACHE_DIR = join(tmpdir(), 'probonus-bench-cache')
/** Sources whose change makes a cached large database stale. */
const SEED_SOURCES = [
  'src/server/db/migrations.ts',
  'src/server/db/migration-2-accounts.ts',
  'src/server/seed/index.ts',
  'src/server/seed/accounts.ts',
  'src/server/services/account-search.ts',
]
const SEARCHES_PER_KIND = 200

function cachedDbPath(): string {
  const hash = createHash('sha256')
  for (const source of SEED_SOURCES) hash.update(readFileSync(join(ROOT, source)))
  return join(CACHE_DIR, `large-${hash.digest('hex').slice(0, 12)}.db`)
}

/** Deletes large databases of earlier seeds (they are big), keeping `keep`. */
function dropStaleCaches(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    const path = join(CACHE_DIR, name)
    if (name.startsWith('large-') && !path.startsWith(keep)) rmSync(path, { force: true })
  }
}

async function startServer(
  dbPath: string,
): Promise<{ url: string; seededMs: number | null; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'server-scale-child.ts'), dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let seededMs: number | null = null
  const url = await new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const seeded = /seeded (\d+)/.exec(text)
      if (seeded?.[1]) seededMs = Number(seeded[1])
      const match = /listening (\S+)/.exec(text)
      if (match?.[1]) resolve(match[1])
    })
    child.on('exit', (code) => reject(new Error(`scale bench server exited with ${code}`)))
  })
  return {
    url,
    seededMs,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

/** A small deterministic generator, so every run asks the same questions. */
function sampler(seed: number) {
  let state = seed >>> 0
  return (below: number): number => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return state % below
  }
}

const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

interface Client {
  /** Milliseconds for one request, its body read in full; throws on a non-2xx answer. */
  time(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<number>
  json(method: string, path: string, body?: unknown): Promise<unknown>
}

function client(apiUrl: string, token: string): Client {
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    fetch(`${apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  const request = async (
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    // A kept-alive socket the server closed while idle fails the first write: send once more (GETs, and writes
    // that carry an Idempotency-Key, are safe to repeat).
    const response = await send(method, path, body, headers).catch(() => send(method, path, body, headers))
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`)
    return text
  }
  return {
    async time(method, path, body, headers) {
      const startedAt = performance.now()
      await request(method, path, body, headers)
      return performance.now() - startedAt
    },
    json: async (method, path, body) => JSON.parse(await request(method, path, body)) as unknown,
  }
}

type SearchKind = 'number' | 'phone' | 'identifier' | 'last4' | 'name'

/**
 * Searches as an operator types them: number, phone (+7 …) and QR / magnetic-track identifier prefixes, the last
 * 4 digits of a phone or a card (digits anywhere), and one word of a holder's name.
 */
function searchQueries(dbPath: string): Record<SearchKind, string[]> {
  const db = new BetterSqlite3(dbPath, { readonly: true })
  try {
    const next = sampler(20_240_601)
    // The last digits and name words from a generator of their own: the prefixes stay those of earlier runs.
    const other = sampler(7_340_033)
    const maxId = db.prepare('SELECT max(id) FROM accounts').pluck().get() as number
    const queries: Record<SearchKind, string[]> = {
      number: [],
      phone: [],
      identifier: [],
      last4: [],
      name: [],
    }
    const account = db.prepare('SELECT number, phone, holder_name FROM accounts WHERE id = ?')
    const identifier = db.prepare(
      `SELECT i.value FROM account_identifiers i JOIN identifier_types t ON t.id = i.type_id
       WHERE t.code IN ('qr', 'mag_track') AND i.account_id >= ? ORDER BY i.account_id LIMIT 1`,
    )
    while (queries.number.length < SEARCHES_PER_KIND) {
      const row = account.get(1 + next(maxId)) as
        { number: string; phone: string | null; holder_name: string | null } | undefined
      if (!row) continue
      queries.number.push(row.number.slice(0, 6 + next(8)))
      if (row.phone) queries.phone.push(`+7 ${row.phone.slice(2, 6 + next(7))}`)
      const value = identifier.pluck().get(1 + next(maxId)) as string | undefined
      if (value) queries.identifier.push(value.slice(0, 5 + next(10)))
      queries.last4.push((row.phone !== null && other(2) === 0 ? row.phone : row.number).slice(-4))
      const words = row.holder_name?.split(/[\s-]+/u) ?? []
      const word = words[other(Math.max(1, words.length))]
      if (word) queries.name.push(word)
    }
    return queries
  } finally {
    db.close()
  }
}

const today = (offsetDays = 0): string =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10)

const ladderBody = (ladder: Ladder) => {
  const { version: _v, created_at: _c, updated_at: _u, updated_by: _b, ...body } = ladder
  return body
}

const bench: Bench = {
  title: 'sandbox at 1,000,000 accounts (--seed large): search, preview, reports, group deposit',
  async run() {
    mkdirSync(CACHE_DIR, { recursive: true })
    const dbPath = cachedDbPath()
    dropStaleCaches(dbPath)
    const server = await startServer(dbPath)
    const figures: BenchFigure[] = []
    const notes: string[] = [`database ${dbPath}`]
    try {
      if (server.seededMs !== null) {
        figures.push({
          name: 'generate --seed large',
          value: server.seededMs / 1000,
          unit: 's',
          target: { max: 120 },
        })
      } else notes.push('large database reused from the cache (delete it to time the seed)')
      const api = `${server.url}/api/v0`
      const login = await fetch(`${api}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: '111' }),
      })
      const http = client(api, tokenPair.parse(await login.json()).access_token)

      const queries = searchQueries(dbPath)
      const healthTimes = async () => {
        const times: number[] = []
        for (let i = 0; i < SEARCHES_PER_KIND; i++) times.push(await http.time('GET', '/health'))
        return times
      }
      await healthTimes() // warm-up
      const health = { name: 'GET health p95', value: percentile(await healthTimes(), 95) * 1000 }
      /** A latency figure in µs from milliseconds, against the health route. */
      const latency = (name: string, ms: number, maxMs?: number) =>
        figures.push({
          name,
          value: ms * 1000,
          unit: 'µs',
          baseline: health,
          ...(maxMs === undefined ? {} : { target: { max: maxMs * 1000 } }),
        })

      const searchFigures: [SearchKind, string][] = [
        ['number', 'search by number prefix p95'],
        ['phone', 'search by phone prefix p95'],
        ['identifier', 'search by identifier prefix p95'],
        ['last4', 'search by the last 4 digits of a phone or card (digits anywhere) p95'],
        ['name', 'search by a holder name word p95'],
      ]
      for (const [kind, name] of searchFigures) {
        const times: number[] = []
        for (const q of queries[kind].slice(0, 20))
          await http.time('GET', `/accounts/list?q=${encodeURIComponent(q)}`)
        for (const q of queries[kind])
          times.push(await http.time('GET', `/accounts/list?q=${encodeURIComponent(q)}`))
        latency(name, percentile(times, 95), 50)
      }

      const groups = listOf(accountGroup).parse(
        await http.json('GET', '/account_groups/list?limit=500'),
      ).items
      const ladders = listOf(ladderSchema).parse(await http.json('GET', '/ladders/list?limit=500')).items
      const regulars = groups.find((group) => group.name === 'Постоянные гости')
      const corporate = groups.find((group) => group.name === 'Корпоративные клиенты')
      const regularLadder = ladders.find((ladder) => ladder.id === regulars?.ladder_id)
      if (!regulars || !corporate || !regularLadder)
        throw new Error('the large seed lacks its groups or ladders')

      const timed = async (name: string, targetMs: number, run: () => Promise<number>) => {
        await run() // warm-up
        const times: number[] = []
        for (let i = 0; i < 3; i++) times.push(await run())
        latency(`${name}, slowest of 3`, Math.max(...times), targetMs)
      }
      const body = ladderBody(regularLadder)
      const previews: [string, unknown][] = [
        [
          `edit of «${regularLadder.name}»`,
          { ...body, steps: body.steps.map((s, i) => ({ ...s, threshold: i * 4 })) },
        ],
        [
          'a 180-day spend proposal',
          {
            ...body,
            basis: 'spend',
            period: 'rolling_days',
            period_days: 180,
            steps: body.steps.map((s, i) => ({ ...s, threshold: i * 20_000 })),
          },
        ],
      ]
      for (const [what, proposal] of previews) {
        await timed(`preview over ${regulars.accounts_count} accounts: ${what}`, 1000, () =>
          http.time('POST', `/ladders/preview?group_id=${regulars.id}`, proposal),
        )
      }

      await timed('reports/balances', 500, () => http.time('GET', '/reports/balances'))
      await timed('reports/operations, one year', 500, () =>
        http.time('GET', `/reports/operations?from=${today(-365)}&to=${today()}`),
      )
      for (const ladder of ladders.slice(0, 3)) {
        const accounts = groups
          .filter((g) => g.ladder_id === ladder.id)
          .reduce((sum, g) => sum + g.accounts_count, 0)
        // A rolling ladder's steps are recounted over its window: the case that must stay under 100 ms.
        await timed(
          `reports/ladder_steps «${ladder.name}» (${accounts} accounts, ${ladder.period})`,
          ladder.period === 'rolling_days' ? 100 : 500,
          () => http.time('GET', `/reports/ladder_steps?ladder_id=${ladder.id}`),
        )
      }

      // Each deposit is withdrawn again, so the cached database keeps its balances.
      const groupOperation = (groupId: number, type: 'deposit' | 'withdraw') =>
        http.time(
          'POST',
          '/operations/create_group',
          { group_id: groupId, type, amount: 100, comment: 'bench' },
          { 'idempotency-key': `scale-bench-${groupId}-${type}-${Date.now()}` },
        )
      for (const [group, maxMs] of [
        [corporate, 2000],
        [regulars, 1000],
      ] as const) {
        latency(
          `group deposit to ${group.accounts_count} accounts`,
          await groupOperation(group.id, 'deposit'),
          maxMs,
        )
        latency(
          `group withdrawal from ${group.accounts_count} accounts`,
          await groupOperation(group.id, 'withdraw'),
        )
      }
      notes.push(
        `${SEARCHES_PER_KIND} searches per kind (prefixes as typed, 6–13 characters; last 4 digits; a name word), ` +
          'sequential over keep-alive; ' +
          'previews and reports: slowest of 3 after a warm-up',
      )
      return { figures, notes }
    } finally {
      await server.stop()
    }
  },
}

export default bench
