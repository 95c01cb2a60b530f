// Cached list reads against a real sandbox: an old cached list is answered at once while the server is asked in the
// background (stale-while-revalidate); the screens hear `entities:changed` only when the server's list differs.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { guestLadderExample } from '@shared/domain/example-ladder'
import { startSandbox, type Sandbox } from '@server/testing'
import { eventually, openCore, tempDir, type TestCore } from '../../testing/harness'
import { FRESH_MS } from './reads'

let sandbox: Sandbox
let c: TestCore
const dir = tempDir()
let clock = Date.parse('2026-03-02T10:00:00Z')
/** While set, GET /ladders/list waits for it (the background re-read is surely still on its way). */
let held: Promise<void> | null = null
const ladderListsSent: string[] = []

const gatedFetch: typeof fetch = async (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input))
  if (url.pathname.endsWith('/ladders/list')) {
    ladderListsSent.push(url.search)
    if (held) await held
  }
  return fetch(input, init)
}

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({
    dataDir: dir.path,
    defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }],
    now: () => clock,
    fetch: gatedFetch,
  })
  await c.ok('session:login', { username: 'admin', password: '111' })
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

async function createLadderOnServer(name: string): Promise<void> {
  const api = `${sandbox.url}/api/v0`
  const post = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`POST ${path}: ${response.status}`)
    return (await response.json()) as { access_token: string }
  }
  const { access_token } = await post('/auth/login', { username: 'admin', password: '111' })
  // The example ladder's first step only (the others name RK discounts by id).
  const steps = guestLadderExample.steps.slice(0, 1)
  await post('/ladders/create', { ...guestLadderExample, name, steps }, access_token)
}

const ladderChanges = () =>
  c.events.filter(
    ({ event, payload }) =>
      event === 'entities:changed' && (payload as { entity: string }).entity === 'ladder',
  ).length

it('answers an old cached list at once, re-reads it in the background and tells the screens when it changed', async () => {
  const first = await c.ok('ladders:list')
  expect(first.stale).toBe(false)
  await createLadderOnServer('Лестница с сервера')

  // Younger than FRESH_MS: the cache, and the server is not asked.
  const sentBefore = ladderListsSent.length
  clock += FRESH_MS - 1
  expect((await c.ok('ladders:list')).items).toBe(first.items)
  expect(ladderListsSent).toHaveLength(sentBefore)

  // Older: answered from the cache while the server's answer is held back.
  clock += 2
  let release = () => {}
  held = new Promise((resolve) => (release = resolve))
  const changesBefore = ladderChanges()
  const old = await c.ok('ladders:list')
  expect(old).toMatchObject({ stale: false, fetched_at: first.fetched_at })
  expect(old.items).toBe(first.items)
  await eventually(() => ladderListsSent.length > sentBefore, 10_000, 'the background re-read')
  expect(ladderChanges()).toBe(changesBefore)

  held = null
  release()
  await eventually(() => ladderChanges() > changesBefore, 10_000, 'entities:changed for ladders')
  const fresh = await c.ok('ladders:list')
  expect(fresh.items.map((ladder) => ladder.name)).toContain('Лестница с сервера')
  expect(fresh.items).toHaveLength(first.items.length + 1)
  expect(fresh.fetched_at).toBe(new Date(clock).toISOString())
})

it('says nothing when the background re-read finds the same list', async () => {
  const cached = await c.ok('ladders:list')
  clock += FRESH_MS + 1
  const sentBefore = ladderListsSent.length
  const changesBefore = ladderChanges()
  expect((await c.ok('ladders:list')).items).toBe(cached.items)
  // The re-read landed: the list is fresh again (same clock), with no event.
  await eventually(
    async () => (await c.ok('ladders:list')).fetched_at === new Date(clock).toISOString(),
    10_000,
    'the re-read landing',
  )
  expect(ladderListsSent.length).toBeGreaterThan(sentBefore)
  expect(ladderChanges()).toBe(changesBefore)
})
