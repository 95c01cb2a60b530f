// Main core throughput, each figure against a baseline of the same run:
// - 1,000 queued ladder edits drained by the outbox worker vs the same 1,000 PUTs sent by a bare fetch loop
//   (the sandbox server in its own process, the core or the loop in this one);
// - an in-process IPC call answered from cached data (p50 per call).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ladder as ladderSchema, tokenPair, type Ladder } from '../src/shared/api'
import type { IpcChannel, IpcResult } from '../src/shared/ipc'
import { createCore, type Core } from '../src/main/core'
import type { Bench } from './run'

const EDITS = Number(process.env.BENCH_EDITS ?? 1000)
const HANDLER_CALLS = 20_000
const WARM_UP = 200

/** The sandbox server in a child process (tsx), as the HTTP benches run it. */
async function serverProcess(dbPath: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'server-child.ts'), dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const found = /listening (\S+)/.exec(text)?.[1]
      if (found) resolve(found)
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  const stop = () =>
    new Promise<void>((resolve) => {
      child.on('exit', () => resolve())
      child.kill('SIGTERM')
    })
  return { url, stop }
}

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
    const server = await serverProcess(join(work, 'sandbox.db'))
    const cores: Core[] = []
    try {
      const api = `${server.url}/api/v0`
      const login = tokenPair.parse(
        await (
          await fetch(`${api}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username: 'admin', password: '111' }),
          })
        ).json(),
      )
      const token = login.access_token
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

      // Baseline: the same kind of requests, one after another, with nothing around them.
      const bareStart = performance.now()
      for (const [i, ladder] of ladders.entries()) {
        await send(`${api}/ladders/${ladder.id}`, 'PUT', token, {
          ...bodyOf(`Бенч ${i}`, 2),
          version: ladder.version,
        })
      }
      const bareMs = performance.now() - bareStart

      // The core: read the ladders once, then (session not yet open, as after a restart) queue one edit per
      // ladder; logging in starts the worker, and the drain is timed until the outbox is empty.
      const dataDir = join(work, 'core')
      const profile = [{ name: 'Бенч', baseUrl: server.url }]
      const reader = await createCore({ dataDir, defaultProfiles: profile, log: () => {} })
      cores.push(reader)
      await call(reader, 'session:login', { username: 'admin', password: '111' })
      const cached = (await call(reader, 'ladders:list', { refresh: true })) as { items: Ladder[] }
      await reader.close()

      const core = await createCore({ dataDir, defaultProfiles: [], log: () => {} })
      cores.push(core)
      const state = (await call(core, 'session:state')) as { status: string }
      if (state.status !== 'expired') throw new Error(`expected an expired session, got ${state.status}`)
      const ours = cached.items.filter((ladder) => ladder.name.startsWith('Бенч '))
      for (let i = 0; i < ours.length; i += 25) {
        await Promise.all(
          ours.slice(i, i + 25).map((ladder) =>
            call(core, 'drafts:save', {
              entity: 'ladder',
              entity_id: ladder.id,
              payload: bodyOf(ladder.name, 3),
              publish: true,
            }),
          ),
        )
      }
      const queued = ((await call(core, 'sync:status')) as { counts: { queued: number } }).counts.queued
      if (queued !== EDITS) throw new Error(`expected ${EDITS} queued rows, got ${queued}`)

      const drainStart = performance.now()
      await call(core, 'session:login', { username: 'admin', password: '111' })
      await core.whenSynced()
      const drainMs = performance.now() - drainStart
      const status = (await call(core, 'sync:status')) as { counts: Record<string, number> }
      if (status.counts.queued || status.counts.failed || status.counts.conflicts) {
        throw new Error(`drain incomplete: ${JSON.stringify(status.counts)}`)
      }
      const check = ladderSchema.parse(await send(`${api}/ladders/${ours[0]!.id}`, 'GET', token))
      if (check.steps[0]!.bonus_percent !== 3 || check.version !== 3)
        throw new Error('the edit did not arrive')

      // In-process handler call on cached data.
      await call(core, 'ladders:list', { refresh: true })
      const times: number[] = []
      for (let i = 0; i < HANDLER_CALLS; i++) {
        const start = performance.now()
        await core.registry.invoke('ladders:list', {})
        times.push(performance.now() - start)
      }
      times.sort((a, b) => a - b)

      return {
        figures: [
          { name: 'drain / bare fetch loop', value: drainMs / bareMs, unit: 'ratio', target: { max: 1.3 } },
          { name: 'drain', value: drainMs, unit: 'ms' },
          { name: 'bare fetch loop', value: bareMs, unit: 'ms' },
          {
            name: 'ladders:list (cached) p50',
            value: percentile(times, 50),
            unit: 'ms',
            target: { max: 0.2 },
          },
          { name: 'ladders:list (cached) p99', value: percentile(times, 99), unit: 'ms' },
        ],
        notes: [
          `${EDITS} PUT /ladders/{id}: bare loop ${bareMs.toFixed(0)} ms, outbox drain ${drainMs.toFixed(0)} ms (incl. login)`,
          `ladders:list answered from ${cached.items.length} cached ladders, ${HANDLER_CALLS} calls`,
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
