import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { IPC_CHANNELS, type IpcResult } from '@shared/ipc'
import { startSandbox, type Sandbox } from '@server/testing'
import { eventually, openCore, tempDir, type TestCore } from '../testing/harness'
import { inProcessBridge } from './in-process'

let sandbox: Sandbox
let c: TestCore
const dir = tempDir()

beforeAll(async () => {
  sandbox = await startSandbox()
  c = await openCore({ dataDir: dir.path, defaultProfiles: [{ name: 'Песочница', baseUrl: sandbox.url }] })
  await c.ok('session:login', { username: 'admin', password: '111' })
})
afterAll(async () => {
  await c.close()
  await sandbox.dispose()
  dir.remove()
})

const invoke = (channel: string, input?: unknown) => c.core.registry.invoke(channel, input)
const expectError = (result: IpcResult<unknown>, code: string) => {
  expect(result.ok).toBe(false)
  if (!result.ok) expect(result.error.code).toBe(code)
}

describe('bad input over IPC', () => {
  it('unknown channels and non-string channel names are bad requests', async () => {
    expectError(await invoke('ladders:drop'), 'bad_request')
    expectError(await invoke('__proto__'), 'bad_request')
    expectError(await invoke(42 as unknown as string), 'bad_request')
  })

  it('wrong types name the field', async () => {
    const result = await invoke('ladders:get', { id: '1' })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request', fields: [{ path: ['id'] }] } })
    expectError(await invoke('session:login', { username: 'admin' }), 'bad_request')
    expectError(await invoke('session:login', 'admin'), 'bad_request')
    expectError(await invoke('drafts:save', { entity: 'user', payload: {} }), 'bad_request')
    expectError(await invoke('ladders:list', { refresh: true, extra: 1 }), 'bad_request')
    expectError(await invoke('profiles:save', { name: 'x', base_url: 'javascript:alert(1)' }), 'bad_request')
    expectError(await invoke('sync:resolve', { id: 'x', resolution: 'both' }), 'bad_request')
  })

  it('oversize and unserializable payloads are refused before any handler runs', async () => {
    const huge = 'я'.repeat(600_000) // 1.2 MB in UTF-8
    const result = await invoke('drafts:save', { entity: 'ladder', payload: { name: huge } })
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } })
    if (!result.ok) expect(result.error.message).toMatch(/too large/)
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expectError(await invoke('drafts:save', { entity: 'ladder', payload: cyclic }), 'bad_request')
    expectError(await invoke('drafts:save', { entity: 'ladder', payload: { n: 10n } }), 'bad_request')
    expect((await c.ok('drafts:list')).counts.drafts).toBe(0)
  })

  it('every channel answers an envelope for garbage input, and the core keeps working', async () => {
    const garbage: unknown[] = [undefined, null, 0, 'x', [], { id: -1 }, { id: 1e300 }, { entity: {} }]
    for (const channel of IPC_CHANNELS) {
      if (channel === 'session:logout') continue
      for (const input of garbage) {
        const result = await invoke(channel, input)
        expect(typeof result.ok).toBe('boolean')
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0)
      }
    }
    expect((await c.ok('session:state')).status).toBe('signed_in')
    expect((await c.ok('ladders:list')).items.length).toBeGreaterThan(0)
  })

  it('server answers map to typed errors: not found, forbidden for a viewer', async () => {
    expectError(await invoke('ladders:get', { id: 999_999 }), 'not_found')
    const viewerDir = tempDir()
    const viewer = await openCore({
      dataDir: viewerDir.path,
      defaultProfiles: [{ name: 'П', baseUrl: sandbox.url }],
    })
    await viewer.ok('session:login', { username: 'viewer', password: '111' })
    expectError(await viewer.call('catalog:import', { discounts: [] }), 'forbidden')
    await viewer.close()
    viewerDir.remove()
  })

  it('the in-process bridge carries calls and events', async () => {
    const bridge = inProcessBridge(c.core.registry)
    const seen: unknown[] = []
    const off = bridge.on('drafts:changed', (payload) => seen.push(payload))
    const saved = await bridge.invoke('drafts:save', {
      entity: 'account_group',
      payload: { name: 'Черновик' },
    })
    expect(saved.ok).toBe(true)
    await eventually(() => seen.length === 1, 2000, 'drafts:changed')
    off()
    if (saved.ok) await bridge.invoke('drafts:discard', { id: (saved.data as { id: string }).id })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(seen).toHaveLength(1)
  })
})

describe('catalog', () => {
  it('previews an import row by row, imports (admin) and tells which ladders use a discount', async () => {
    const current = (await c.ok('catalog:list', { refresh: true })).items
    const [kept, changed] = [current[0]!, current[1]!]
    const rows = [
      { rk_code: kept.rk_code, name: kept.name, kind: kept.kind, value: kept.value, active: kept.active },
      {
        rk_code: changed.rk_code,
        name: `${changed.name}*`,
        kind: changed.kind,
        value: changed.value,
        active: true,
      },
      { rk_code: 987654, name: 'Новая из RK', kind: 'percent', value: 12.5, active: true },
      { rk_code: 987654, name: 'Дубликат', kind: 'percent', value: 1 },
      { rk_code: -1, name: '', kind: 'percent', value: 150 },
    ]
    const preview = await c.ok('catalog:import-preview', { discounts: rows })
    expect(preview.total).toBe(5)
    expect(preview.created.map((d) => d.rk_code)).toEqual([987654])
    expect(preview.updated).toEqual([expect.objectContaining({ changes: ['name'] })])
    expect(preview.unchanged).toBe(1)
    expect(preview.deactivated.length).toBe(current.filter((d) => d.active).length - 2)
    expect(new Set(preview.errors.map((e) => e.row))).toEqual(new Set([3, 4]))

    const result = await c.ok('catalog:import', { discounts: rows.slice(0, 3) as never })
    expect(result).toEqual({ created: 1, updated: 1, deactivated: preview.deactivated.length })
    const after = await c.ok('catalog:list')
    expect(after.items.find((d) => d.rk_code === 987654)).toMatchObject({ name: 'Новая из RK', active: true })
    expect(
      c.events.some(
        (e) => e.event === 'entities:changed' && (e.payload as { entity: string }).entity === 'rk_discount',
      ),
    ).toBe(true)

    const usage = await c.ok('catalog:usage')
    const ladders = (await c.ok('ladders:list')).items
    const used = ladders.flatMap((l) => l.steps.map((s) => s.rk_discount_id)).filter((id) => id !== null)
    expect(usage.items.map((u) => u.rk_discount_id).sort()).toEqual([...new Set(used)].sort())
  })
})
