// Main core throughput, each figure against a baseline of the same run:
// - 1,000 queued ladder edits drained by the outbox worker vs the same 1,000 PUTs sent by a bare fetch loop
//   (the sandbox server in its own process, the core or the loop in this one);
// - an in-process IPC call answered from cached data (p50 per call).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ladder as ladderSchema, tokenPair, type Ladder } from '../src/shared/api'
import type { IpcChannel, IpcResult } from '../src/shared/ipc'
import { createCore, type Core } from '../src/main/core'
import { startBenchServer } from './server-process'
import type { Bench } from './run'

const EDITS = Number(process.env.BENCH_EDITS ?? 1000)
const HANDLER_CALLS = 20_000
const WARM_UP = 200
const ROUNDS = 10

const bodyOf = (name: string, bonus: number) => ({
  name,
  basis: 'spend' as const,
  period: 'all_time' as const,
  period_days: null,
  downgrade: false,
  active: true,
  steps: [
    { name: 'База', threshold: 0, rk_discount_id: null, bonus_percent: bonus, max_payment_percent: null },
  ],
})

async function send(url: string, method: string, token: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

async function call(core: Core, channel: IpcChannel, input?: unknown): Promise<unknown> {
  const result: IpcResult<unknown> = await core.registry.invoke(channel, input)
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`)
  return result.data
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const bench: Bench = {
  title: `outbox drain of ${EDITS} ladder edits vs a bare fetch loop; IPC call on cached data`,
  async run() {
    const work = mkdtempSync(join(tmpdir(), 'probonus-main-bench-'))
    const server = await startBenchServer(join(work, 'sandbox.db'))
    const cores: Core[] = []
    try {
      const api = `${server.url}/api/v0`
      const login = async () =>
        (
          await fetch(`${api}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password: '111' }),
          })
        ).json()
      const token = tokenPair.parse(await login()).access_token
      // Setup: EDITS ladders of their own (edits of one ladder would collapse into one row), and a warm-up of the
      // server on other ladders so that neither timed run pays for its JIT.
      const create = async (name: string) =>
        ladderSchema.parse(await send(`${api}/ladders/create`, 'POST', token, bodyOf(name, 1)))
      const ladders: Ladder[] = []
      for (let i = 0; i < EDITS; i++) ladders.push(await create(`Бенч ${i}`))
      for (let i = 0; i < WARM_UP; i++) {
        const spare = await create(`Разогрев ${i}`)
        await send(`${api}/ladders/${spare.id}`, 'PUT', token, {
          ...bodyOf(spare.name, 2),
          version: spare.version,
        })
      }

      // Short rounds alternate the baseline and the core on the same ladders (each starting first every other
      // round), so that a machine busy with other work, or a server warming up, weighs on both alike.
      // Baseline: the PUTs one after another, nothing around them. Core: read the ladders, then (session not yet
      // open, as after a restart) queue one edit per ladder; logging in starts the worker, and the drain is timed
      // from the login until the outbox is empty.
      const dataDir = join(work, 'core')
      const profile = [{ name: 'Бенч', baseUrl: server.url }]
      const versions = new Map(ladders.map((ladder) => [ladder.id, ladder.version]))
      const perRound = Math.ceil(EDITS / ROUNDS)
      const totals = { bareMs: 0, drainMs: 0, bareCpuMs: 0, drainCpuMs: 0 }
      // CPU of this process (the client side; the server has its own): less sensitive to a busy machine.
      const cpuMs = () => {
        const usage = process.cpuUsage()
        return (usage.user + usage.system) / 1000
      }

      // The core logs in before it can send (a password check on the server): so does the baseline.
      const bareRound = async (chunk: Ladder[], bonus: number) => {
        const start = performance.now()
        const cpu = cpuMs()
        const { access_token: fresh } = tokenPair.parse(await login())
        await send(`${api}/auth/info`, 'GET', fresh)
        for (const ladder of chunk) {
          const body = { ...bodyOf(ladder.name, bonus), version: versions.get(ladder.id) }
          const updated = ladderSchema.parse(await send(`${api}/ladders/${ladder.id}`, 'PUT', fresh, body))
          versions.set(ladder.id, updated.version)
        }
        totals.bareMs += performance.now() - start
        totals.bareCpuMs += cpuMs() - cpu
      }

      let core: Core | null = null
      const coreRound = async (chunk: Ladder[], bonus: number) => {
        // The previous round's core first: closing it flushes its cache over the same files.
        await core?.close()
        const reader = await createCore({ dataDir, defaultProfiles: profile, log: () => {} })
        cores.push(reader)
        await call(reader, 'session:login', { username: 'admin', password: '111' })
        await call(reader, 'ladders:list', { refresh: true })
        await reader.close()

        core = await createCore({ dataDir, defaultProfiles: [], log: () => {} })
        cores.push(core)
        const state = (await call(core, 'session:state')) as { status: string }
        if (state.status !== 'expired') throw new Error(`expected an expired session, got ${state.status}`)
        for (let i = 0; i < chunk.length; i += 25) {
          await Promise.all(
            chunk.slice(i, i + 25).map((ladder) =>
              call(core!, 'drafts:save', {
                entity: 'ladder',
                entity_id: ladder.id,
                payload: bodyOf(ladder.name, bonus),
                publish: true,
              }),
            ),
          )
        }
        const queued = ((await call(core, 'sync:status')) as { counts: { queued: number } }).counts.queued
        if (queued !== chunk.length) throw new Error(`expected ${chunk.length} queued rows, got ${queued}`)

        const start = performance.now()
        const cpu = cpuMs()
        await call(core, 'session:login', { username: 'admin', password: '111' })
        await core.whenSynced()
        totals.drainMs += performance.now() - start
        totals.drainCpuMs += cpuMs() - cpu
        const status = (await call(core, 'sync:status')) as { counts: Record<string, number> }
        if (status.counts.queued || status.counts.failed || status.counts.conflicts) {
          throw new Error(`drain incomplete: ${JSON.stringify(status.counts)}`)
        }
        for (const ladder of chunk) versions.set(ladder.id, versions.get(ladder.id)! + 1)
      }

      for (let round = 0; round < ROUNDS; round++) {
        const chunk = ladders.slice(round * perRound, (round + 1) * perRound)
        if (round % 2 === 0) {
          await bareRound(chunk, 2)
          await coreRound(chunk, 3)
        } else {
          await coreRound(chunk, 2)
          await bareRound(chunk, 3)
        }
      }
      const { bareMs, drainMs, bareCpuMs, drainCpuMs } = totals
      const last = ladders.at(-1)!
      const check = ladderSchema.parse(await send(`${api}/ladders/${last.id}`, 'GET', token))
      if (check.version !== versions.get(last.id) || check.version !== last.version + 2) {
        throw new Error('the edits did not arrive')
      }
      if (!core) throw new Error('no rounds ran')
      const handlerCore: Core = core

      // In-process handler call on cached data.
      await call(handlerCore, 'ladders:list', { refresh: true })
      const times: number[] = []
      for (let i = 0; i < HANDLER_CALLS; i++) {
        const start = performance.now()
        await handlerCore.registry.invoke('ladders:list', {})
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)

      return {
        figures: [
          {
            name: `outbox drain of ${EDITS} ladder edits`,
            value: drainMs * 1000,
            unit: 'µs',
            baseline: { name: 'the same PUTs by a bare fetch loop', value: bareMs * 1000 },
            target: { of: 'ratio', max: 1.3 },
          },
          {
            name: 'client CPU per request, drain',
            value: (drainCpuMs / EDITS) * 1000,
            unit: 'µs',
            baseline: { name: 'bare fetch loop', value: (bareCpuMs / EDITS) * 1000 },
          },
          {
            name: 'IPC ladders:list (cached) p50',
            value: percentile(times, 50) * 1000,
            unit: 'µs',
            target: { max: 200 },
          },
          { name: 'IPC ladders:list (cached) p99', value: percentile(times, 99) * 1000, unit: 'µs' },
        ],
        notes: [
          `${EDITS} PUT /ladders/{id}: bare loop ${bareMs.toFixed(0)} ms, outbox drain ${drainMs.toFixed(0)} ms (each incl. a login per round), ${ROUNDS} alternating rounds`,
          `ladders:list answered from ${EDITS + WARM_UP}+ cached ladders, ${HANDLER_CALLS} calls`,
        ],
      }
    } finally {
      for (const core of cores) await core.close().catch(() => undefined)
      await server.stop()
      rmSync(work, { recursive: true, force: true })
    }
  },
}

export default bench
