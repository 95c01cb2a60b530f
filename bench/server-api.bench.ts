// Sandbox server throughput, each figure against a bare "hello" route of the same Fastify instance in the same run:
// authenticated GET /api/v0/ladders/list and PUT /api/v0/ladders/{id} (every PUT with the right version).
// The server runs in its own process (one core), autocannon in this one (the other core).
import autocannon from 'autocannon'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Ladder, ladder as ladderSchema, tokenPair } from '../src/shared/api'
import { z } from 'zod'
import { startBenchServer } from './server-process'
import type { Bench, BenchFigure } from './run'

const versionAnswer = z.object({
  version: z.number().optional(),
  current: z.object({ version: z.number() }).optional(),
})

const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 8)
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10)
/** One ladder per in-flight PUT and then some: twice the connections. */
const BENCH_LADDERS = CONNECTIONS * 2

async function json(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, init)
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

type Run = {
  requestsPerSecond: number
  p99Ms: number
  non2xx: number
  errors: number
  cpuMicrosPerRequest: number
}

/** The server process's CPU time so far (µs): its own cost, whatever else runs on this shared machine. */
async function serverCpu(baseUrl: string): Promise<number> {
  return z.object({ micros: z.number() }).parse(await json(`${baseUrl}/bench/cpu`, {})).micros
}

async function cannon(baseUrl: string, options: autocannon.Options): Promise<Run> {
  const cpuBefore = await serverCpu(baseUrl)
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION_SECONDS, ...options })
  const cpu = (await serverCpu(baseUrl)) - cpuBefore
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMicrosPerRequest: cpu / Math.max(1, result.requests.total),
  }
}

const ladderBody = (name: string) => ({
  name,
  basis: 'spend' as const,
  period: 'all_time' as const,
  period_days: null,
  downgrade: true,
  active: true,
  steps: [
    { name: 'Гость', threshold: 0, rk_discount_id: null, bonus_percent: 3, max_payment_percent: null },
    { name: 'Серебро', threshold: 30_000, rk_discount_id: null, bonus_percent: 5, max_payment_percent: null },
    { name: 'Золото', threshold: 100_000, rk_discount_id: null, bonus_percent: 7, max_payment_percent: 50 },
  ],
})

const bench: Bench = {
  title: 'sandbox HTTP API vs a bare route of the same instance (autocannon)',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'probonus-bench-'))
    const server = await startBenchServer(join(dir, 'bench.db'))
    try {
      const api = `${server.url}/api/v0`
      const pair = tokenPair.parse(
        await json(`${api}/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'admin', password: '111' }),
        }),
      )
      const auth = { authorization: `Bearer ${pair.access_token}` }
      const jsonHeaders = { ...auth, 'content-type': 'application/json' }

      await cannon(server.url, { url: `${server.url}/bench/hello`, duration: 2 }) // warm-up
      const bareBefore = await cannon(server.url, { url: `${server.url}/bench/hello` })
      const list = await cannon(server.url, { url: `${api}/ladders/list`, headers: auth })

      // One ladder per in-flight request (twice the connections): a PUT always carries its ladder's version.
      const free: Ladder[] = []
      for (let i = 0; i < BENCH_LADDERS; i++) {
        const body = JSON.stringify(ladderBody(`Бенч ${i}`))
        free.push(
          ladderSchema.parse(
            await json(`${api}/ladders/create`, { method: 'POST', headers: jsonHeaders, body }),
          ),
        )
      }

      const longList = await cannon(server.url, { url: `${api}/ladders/list`, headers: auth })

      let rounds = 0

      const update = await cannon(server.url, {
        url: server.url,
        requests: [
          {
            method: 'PUT',
            setupRequest: (request, context) => {
              const target = free.shift()
              if (!target) throw new Error('no free ladder: more in-flight PUTs than ladders')
              Object.assign(context, { ladder: target })
              rounds += 1
              const body = { ...ladderBody(`Бенч ${target.id} · ${rounds}`), version: target.version }
              return {
                ...request,
                path: `/api/v0/ladders/${target.id}`,
                headers: jsonHeaders,
                body: JSON.stringify(body),
              }
            },
            onResponse: (_status, body, context) => {
              const target = (context as { ladder?: Ladder }).ladder
              if (!target) return
              // Only the new version is needed (the 200 answer, or `current` of a 409): kept light, as the
              // client shares this machine with the server.
              const answer = versionAnswer.safeParse(JSON.parse(body))
              const version = answer.success
                ? (answer.data.current?.version ?? answer.data.version)
                : undefined
              free.push(version === undefined ? target : { ...target, version })
            },
          },
        ],
      })
      const bareAfter = await cannon(server.url, { url: `${server.url}/bench/hello` })
      const bare = (bareBefore.requestsPerSecond + bareAfter.requestsPerSecond) / 2
      const bareCpu = (bareBefore.cpuMicrosPerRequest + bareAfter.cpuMicrosPerRequest) / 2

      const figures: BenchFigure[] = [
        { name: 'bare GET /bench/hello', value: bare, unit: 'req/s' },
        { name: 'GET ladders/list', value: list.requestsPerSecond, unit: 'req/s' },
        {
          name: 'GET ladders/list ÷ bare',
          value: list.requestsPerSecond / bare,
          unit: 'ratio',
          target: { min: 0.4 },
        },
        { name: 'GET ladders/list p99', value: list.p99Ms, unit: 'ms' },
        {
          name: `GET ladders/list (${BENCH_LADDERS + 3} ladders) ÷ bare`,
          value: longList.requestsPerSecond / bare,
          unit: 'ratio',
        },
        {
          name: 'PUT ladders/{id}',
          value: update.requestsPerSecond,
          unit: 'updates/s',
          target: { min: 1500 },
        },
        { name: 'PUT ladders/{id} ÷ bare', value: update.requestsPerSecond / bare, unit: 'ratio' },
        { name: 'PUT ladders/{id} p99', value: update.p99Ms, unit: 'ms' },
        { name: 'server CPU per bare GET', value: bareCpu, unit: 'µs' },
        { name: 'server CPU per GET ladders/list', value: list.cpuMicrosPerRequest, unit: 'µs' },
        { name: 'server CPU per PUT ladders/{id}', value: update.cpuMicrosPerRequest, unit: 'µs' },
        {
          name: 'PUT capacity of one core (10⁶ ÷ CPU per PUT)',
          value: 1e6 / update.cpuMicrosPerRequest,
          unit: 'updates/s',
        },
        {
          name: 'non-2xx or errors',
          value: [list, longList, update].reduce((sum, run) => sum + run.non2xx + run.errors, 0),
          unit: 'responses',
          target: { max: 0 },
        },
      ]
      return {
        figures,
        notes: [
          `${CONNECTIONS} connections, ${DURATION_SECONDS} s per run; bare measured before (${bareBefore.requestsPerSecond.toFixed(0)}) and after (${bareAfter.requestsPerSecond.toFixed(0)}) req/s`,
          `ladders/list first on the demo data (3 ladders), then with the ${BENCH_LADDERS} bench ladders added`,
          'each PUT rewrites a 3-step ladder (new version, steps, history snapshot) in one transaction',
        ],
      }
    } finally {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default bench
