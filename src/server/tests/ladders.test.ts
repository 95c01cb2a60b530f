import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { accountGroup, ladder, ladderHistory, type LadderCreate, listOf } from '@shared/api'
import { startSandbox, type Sandbox } from '../testing'
import { call, demoTokens, detailOf, locsOf, messageOf } from '../test-support'

let sandbox: Sandbox
let api: string
let tokens: Awaited<ReturnType<typeof demoTokens>>
/** Ids of the demo catalog by rk_code. */
const rk = new Map<number, number>()

beforeAll(async () => {
  sandbox = await startSandbox()
  api = sandbox.apiUrl
  tokens = await demoTokens(api)
  const catalog = await call(api, 'GET', '/rk_discounts/list?limit=500', { token: tokens.viewer })
  for (const item of (catalog.body as { items: { id: number; rk_code: number }[] }).items)
    rk.set(item.rk_code, item.id)
})
afterAll(() => sandbox.dispose())

const valid = (): LadderCreate => ({
  name: 'Тестовая',
  basis: 'spend',
  period: 'all_time',
  period_days: null,
  downgrade: true,
  active: true,
  steps: [
    { name: 'Старт', threshold: 0, rk_discount_id: null, bonus_percent: 3, max_payment_percent: null },
    {
      name: 'Серебро',
      threshold: 30_000,
      rk_discount_id: rk.get(105),
      bonus_percent: 5,
      max_payment_percent: null,
    },
    {
      name: 'Золото',
      threshold: 100_000,
      rk_discount_id: rk.get(110),
      bonus_percent: 7,
      max_payment_percent: 50,
    },
  ],
})

const create = (body: unknown, token = tokens.admin, headers: Record<string, string> = {}) =>
  call(api, 'POST', '/ladders/create', { token, json: body, headers })

describe('ladders: happy paths', () => {
  it('lists the demo ladders to every role, with q and active filters', async () => {
    for (const token of Object.values(tokens)) {
      const response = await call(api, 'GET', '/ladders/list', { token })
      expect(response.status).toBe(200)
      const names = listOf(ladder)
        .parse(response.body)
        .items.map((l) => l.name)
      expect(names).toEqual(expect.arrayContaining(['Гостевая', 'Завсегдатай', 'VIP за год']))
    }
    const found = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list?q=гостев', { token: tokens.viewer })).body,
    )
    expect(found.items.map((l) => l.name)).toEqual(['Гостевая'])
    const paged = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list?limit=1&offset=1&active=true', { token: tokens.viewer })).body,
    )
    expect(paged).toMatchObject({ offset: 1, limit: 1 })
    expect(paged.items).toHaveLength(1)
    expect(paged.total).toBeGreaterThanOrEqual(3)
  })

  it('the demo «Гостевая» is DOMAIN.md’s example', async () => {
    const list = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list?q=Гостевая', { token: tokens.viewer })).body,
    )
    const guest = list.items[0]
    expect(
      guest?.steps.map((s) => [s.threshold, s.rk_discount_id, s.bonus_percent, s.max_payment_percent]),
    ).toEqual([
      [0, null, 3, null],
      [30_000, rk.get(105), 5, null],
      [100_000, rk.get(110), 7, 50],
    ])
  })

  it('marketing creates (201, version 1, audit fields), reads back, updates (version 2), history has both', async () => {
    const created = await create(valid(), tokens.marketing)
    expect(created.status).toBe(201)
    const first = ladder.parse(created.body)
    expect(first).toMatchObject({ version: 1, updated_by: 'marketing', name: 'Тестовая' })
    expect(first.steps).toEqual(
      valid().steps.map((s) => ({ ...s, rk_discount_id: s.rk_discount_id ?? null })),
    )

    const got = await call(api, 'GET', `/ladders/${first.id}`, { token: tokens.viewer })
    expect(ladder.parse(got.body)).toEqual(first)

    const change = { ...valid(), name: 'Тестовая 2', steps: valid().steps.slice(0, 2), version: 1 }
    const updated = await call(api, 'PUT', `/ladders/${first.id}`, { token: tokens.admin, json: change })
    expect(updated.status).toBe(200)
    const second = ladder.parse(updated.body)
    expect(second).toMatchObject({
      version: 2,
      name: 'Тестовая 2',
      updated_by: 'admin',
      created_at: first.created_at,
    })
    expect(second.steps).toHaveLength(2)

    const history = ladderHistory.parse(
      (await call(api, 'GET', `/ladders/${first.id}/history`, { token: tokens.viewer })).body,
    )
    expect(history.items.map((item) => item.version)).toEqual([2, 1])
    expect(history.items[0]?.ladder).toEqual(second)
    expect(history.items[1]?.ladder).toEqual(first)
  })

  it('an update may grow, shrink or change steps anywhere; what is read back is what was sent', async () => {
    const first = ladder.parse((await create(valid())).body)
    const edits: LadderCreate['steps'][] = [
      [...valid().steps, { name: 'Платина', threshold: 200_000, bonus_percent: 10, max_payment_percent: 60 }],
      valid().steps.map((step, i) => (i === 1 ? { ...step, threshold: 25_000, rk_discount_id: null } : step)),
      valid().steps.slice(0, 1),
      [{ ...valid().steps[0]!, name: 'Переименованная' }, ...valid().steps.slice(1)],
    ]
    let version = first.version
    for (const steps of edits) {
      const response = await call(api, 'PUT', `/ladders/${first.id}`, {
        token: tokens.admin,
        json: { ...valid(), steps, version },
      })
      expect(response.status).toBe(200)
      const updated = ladder.parse(response.body)
      version = updated.version
      const expected = steps.map((s) => ({
        name: s.name,
        threshold: s.threshold,
        rk_discount_id: s.rk_discount_id ?? null,
        bonus_percent: s.bonus_percent ?? null,
        max_payment_percent: s.max_payment_percent ?? null,
      }))
      expect(updated.steps).toEqual(expected)
      const read = ladder.parse(
        (await call(api, 'GET', `/ladders/${first.id}`, { token: tokens.viewer })).body,
      )
      expect(read).toEqual(updated)
    }
    // A restarted server reads it from the database, not from any cache.
    const last = ladder.parse((await call(api, 'GET', `/ladders/${first.id}`, { token: tokens.viewer })).body)
    await sandbox.stop()
    await sandbox.start()
    const reread = ladder.parse(
      (await call(api, 'GET', `/ladders/${first.id}`, { token: tokens.viewer })).body,
    )
    expect(reread).toEqual(last)
    const history = ladderHistory.parse(
      (await call(api, 'GET', `/ladders/${first.id}/history`, { token: tokens.viewer })).body,
    )
    expect(history.items[0]?.ladder).toEqual(last)
    expect(history.items).toHaveLength(edits.length + 1)
  })

  it('keeps money and percents exact (kopecks, hundredths)', async () => {
    const body = valid()
    body.steps[1] = { ...body.steps[1]!, threshold: 30_000.1, bonus_percent: 0.07 }
    body.steps[2] = { ...body.steps[2]!, threshold: 99_999_999_999.99, max_payment_percent: 33.33 }
    const created = ladder.parse((await create(body)).body)
    expect(created.steps.map((s) => s.threshold)).toEqual([0, 30_000.1, 99_999_999_999.99])
    expect(created.steps[1]?.bonus_percent).toBe(0.07)
    expect(created.steps[2]?.max_payment_percent).toBe(33.33)
  })
})

describe('ladders: the JSON of a write', () => {
  // A written ladder's answer and history snapshot are JSON.stringify of what the service built, not the schema's
  // encode: on any valid ladder both must be the same text, and the history must hold that text.
  const stepName = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((text) => text.trim() === text && text !== '')
  const cents = (max: number) => fc.integer({ min: 1, max: max * 100 }).map((value) => value / 100)
  const ladderArb = fc.record({
    name: stepName,
    basis: fc.constantFrom('spend' as const, 'visits' as const),
    rolling: fc.option(fc.integer({ min: 1, max: 3650 }), { nil: null }),
    downgrade: fc.boolean(),
    active: fc.boolean(),
    steps: fc.uniqueArray(
      fc.record({
        name: stepName,
        gap: fc.integer({ min: 1, max: 1_000_000 }),
        bonus: fc.option(cents(100), { nil: null }),
        cap: fc.option(cents(100), { nil: null }),
        rk: fc.boolean(),
      }),
      { minLength: 1, maxLength: 6, selector: (step) => step.name.toLocaleLowerCase() },
    ),
  })
  const toBody = (arb: typeof ladderArb extends fc.Arbitrary<infer T> ? T : never): LadderCreate => {
    let threshold = 0
    return {
      name: arb.name,
      basis: arb.basis,
      period: arb.rolling === null ? 'all_time' : 'rolling_days',
      period_days: arb.rolling,
      downgrade: arb.downgrade,
      active: arb.active,
      steps: arb.steps.map((step, index) => {
        if (index > 0) threshold += step.gap
        const bonus = step.bonus ?? (step.rk ? null : 1)
        return {
          name: step.name,
          threshold: arb.basis === 'spend' ? threshold / 100 : threshold,
          rk_discount_id: step.rk ? rk.get(105) : null,
          bonus_percent: bonus,
          max_payment_percent: step.cap,
        }
      }),
    }
  }
  const textOf = async (method: string, path: string, body: unknown): Promise<string> => {
    const response = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    const text = await response.text()
    expect(response.status, text).toBe(method === 'POST' ? 201 : 200)
    return text
  }
  const encoded = (text: string) => JSON.stringify(ladder.encode(ladder.parse(JSON.parse(text))))

  it('create and update answer exactly what the answer schema encodes, and the history stores it', async () => {
    await fc.assert(
      fc.asyncProperty(ladderArb, ladderArb, async (first, second) => {
        const created = await textOf('POST', '/ladders/create', toBody(first))
        expect(created).toBe(encoded(created))
        const { id, version } = ladder.parse(JSON.parse(created))
        const updated = await textOf('PUT', `/ladders/${id}`, { ...toBody(second), version })
        expect(updated).toBe(encoded(updated))
        const history = await call(api, 'GET', `/ladders/${id}/history`, { token: tokens.viewer })
        expect(ladderHistory.parse(history.body).items.map((item) => item.ladder)).toEqual([
          JSON.parse(updated),
          JSON.parse(created),
        ])
      }),
      { numRuns: 40 },
    )
  })
})

describe('ladders: roles, 404, versions', () => {
  it('viewer may not write (403); unknown ids are 404', async () => {
    expect((await create(valid(), tokens.viewer)).status).toBe(403)
    const id = ladder.parse((await create(valid())).body).id
    const put = await call(api, 'PUT', `/ladders/${id}`, {
      token: tokens.viewer,
      json: { ...valid(), version: 1 },
    })
    expect(put.status).toBe(403)
    expect((await call(api, 'DELETE', `/ladders/${id}?version=1`, { token: tokens.viewer })).status).toBe(403)
    for (const [method, path, json] of [
      ['GET', '/ladders/999999', undefined],
      ['GET', '/ladders/999999/history', undefined],
      ['PUT', '/ladders/999999', { ...valid(), version: 1 }],
      ['DELETE', '/ladders/999999?version=1', undefined],
    ] as const) {
      const response = await call(api, method, path, { token: tokens.admin, json })
      expect(response.status, `${method} ${path}`).toBe(404)
      expect(messageOf(response)).toMatch(/not found/i)
    }
  })

  it('a stale version is 409 with the current ladder, and nothing changes', async () => {
    const first = ladder.parse((await create(valid())).body)
    const second = ladder.parse(
      (
        await call(api, 'PUT', `/ladders/${first.id}`, {
          token: tokens.admin,
          json: { ...valid(), name: 'B', version: 1 },
        })
      ).body,
    )
    const stale = await call(api, 'PUT', `/ladders/${first.id}`, {
      token: tokens.marketing,
      json: { ...valid(), name: 'C', version: 1 },
    })
    expect(stale.status).toBe(409)
    const body = stale.body as { detail: string; current: unknown }
    expect(body.detail).toMatch(/version/i)
    expect(ladder.parse(body.current)).toEqual(second)
    expect(
      ladder.parse((await call(api, 'GET', `/ladders/${first.id}`, { token: tokens.admin })).body),
    ).toEqual(second)
    const history = ladderHistory.parse(
      (await call(api, 'GET', `/ladders/${first.id}/history`, { token: tokens.admin })).body,
    )
    expect(history.items).toHaveLength(2)

    const staleDelete = await call(api, 'DELETE', `/ladders/${first.id}?version=1`, { token: tokens.admin })
    expect(staleDelete.status).toBe(409)
    expect(ladder.parse((staleDelete.body as { current: unknown }).current)).toEqual(second)
    expect((await call(api, 'GET', `/ladders/${first.id}`, { token: tokens.admin })).status).toBe(200)
  })

  it('delete: 409 naming the groups that use the ladder; 204 once none does, then 404', async () => {
    const made = ladder.parse((await create({ ...valid(), name: 'Удаляемая' })).body)
    const group = accountGroup.parse(
      (
        await call(api, 'POST', '/account_groups/create', {
          token: tokens.admin,
          json: { name: 'Группа на удаляемой', ladder_id: made.id, active: true },
        })
      ).body,
    )
    const refused = await call(api, 'DELETE', `/ladders/${made.id}?version=1`, { token: tokens.marketing })
    expect(refused.status).toBe(409)
    expect(messageOf(refused)).toContain('«Группа на удаляемой»')
    expect((await call(api, 'GET', `/ladders/${made.id}`, { token: tokens.admin })).status).toBe(200)

    const moved = await call(api, 'PUT', `/account_groups/${group.id}`, {
      token: tokens.admin,
      json: { name: group.name, ladder_id: null, active: true, version: 1 },
    })
    expect(moved.status).toBe(200)
    const deleted = await call(api, 'DELETE', `/ladders/${made.id}?version=1`, { token: tokens.marketing })
    expect(deleted.status).toBe(204)
    expect((await call(api, 'GET', `/ladders/${made.id}`, { token: tokens.admin })).status).toBe(404)
    expect((await call(api, 'GET', `/ladders/${made.id}/history`, { token: tokens.admin })).status).toBe(404)
  })
})

describe('ladders: idempotent create', () => {
  it('the same key and body answers the first ladder again and creates nothing', async () => {
    const headers = { 'Idempotency-Key': 'op-ladder-1' }
    const before = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list', { token: tokens.admin })).body,
    ).total
    const first = await create(valid(), tokens.admin, headers)
    const again = await create(valid(), tokens.admin, headers)
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.body).toEqual(first.body)
    const after = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list', { token: tokens.admin })).body,
    ).total
    expect(after).toBe(before + 1)
  })

  it('the same key with another body is 409 and creates nothing', async () => {
    const headers = { 'Idempotency-Key': 'op-ladder-2' }
    expect((await create(valid(), tokens.admin, headers)).status).toBe(201)
    const before = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list', { token: tokens.admin })).body,
    ).total
    const reused = await create({ ...valid(), name: 'Другая' }, tokens.admin, headers)
    expect(reused.status).toBe(409)
    expect(messageOf(reused)).toMatch(/Idempotency-Key/)
    const after = listOf(ladder).parse(
      (await call(api, 'GET', '/ladders/list', { token: tokens.admin })).body,
    ).total
    expect(after).toBe(before)
  })

  it('a failed create stores nothing under its key', async () => {
    const headers = { 'Idempotency-Key': 'op-ladder-3' }
    expect((await create({ ...valid(), name: '' }, tokens.admin, headers)).status).toBe(422)
    expect((await create(valid(), tokens.admin, headers)).status).toBe(201)
  })
})

describe('ladders: 422 with the exact loc for each DOMAIN.md rule', () => {
  type Case = [string, (body: LadderCreate) => unknown, (string | number)[], string?]
  const withStep = (i: number, patch: Record<string, unknown>) => (body: LadderCreate) => ({
    ...body,
    steps: body.steps.map((step, j) => (j === i ? { ...step, ...patch } : step)),
  })
  const cases: Case[] = [
    ['name required', (b) => ({ ...b, name: '  ' }), ['body', 'name']],
    ['basis is spend or visits', (b) => ({ ...b, basis: 'money' }), ['body', 'basis']],
    ['period is all_time or rolling_days', (b) => ({ ...b, period: 'monthly' }), ['body', 'period']],
    [
      'rolling_days needs period_days',
      (b) => ({ ...b, period: 'rolling_days', period_days: null }),
      ['body', 'period_days'],
      'period_days_required',
    ],
    ['period_days ≥ 1', (b) => ({ ...b, period: 'rolling_days', period_days: 0 }), ['body', 'period_days']],
    ['at least one step', (b) => ({ ...b, steps: [] }), ['body', 'steps']],
    [
      'at most 50 steps',
      (b) => ({
        ...b,
        steps: Array.from({ length: 51 }, (_, i) => ({ name: `S${i}`, threshold: i * 10, bonus_percent: 1 })),
      }),
      ['body', 'steps'],
    ],
    [
      'the first threshold is 0',
      withStep(0, { threshold: 10 }),
      ['body', 'steps', 0, 'threshold'],
      'first_threshold_not_zero',
    ],
    [
      'thresholds strictly increase',
      withStep(2, { threshold: 30_000 }),
      ['body', 'steps', 2, 'threshold'],
      'threshold_not_increasing',
    ],
    [
      'spend thresholds have ≤ 2 decimals',
      withStep(1, { threshold: 30_000.005 }),
      ['body', 'steps', 1, 'threshold'],
      'threshold_decimals',
    ],
    [
      'visits thresholds are whole numbers',
      (b) => ({ ...withStep(1, { threshold: 2.5 })(b), basis: 'visits' }),
      ['body', 'steps', 1, 'threshold'],
      'visits_threshold_not_integer',
    ],
    ['negative threshold', withStep(1, { threshold: -5 }), ['body', 'steps', 1, 'threshold']],
    [
      'a step has a benefit',
      withStep(1, { rk_discount_id: null, bonus_percent: null, max_payment_percent: null }),
      ['body', 'steps', 1],
      'step_without_benefit',
    ],
    ['step name required', withStep(2, { name: '' }), ['body', 'steps', 2, 'name']],
    ['bonus_percent ≤ 100', withStep(0, { bonus_percent: 100.5 }), ['body', 'steps', 0, 'bonus_percent']],
    ['bonus_percent ≥ 0', withStep(0, { bonus_percent: -1 }), ['body', 'steps', 0, 'bonus_percent']],
    [
      'bonus_percent ≤ 2 decimals',
      withStep(0, { bonus_percent: 3.333 }),
      ['body', 'steps', 0, 'bonus_percent'],
    ],
    [
      'max_payment_percent ≤ 100',
      withStep(2, { max_payment_percent: 101 }),
      ['body', 'steps', 2, 'max_payment_percent'],
    ],
    ['rk_discount_id is an id', withStep(1, { rk_discount_id: 0 }), ['body', 'steps', 1, 'rk_discount_id']],
    [
      'rk_discount_id must exist',
      withStep(1, { rk_discount_id: 987_654 }),
      ['body', 'steps', 1, 'rk_discount_id'],
      'rk_discount_missing',
    ],
    [
      'an inactive RK discount is an error on publish',
      (b) => withStep(2, { rk_discount_id: rk.get(210) })(b),
      ['body', 'steps', 2, 'rk_discount_id'],
      'rk_discount_inactive',
    ],
    [
      'unknown field in a step',
      withStep(1, { colour: 'red' }),
      ['body', 'steps', 1, 'colour'],
      'extra_forbidden',
    ],
    ['unknown field in the ladder', (b) => ({ ...b, owner: 'me' }), ['body', 'owner'], 'extra_forbidden'],
    ['downgrade is a boolean', (b) => ({ ...b, downgrade: 'yes' }), ['body', 'downgrade']],
  ]

  it.each(cases)('%s', async (_title, mutate, loc, type) => {
    const body = mutate(valid())
    for (const [method, path, json] of [
      ['POST', '/ladders/create', body],
      ['PUT', '/ladders/1', { ...(body as object), version: 1 }],
    ] as const) {
      const response = await call(api, method, path, { token: tokens.admin, json })
      expect(response.status, `${method} ${JSON.stringify(response.body)}`).toBe(422)
      expect(locsOf(response)).toEqual([loc])
      if (type) expect(detailOf(response)[0]?.type).toBe(type)
    }
  })

  it('reports every problem of a body at once, each at its own loc', async () => {
    const body = {
      ...valid(),
      name: '',
      steps: [
        { name: 'A', threshold: 5, bonus_percent: 1 },
        { name: 'B', threshold: 1 },
      ],
    }
    const response = await create(body)
    expect(locsOf(response)).toEqual([
      ['body', 'name'],
      ['body', 'steps', 0, 'threshold'],
      ['body', 'steps', 1, 'threshold'],
      ['body', 'steps', 1],
    ])
  })
})
