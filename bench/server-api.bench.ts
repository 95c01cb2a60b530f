// Sandbox server throughput, each figure against a bare route of the same Fastify instance in the same run:
// authenticated GET /api/v0/ladders/list (the demo's 3 ladders, then a page of 500 of 1,000 ladders, as the app
// asks) against the bare `GET /bench/hello`, and PUT /api/v0/ladders/{id} (every PUT with the right version)
// against the bare `PUT /bench/update` (one committed SQLite UPDATE from a JSON body, same connection).
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
/** Ladders for the long list; the PUTs use the first of them, one per in-flight request and then some. */
const BENCH_LADDERS = 1000
const PUT_LADDERS = CONNECTIONS * 2

async function json(url: string, init: RequestInit): Promise<unknown> {
  const response = await fetch(url, init)
  if (!response.ok)
    throw new Error(`${init.method ?? 'GET'} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

type Run = {
  requestsPerSecond: number
  /** autocannon's p99, in µs (it records whole milliseconds). */
  p99Micros: number
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
    p99Micros: result.latency.p99 * 1000,
    non2xx: result.non2xx,
    errors: result.errors,
    cpuMicrosPerRequest: cpu / Math.max(1, result.requests.total),
  }
}

/** The bare PUT's body: about the size of a ladder's. */
const putBody = () => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ ...ladderBody('Бенч'), version: 1 }),
})

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

      const created: Ladder[] = []
      for (let i = 0; i < BENCH_LADDERS; i++) {
        const body = JSON.stringify(ladderBody(`Бенч ${i}`))
        created.push(
          ladderSchema.parse(
            await json(`${api}/ladders/create`, { method: 'POST', headers: jsonHeaders, body }),
          ),
        )
      }
      // One ladder per in-flight request (twice the connections): a PUT always carries its ladder's version.
      const free = created.slice(0, PUT_LADDERS)

      const longList = await cannon(server.url, { url: `${api}/ladders/list?limit=500`, headers: auth })

      await cannon(server.url, {
        url: `${server.url}/bench/update`,
        method: 'PUT',
        duration: 2,
        ...putBody(),
      })
      const bareUpdateBefore = await cannon(server.url, {
        url: `${server.url}/bench/update`,
        method: 'PUT',
        ...putBody(),
      })

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
      const bareUpdateAfter = await cannon(server.url, {
        url: `${server.url}/bench/update`,
        method: 'PUT',
        ...putBody(),
      })
      const bareAfter = await cannon(server.url, { url: `${server.url}/bench/hello` })
      const mean = (a: Run, b: Run, key: keyof Run) => (a[key] + b[key]) / 2
      const bare = {
        name: 'bare GET /bench/hello',
        value: mean(bareBefore, bareAfter, 'requestsPerSecond'),
      }
      const bareUpdate = {
        name: 'bare PUT /bench/update (1 UPDATE)',
        value: mean(bareUpdateBefore, bareUpdateAfter, 'requestsPerSecond'),
      }
      const cpu = (name: string, value: number) => ({ name, value })
      const bareCpu = cpu('bare GET', mean(bareBefore, bareAfter, 'cpuMicrosPerRequest'))
      const bareUpdateCpu = cpu('bare PUT', mean(bareUpdateBefore, bareUpdateAfter, 'cpuMicrosPerRequest'))
      const p99 = (name: string, run: Run) => cpu(name, run.p99Micros)

      const figures: BenchFigure[] = [
        {
          name: 'GET ladders/list (3 ladders)',
          value: list.requestsPerSecond,
          unit: 'req/s',
          baseline: bare,
          target: { of: 'ratio', min: 0.4 },
        },
        {
          name: `GET ladders/list?limit=500 (${BENCH_LADDERS + 3} ladders)`,
          value: longList.requestsPerSecond,
          unit: 'req/s',
          baseline: bare,
        },
        {
          name: 'PUT ladders/{id} (3 steps)',
          value: update.requestsPerSecond,
          unit: 'req/s',
          baseline: bareUpdate,
          target: { of: 'ratio', min: 0.3 },
        },
        { name: 'PUT ladders/{id}', value: update.requestsPerSecond, unit: 'req/s', target: { min: 1500 } },
        {
          name: 'GET ladders/list (3 ladders) p99',
          value: list.p99Micros,
          unit: 'µs',
          baseline: p99('bare GET p99', bareBefore),
        },
        {
          name: 'GET ladders/list?limit=500 p99',
          value: longList.p99Micros,
          unit: 'µs',
          baseline: p99('bare GET p99', bareBefore),
        },
        {
          name: 'PUT ladders/{id} p99',
          value: update.p99Micros,
          unit: 'µs',
          baseline: p99('bare PUT p99', bareUpdateBefore),
        },
        {
          name: 'server CPU per GET ladders/list (3 ladders)',
          value: list.cpuMicrosPerRequest,
          unit: 'µs',
          baseline: bareCpu,
        },
        {
          name: 'server CPU per GET ladders/list?limit=500',
          value: longList.cpuMicrosPerRequest,
          unit: 'µs',
          baseline: bareCpu,
        },
        {
          name: 'server CPU per PUT ladders/{id}',
          value: update.cpuMicrosPerRequest,
          unit: 'µs',
          baseline: bareUpdateCpu,
        },
        {
          name: 'non-2xx or errors',
          value: [list, longList, update, bareUpdateBefore, bareUpdateAfter].reduce(
            (sum, run) => sum + run.non2xx + run.errors,
            0,
          ),
          unit: 'responses',
          target: { max: 0 },
        },
      ]
      return {
        figures,
        notes: [
          `${CONNECTIONS} connections, ${DURATION_SECONDS} s per run (autocannon); each bare route measured before and after: ` +
            `GET ${bareBefore.requestsPerSecond.toFixed(0)} / ${bareAfter.requestsPerSecond.toFixed(0)}, ` +
            `PUT ${bareUpdateBefore.requestsPerSecond.toFixed(0)} / ${bareUpdateAfter.requestsPerSecond.toFixed(0)} req/s`,
          `ladders/list first on the demo data (3 ladders), then a page of 500 (the app's page size) with ${BENCH_LADDERS} bench ladders added`,
          'each PUT rewrites a 3-step ladder (new version, steps, history snapshot) in one transaction; the bare PUT ' +
            'updates one row in one transaction (WAL, synchronous=NORMAL, as the API)',
          'p99 from autocannon, which records whole milliseconds',
        ],
      }
    } finally {
      await server.stop()
      rmSync(dir, { recursive: true, force: true })
    }
  },
}

export default bench
