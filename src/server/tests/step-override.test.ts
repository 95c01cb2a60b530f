import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type Account,
  account,
  accountGroup,
  type Ladder,
  type LadderCreate,
  ladder as ladderSchema,
  ladderPreview,
  ladderStepsReport,
  listOf,
  purchaseResult,
  settings as settingsSchema,
} from '@shared/api'
import { benefitsFor, fromKopecks } from '@shared/domain'
import { call, demoTokens, locsOf, startTestServer } from '../test-support'
import {
  asPreview,
  editable,
  purchasesByAccount,
  readLedger,
  recountLadder,
  type RecountLadder,
  recountStep,
  type PreviewSample,
  withDb,
} from './ledger-support'

// A discount level set by hand (API.md, accounts): pin / floor, until the end of a business day, ending by itself
// on a group change or a ladder losing the step; the effective step in the account, purchases, reports/ladder_steps
// and ladders/preview — the last two against a brute-force recount, account by account, that honours overrides.
let nowMs = Date.parse('2026-03-15T12:00:00.000Z')
let server: Awaited<ReturnType<typeof startTestServer>>
let api: string
let tokens: Awaited<ReturnType<typeof demoTokens>>
let guestLadder: Ladder
let guestGroupId: number
/** Demo guests by the step their spending gives them on «Гостевая». */
let byStep: Account[][]

beforeAll(async () => {
  server = await startTestServer({ now: () => nowMs })
  api = server.apiUrl
  tokens = await demoTokens(api)
  const ladders = listOf(ladderSchema).parse(
    (await call(api, 'GET', '/ladders/list', { token: tokens.viewer })).body,
  )
  guestLadder = ladders.items.find(
    (l) => l.basis === 'spend' && l.period === 'all_time' && l.steps.length >= 3,
  )!
  const groups = listOf(accountGroup).parse(
    (await call(api, 'GET', '/account_groups/list', { token: tokens.viewer })).body,
  )
  guestGroupId = groups.items.find((g) => g.ladder_id === guestLadder.id)!.id
  // Enough guests on each step for the tests below, each test with its own.
  const need = guestLadder.steps.map((_, index) => (index === 0 ? 13 : index === 1 ? 5 : 2))
  byStep = guestLadder.steps.map(() => [])
  for (let offset = 0; byStep.some((list, i) => list.length < need[i]!); offset += 500) {
    const page = listOf(account).parse(
      (
        await call(api, 'GET', `/accounts/list?group_id=${guestGroupId}&limit=500&offset=${offset}`, {
          token: tokens.viewer,
        })
      ).body,
    )
    if (page.items.length === 0)
      throw new Error(`Not enough demo guests on each step: ${byStep.map((l) => l.length).join(', ')}`)
    for (const guest of page.items) byStep[guest.step?.index ?? 0]!.push(guest)
  }
})
afterAll(() => server.close())

const top = () => guestLadder.steps.length - 1
const dbPath = (): string => server.app.sandbox.db.sqlite.name

async function fetchAccount(id: number, token = tokens.viewer): Promise<Account> {
  const response = await call(api, 'GET', `/accounts/${id}`, { token })
  expect(response.status).toBe(200)
  return account.parse(response.body)
}

type OverrideBody = { index: number; mode: 'pin' | 'floor'; until?: string | null; reason: string }

async function setOverride(id: number, body: OverrideBody, token = tokens.marketing): Promise<Account> {
  const { version } = await fetchAccount(id)
  const response = await call(api, 'PUT', `/accounts/${id}/step_override`, {
    token,
    json: { ...body, version },
  })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return account.parse(response.body)
}

async function removeOverride(id: number, token = tokens.marketing): Promise<Account> {
  const { version } = await fetchAccount(id)
  const response = await call(api, 'DELETE', `/accounts/${id}/step_override?version=${version}`, { token })
  expect(response.status, JSON.stringify(response.body)).toBe(200)
  return account.parse(response.body)
}

const stepOf = (index: number) => ({ ladder_id: guestLadder.id, index, name: guestLadder.steps[index]!.name })

describe('a discount level set by hand', () => {
  it('pin below and above the accumulated step, floor below and above; removed, the accumulated step again', async () => {
    const guest = byStep[1]![0]!
    expect(guest.step).toEqual(stepOf(1))

    const pinnedUp = await setOverride(guest.id, { index: top(), mode: 'pin', reason: 'Новый VIP' })
    expect(pinnedUp.step).toEqual(stepOf(top()))
    expect(pinnedUp.version).toBe(guest.version + 1)
    expect(pinnedUp.updated_by).toBe('marketing')
    expect(pinnedUp.step_override).toEqual({
      ...stepOf(top()),
      mode: 'pin',
      until: null,
      ends_at: null,
      reason: 'Новый VIP',
      set_by: 'marketing',
      set_at: new Date(nowMs).toISOString(),
      computed_step: stepOf(1),
    })

    const pinnedDown = await setOverride(guest.id, { index: 0, mode: 'pin', reason: 'Спорные покупки' })
    expect(pinnedDown.step).toEqual(stepOf(0))
    expect(pinnedDown.step_override?.computed_step).toEqual(stepOf(1))

    const floorBelow = await setOverride(guest.id, { index: 0, mode: 'floor', reason: 'Не ниже первой' })
    expect(floorBelow.step).toEqual(stepOf(1))
    expect(floorBelow.step_override).toMatchObject({ index: 0, mode: 'floor' })

    const floorAbove = await setOverride(
      guest.id,
      { index: top(), mode: 'floor', reason: 'Жалоба' },
      tokens.admin,
    )
    expect(floorAbove.step).toEqual(stepOf(top()))
    expect(floorAbove.step_override?.set_by).toBe('admin')

    // The list shows the effective step too, and filters the accounts with a level set by hand.
    const held = listOf(account).parse(
      (await call(api, 'GET', '/accounts/list?step_override=true', { token: tokens.viewer })).body,
    )
    expect(held.items.map((a) => [a.id, a.step?.index])).toEqual([[guest.id, top()]])
    expect(held.total).toBe(1)
    const number = await call(api, 'GET', `/accounts/list?step_override=true&q=${guest.number}`, {
      token: tokens.viewer,
    })
    expect(listOf(account).parse(number.body).total).toBe(1)
    const otherGroup = await call(
      api,
      'GET',
      `/accounts/list?step_override=true&group_id=${guestGroupId + 1}`,
      {
        token: tokens.viewer,
      },
    )
    expect(listOf(account).parse(otherGroup.body).total).toBe(0)

    // A stale version is a conflict that shows the account as it is.
    const stale = await call(api, 'PUT', `/accounts/${guest.id}/step_override`, {
      token: tokens.marketing,
      json: { index: 0, mode: 'pin', reason: 'x', version: guest.version },
    })
    expect(stale.status).toBe(409)
    expect(account.parse((stale.body as { current: unknown }).current).step).toEqual(stepOf(top()))

    const removed = await removeOverride(guest.id)
    expect(removed.step).toEqual(stepOf(1))
    expect(removed.step_override).toBeNull()
    expect(removed.version).toBe(floorAbove.version + 1)
    // Removing what is not there changes nothing.
    expect((await removeOverride(guest.id)).version).toBe(removed.version)
  })

  it('ends at the day change time after `until`, by the settings’ time zone', async () => {
    const current = settingsSchema.parse((await call(api, 'GET', '/settings', { token: tokens.admin })).body)
    const { version: _v, updated_at: _u, updated_by: _b, ...fields } = current
    const put = await call(api, 'PUT', '/settings', {
      token: tokens.admin,
      json: { ...fields, day_change_time: '04:00', timezone: 'Europe/Moscow', version: current.version },
    })
    expect(put.status, JSON.stringify(put.body)).toBe(200)
    const guest = byStep[0]![1]!
    const set = await setOverride(guest.id, {
      index: top(),
      mode: 'pin',
      until: '2026-03-20',
      reason: 'Месяц',
    })
    // The business day of 20 March ends at 04:00 Moscow time on the 21st.
    expect(set.step_override?.ends_at).toBe('2026-03-21T01:00:00.000Z')
    const start = nowMs
    try {
      nowMs = Date.parse('2026-03-21T00:59:59.999Z')
      // Days later the demo tokens have expired: sign in again at the moved clock.
      const later = await demoTokens(api)
      expect((await fetchAccount(guest.id, later.viewer)).step).toEqual(stepOf(top()))
      nowMs = Date.parse('2026-03-21T01:00:00.000Z')
      const ended = await fetchAccount(guest.id, later.viewer)
      expect(ended.step).toEqual(stepOf(0))
      expect(ended.step_override).toBeNull()
      const held = await call(api, 'GET', '/accounts/list?step_override=true', { token: later.viewer })
      expect(
        listOf(account)
          .parse(held.body)
          .items.map((a) => a.id),
      ).not.toContain(guest.id)
      // A day already over is refused at `until`.
      const past = await call(api, 'PUT', `/accounts/${guest.id}/step_override`, {
        token: later.marketing,
        json: { index: 0, mode: 'pin', until: '2026-03-20', reason: 'x', version: ended.version },
      })
      expect(past.status).toBe(422)
      expect(locsOf(past)).toEqual([['body', 'until']])
    } finally {
      nowMs = start
    }
  })

  it('ends when the account changes group (PUT, accounts/move, its group changing ladder)', async () => {
    const twin = await call(api, 'POST', '/account_groups/create', {
      token: tokens.admin,
      json: { name: 'Гости-2', description: null, ladder_id: guestLadder.id, active: true },
    })
    expect(twin.status).toBe(201)
    const twinId = accountGroup.parse(twin.body).id
    const [a, b, c, d] = byStep[0]!.slice(2, 6) as [Account, Account, Account, Account]
    const pin = { index: top(), mode: 'pin' as const, reason: 'Корпоративный гость' }
    for (const guest of [a, b, c, d]) await setOverride(guest.id, pin)

    const moved = await call(api, 'POST', '/accounts/move', {
      token: tokens.admin,
      json: { account_ids: [a.id], to_group_id: twinId },
    })
    expect(moved.body).toEqual({ moved: 1 })
    const afterMove = await fetchAccount(a.id)
    expect([afterMove.group_id, afterMove.step_override, afterMove.step?.index]).toEqual([twinId, null, 0])

    const current = await fetchAccount(b.id)
    const edited = await call(api, 'PUT', `/accounts/${b.id}`, {
      token: tokens.admin,
      json: { ...editable(current), group_id: twinId },
    })
    expect(edited.status).toBe(200)
    expect(account.parse(edited.body).step_override).toBeNull()
    // An edit that keeps the group keeps the override.
    const keep = await fetchAccount(c.id)
    const same = await call(api, 'PUT', `/accounts/${c.id}`, {
      token: tokens.admin,
      json: { ...editable(keep), holder_name: 'Другое Имя' },
    })
    expect(account.parse(same.body).step).toEqual(stepOf(top()))

    // Every account of a group moved, then back: the overrides of the group have ended.
    const all = await call(api, 'POST', '/accounts/move', {
      token: tokens.admin,
      json: { from_group_id: guestGroupId, to_group_id: twinId },
    })
    expect(all.status).toBe(200)
    await call(api, 'POST', '/accounts/move', {
      token: tokens.admin,
      json: { from_group_id: twinId, to_group_id: guestGroupId },
    })
    expect((await fetchAccount(c.id)).step_override).toBeNull()

    // The group changing ladder ends the overrides of its accounts; changing something else keeps them.
    await setOverride(d.id, pin)
    const group = accountGroup.parse(
      (await call(api, 'GET', `/account_groups/${guestGroupId}`, { token: tokens.admin })).body,
    )
    const groupBody = {
      name: group.name,
      description: 'Все гости',
      ladder_id: group.ladder_id,
      active: group.active,
      version: group.version,
    }
    await call(api, 'PUT', `/account_groups/${guestGroupId}`, { token: tokens.admin, json: groupBody })
    expect((await fetchAccount(d.id)).step_override).not.toBeNull()
    await call(api, 'POST', '/accounts/move', {
      token: tokens.admin,
      json: { account_ids: [a.id], to_group_id: twinId },
    })
    const back = await setOverride(a.id, pin)
    expect(back.step).toEqual(stepOf(top()))
    const twinBody = { name: 'Гости-2', description: null, active: true }
    const noLadder = await call(api, 'PUT', `/account_groups/${twinId}`, {
      token: tokens.admin,
      json: { ...twinBody, ladder_id: null, version: 1 },
    })
    expect(noLadder.status).toBe(200)
    await call(api, 'PUT', `/account_groups/${twinId}`, {
      token: tokens.admin,
      json: { ...twinBody, ladder_id: guestLadder.id, version: 2 },
    })
    expect((await fetchAccount(back.id)).step_override).toBeNull()
    await removeOverride(d.id)
    // Leave the twin group empty again.
    await call(api, 'POST', '/accounts/move', {
      token: tokens.admin,
      json: { from_group_id: twinId, to_group_id: guestGroupId },
    })
  })

  it('ends when its ladder loses that step, and does not come back with it', async () => {
    const [topHeld, lowHeld] = byStep[0]!.slice(6, 8) as [Account, Account]
    await setOverride(topHeld.id, { index: top(), mode: 'pin', reason: 'Верхняя ступень' })
    await setOverride(lowHeld.id, { index: 1, mode: 'floor', reason: 'Не ниже второй' })
    const { version, id: _id, created_at: _c, updated_at: _u, updated_by: _b, ...body } = guestLadder
    const shorter = await call(api, 'PUT', `/ladders/${guestLadder.id}`, {
      token: tokens.marketing,
      json: { ...body, steps: body.steps.slice(0, top()), version },
    })
    expect(shorter.status, JSON.stringify(shorter.body)).toBe(200)
    expect((await fetchAccount(topHeld.id)).step_override).toBeNull()
    expect((await fetchAccount(lowHeld.id)).step).toEqual(stepOf(1))
    const restored = await call(api, 'PUT', `/ladders/${guestLadder.id}`, {
      token: tokens.marketing,
      json: { ...body, version: version + 1 },
    })
    expect(restored.status).toBe(200)
    guestLadder = ladderSchema.parse(restored.body)
    expect((await fetchAccount(topHeld.id)).step_override).toBeNull()
    expect((await fetchAccount(topHeld.id)).step?.index).toBe(0)
    await removeOverride(lowHeld.id)
  })

  it('purchases credit the bonus of the effective step', async () => {
    const [pinned, floored] = byStep[0]!.slice(8, 10) as [Account, Account]
    const bonusOf = (index: number, amount: number) =>
      fromKopecks(
        benefitsFor({ bonus_percent: guestLadder.steps[index]!.bonus_percent ?? 0 }, amount * 100)
          .bonusKopecks,
      )
    await setOverride(pinned.id, { index: top(), mode: 'pin', reason: 'VIP' })
    const up = await call(api, 'POST', '/operations/purchase', {
      token: tokens.admin,
      json: { account_id: pinned.id, amount: 1234.56 },
    })
    expect(up.status, JSON.stringify(up.body)).toBe(200)
    const credited = purchaseResult.parse(up.body)
    expect(credited.bonus_credited).toBe(bonusOf(top(), 1234.56))
    expect(credited.step).toEqual(stepOf(top()))
    // Pinned below what a rich guest accumulated: the lower step's bonus.
    const rich = byStep[top()]![0]!
    await setOverride(rich.id, { index: 0, mode: 'pin', reason: 'Спорные покупки' })
    const down = purchaseResult.parse(
      (
        await call(api, 'POST', '/operations/purchase', {
          token: tokens.admin,
          json: { account_id: rich.id, amount: 1000 },
        })
      ).body,
    )
    expect([down.bonus_credited, down.step]).toEqual([bonusOf(0, 1000), stepOf(0)])
    // A floor below the accumulated step does not change it.
    await setOverride(floored.id, { index: 0, mode: 'floor', reason: 'Не ниже первой' })
    const same = purchaseResult.parse(
      (
        await call(api, 'POST', '/operations/purchase', {
          token: tokens.admin,
          json: { account_id: floored.id, amount: 1000 },
        })
      ).body,
    )
    expect(same.bonus_credited).toBe(bonusOf(0, 1000))
    for (const guest of [pinned, rich, floored]) await removeOverride(guest.id)
  })

  it('reports/ladder_steps and ladders/preview equal a brute-force recount that honours overrides', async () => {
    const held: [Account, OverrideBody][] = [
      [byStep[0]![10]!, { index: top(), mode: 'pin', reason: 'a' }],
      [byStep[0]![11]!, { index: 1, mode: 'floor', until: '2026-12-31', reason: 'b' }],
      [byStep[1]![2]!, { index: 0, mode: 'pin', reason: 'c' }],
      [byStep[1]![3]!, { index: 0, mode: 'floor', reason: 'd' }],
      [byStep[top()]![1]!, { index: 1, mode: 'pin', reason: 'e' }],
      [byStep[top()]![0]!, { index: top(), mode: 'floor', reason: 'f' }],
      [byStep[1]![4]!, { index: top(), mode: 'floor', reason: 'g' }],
    ]
    for (const [guest, body] of held) await setOverride(guest.id, body)

    const report = ladderStepsReport.parse(
      (await call(api, 'GET', `/reports/ladder_steps?ladder_id=${guestLadder.id}`, { token: tokens.viewer }))
        .body,
    )
    const groups = groupsOf(guestLadder.id)
    const same = recount(recountLadder(guestLadder), guestLadder.steps.length, groups)
    expect(report.items.map((item) => item.accounts)).toEqual(same.counts)
    // Not the same as without the overrides.
    expect(same.counts).not.toEqual(
      recount(recountLadder(guestLadder), guestLadder.steps.length, groups, false).counts,
    )

    const { version: _v, created_at: _c, updated_at: _u, updated_by: _b, ...body } = guestLadder
    const proposals: LadderCreate[] = [
      // Thresholds halved: accounts move up, the held ones do not.
      { ...body, steps: body.steps.map((s) => ({ ...s, threshold: s.threshold / 2 })) },
      // The top step dropped: overrides on it would end, those accounts move by what they accumulated.
      { ...body, steps: body.steps.slice(0, top()) },
    ]
    for (const proposal of proposals) {
      const answer = await call(api, 'POST', '/ladders/preview', { token: tokens.marketing, json: proposal })
      expect(answer.status, JSON.stringify(answer.body)).toBe(200)
      const expected = recount(recountLadder(proposal, guestLadder.id), proposal.steps.length, groups)
      expect(ladderPreview.parse(answer.body)).toEqual(asPreview(proposal, expected))
    }
    const halved = ladderPreview.parse(
      (await call(api, 'POST', '/ladders/preview', { token: tokens.marketing, json: proposals[0] })).body,
    )
    expect(halved.overridden).toBe(held.length)
    expect(halved.moved_up).toBeGreaterThan(0)
    const dropped = ladderPreview.parse(
      (await call(api, 'POST', '/ladders/preview', { token: tokens.marketing, json: proposals[1] })).body,
    )
    // Three overrides hold on the top step.
    expect(dropped.overridden).toBe(held.length - 3)
    for (const [guest] of held) await removeOverride(guest.id)
  })

  it('reports/ladder_steps of a rolling ladder counts a held guest on the effective step', async () => {
    const ladders = listOf(ladderSchema).parse(
      (await call(api, 'GET', '/ladders/list', { token: tokens.viewer })).body,
    )
    const rolling = ladders.items.find((l) => l.period === 'rolling_days' && l.steps.length >= 2)!
    const groups = listOf(accountGroup).parse(
      (await call(api, 'GET', '/account_groups/list', { token: tokens.viewer })).body,
    )
    const groupId = groups.items.find((g) => g.ladder_id === rolling.id)!.id
    const guests = listOf(account).parse(
      (await call(api, 'GET', `/accounts/list?group_id=${groupId}&limit=50`, { token: tokens.viewer })).body,
    )
    const guest = guests.items.find((g) => (g.step?.index ?? -1) < rolling.steps.length - 1)!
    const counts = async () =>
      ladderStepsReport
        .parse(
          (await call(api, 'GET', `/reports/ladder_steps?ladder_id=${rolling.id}`, { token: tokens.viewer }))
            .body,
        )
        .items.map((item) => item.accounts)
    const before = await counts()
    const last = rolling.steps.length - 1
    await setOverride(guest.id, { index: last, mode: 'pin', reason: 'rolling' })
    const expected = [...before]
    if (guest.step) expected[guest.step.index]! -= 1
    expected[last]! += 1
    expect(await counts()).toEqual(expected)
    await removeOverride(guest.id)
    expect(await counts()).toEqual(before)
  })

  it('422 at index for a step the ladder lacks; marketing and admin write, viewer reads', async () => {
    const guest = await fetchAccount(byStep[0]![12]!.id)
    const missing = await call(api, 'PUT', `/accounts/${guest.id}/step_override`, {
      token: tokens.admin,
      json: { index: guestLadder.steps.length, mode: 'pin', reason: 'x', version: guest.version },
    })
    expect(missing.status).toBe(422)
    expect(missing.body).toMatchObject({
      detail: [
        { loc: ['body', 'index'], code: 'step_not_in_ladder', params: { index: guestLadder.steps.length } },
      ],
    })
    const noReason = await call(api, 'PUT', `/accounts/${guest.id}/step_override`, {
      token: tokens.admin,
      json: { index: 0, mode: 'pin', reason: '  ', version: guest.version },
    })
    expect(locsOf(noReason)).toEqual([['body', 'reason']])
    const viewer = await call(api, 'PUT', `/accounts/${guest.id}/step_override`, {
      token: tokens.viewer,
      json: { index: 0, mode: 'pin', reason: 'x', version: guest.version },
    })
    expect(viewer.status).toBe(403)
    const viewerDelete = await call(
      api,
      'DELETE',
      `/accounts/${guest.id}/step_override?version=${guest.version}`,
      {
        token: tokens.viewer,
      },
    )
    expect(viewerDelete.status).toBe(403)
    expect(
      (
        await call(api, 'PUT', '/accounts/999999/step_override', {
          token: tokens.admin,
          json: { index: 0, mode: 'pin', reason: 'x', version: 1 },
        })
      ).status,
    ).toBe(404)
    expect((await fetchAccount(guest.id)).version).toBe(guest.version)
  })
})

// ---- the recount ----

const groupsOf = (ladderId: number): number[] =>
  readLedger(dbPath())
    .groups.filter((g) => g.ladder_id === ladderId)
    .map((g) => g.id)

interface OverrideFacts {
  account_id: number
  ladder_id: number
  idx: number
  mode: 'pin' | 'floor'
}

/**
 * Account by account over `groupIds`: the effective step now (the override on the group's ladder holds it) and
 * under the proposal (the override goes on holding it when the proposal is that ladder and keeps the step; such
 * an account is `overridden`, else it moves by what it accumulated).
 */
function recount(proposed: RecountLadder, stepCount: number, groupIds: number[], honour = true) {
  const ledger = readLedger(dbPath())
  const purchases = purchasesByAccount(ledger.purchases)
  const overrides = new Map(
    withDb(dbPath(), (db) =>
      db.prepare('SELECT account_id, ladder_id, idx, mode FROM account_step_overrides').all(),
    ).map((row) => [(row as OverrideFacts).account_id, row as OverrideFacts]),
  )
  const current = recountLadder(guestLadder)
  const counts = Array.from({ length: stepCount }, () => 0)
  const before = Array.from({ length: stepCount }, () => 0)
  const moves = { moved_up: 0, moved_down: 0, unchanged: 0, overridden: 0 }
  const samples = { moved_up: [] as PreviewSample[], moved_down: [] as PreviewSample[] }
  const bonus = { current: 0, proposed: 0 }
  const since = nowMs - 30 * 24 * 60 * 60 * 1000
  const bonusOn = (ladder: RecountLadder, index: number, amount: number) => {
    const percent = index >= 0 ? ladder.bonusPercents[index] : null
    return percent === null || percent === undefined
      ? 0
      : benefitsFor({ bonus_percent: percent }, amount).bonusKopecks
  }
  const hold = (o: OverrideFacts, computed: number) => (o.mode === 'pin' ? o.idx : Math.max(o.idx, computed))
  for (const groupId of groupIds) {
    for (const facts of ledger.accounts) {
      if (facts.group_id !== groupId) continue
      const own = purchases.get(facts.id) ?? []
      const override = honour ? overrides.get(facts.id) : undefined
      const on = override && override.ladder_id === current.id ? override : undefined
      const nowComputed = recountStep(current, facts, own, nowMs)
      const nextComputed = recountStep(proposed, facts, own, nowMs)
      const from = on ? hold(on, nowComputed) : nowComputed
      const keeps = on !== undefined && proposed.id === on.ladder_id && on.idx < stepCount
      const to = keeps ? hold(on, nextComputed) : nextComputed
      if (to >= 0) counts[to]! += 1
      if (from >= 0 && from < stepCount) before[from]! += 1
      const direction = keeps ? 'overridden' : to > from ? 'moved_up' : to < from ? 'moved_down' : 'unchanged'
      moves[direction] += 1
      if ((direction === 'moved_up' || direction === 'moved_down') && samples[direction].length < 20) {
        samples[direction].push({
          account_id: facts.id,
          number: facts.number,
          holder_name: facts.holder_name,
          from_step: from >= 0 ? { index: from, name: current.names[from]! } : null,
          to_step: to >= 0 ? { index: to, name: proposed.names[to]! } : null,
        })
      }
      for (const purchase of own) {
        if (Date.parse(purchase.created_at) <= since) continue
        bonus.current += bonusOn(current, from, purchase.amount)
        bonus.proposed += bonusOn(proposed, to, purchase.amount)
      }
    }
  }
  return { counts, before, ...moves, samples, bonus }
}
