// @vitest-environment happy-dom
// The insight panels against the in-memory bridge (main is out of the picture here; the simulator's agreement
// with the server is proved against a real sandbox in src/main/ipc/handlers/ladder-simulator.test.ts).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Account, AccountLimits, Ladder, LadderCreate, LadderPreview } from '@shared/api'
import { exampleRkDiscounts, guestLadderExample } from '@shared/domain/example-ladder'
import type { SessionState } from '@shared/ipc'
import { useSessionStore } from '../../session/store'
import { installFakeBridge, type FakeBridge, type Handler } from '../../../testing/fake-bridge'
import { renderUi } from '../../../testing/render'
import { LadderChart } from './LadderChart'
import { LadderHistory } from './LadderHistory'
import { LadderImpact } from './LadderImpact'
import { LadderSimulator } from './LadderSimulator'

const signedIn: SessionState = {
  status: 'signed_in',
  profile: { id: 'p1', name: 'Песочница', base_url: 'http://127.0.0.1:1', last_login: null },
  login: 'marketing',
  user: { id: 2, login: 'marketing', name: 'marketing', role: 'marketing' },
  role: 'marketing',
  server: null,
  remembered: false,
  reason: 'login',
}

const catalog: Handler = () => ({
  ok: true,
  data: { items: exampleRkDiscounts, fetched_at: '2026-12-01T00:00:00Z', stale: false },
})

function bridge(extra: Parameters<typeof installFakeBridge>[0] = {}): FakeBridge {
  return installFakeBridge({ 'catalog:list': catalog, ...extra })
}

beforeEach(() => {
  useSessionStore.setState({ loaded: true, state: signedIn })
})
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const NBSP = '\u00A0'
const text = (testId: string) => screen.getByTestId(testId).textContent?.replaceAll(NBSP, ' ')

describe('the simulator', () => {
  it('gives the step, RK discount, bonus, cap and the way to the next step for a typed value, in Russian', async () => {
    bridge()
    await renderUi(<LadderSimulator ladder={guestLadderExample} ladderId={null} />)
    fireEvent.change(screen.getByLabelText('Накоплено, ₽'), { target: { value: '99 000' } })
    fireEvent.change(screen.getByLabelText('Счёт, ₽'), { target: { value: '2000' } })
    await waitFor(() => expect(text('simulator-discount')).toBe('Скидка 5%: 100 ₽'))
    expect(text('simulator-step')).toBe('2 · Серебро')
    expect(text('simulator-to-pay')).toBe('1 900 ₽')
    expect(text('simulator-bonus')).toBe('95 ₽')
    expect(text('simulator-max-payment')).toBe('1 900 ₽')
    expect(text('simulator-next')).toBe('до «Золото» не хватает 1 000 ₽')
    expect(text('simulator-after')).toBe('3 · Золото')
    expect(screen.queryByTestId('simulator-keep')).toBeNull()
    // No account: the whole bill, and the limits of paying with bonus are said not to be applied.
    expect(text('simulator-max-payment-rule')).toBe(' (весь счёт после скидки)')
    expect(text('simulator-limits')).toBe(
      'Лимиты оплаты бонусами на день, неделю и месяц не учтены: они считаются по счёту гостя. Выберите гостя, чтобы учесть его баланс и лимиты.',
    )
  })

  it('follows the ladder as edited: a lower threshold puts the same guest on the next step', async () => {
    bridge()
    const { rerender } = await renderUi(<LadderSimulator ladder={guestLadderExample} ladderId={null} />)
    fireEvent.change(screen.getByLabelText('Накоплено, ₽'), { target: { value: '99000' } })
    fireEvent.change(screen.getByLabelText('Счёт, ₽'), { target: { value: '1000' } })
    await waitFor(() => expect(text('simulator-step')).toBe('2 · Серебро'))
    const edited: LadderCreate = {
      ...guestLadderExample,
      steps: guestLadderExample.steps.map((step, i) => (i === 2 ? { ...step, threshold: 90_000 } : step)),
    }
    rerender(<LadderSimulator ladder={edited} ladderId={null} />)
    expect(text('simulator-step')).toBe('3 · Золото')
    // 10 % RK discount of 1 000 ₽, 7 % bonus of 900 ₽, at most 50 % of 900 ₽ with bonus.
    expect(text('simulator-bonus')).toBe('63 ₽')
    expect(text('simulator-max-payment')).toBe('450 ₽')
    expect(text('simulator-max-payment-rule')).toBe(' (ступень разрешает 50 % счёта)')
    expect(text('simulator-next')).toBe('это высшая ступень')
  })

  it('finds a guest by card, phone or name and starts from their totals; says what keeps a rolling step', async () => {
    // Main cannot say the guest's limits now: the card's balance caps the payment, and the limits are said unknown.
    const guest = {
      id: 7,
      number: '1000007',
      holder_name: 'Иванова Анна',
      phone: '+79161234567',
      balance: 120,
      pending_balance: 0,
      spend_total: 45_000,
      visits: 12,
      step: { ladder_id: 3, index: 1, name: 'Серебро' },
    } as Account
    const fake = bridge({
      'accounts:list': () => ({ ok: true, data: { items: [guest], total: 1, offset: 0, limit: 8 } }),
      'accounts:bonus': () => ({ ok: false, error: { code: 'offline', message: 'offline' } }),
    })
    const { rerender } = await renderUi(<LadderSimulator ladder={guestLadderExample} ladderId={3} />, 'en')
    fireEvent.change(screen.getByLabelText('Find a guest: card number, phone or name'), {
      target: { value: 'Иван' },
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Choose guest 1000007 · Иванова Анна' }))
    expect(fake.calls.find((call) => call.channel === 'accounts:list')?.input).toEqual({
      q: 'Иван',
      offset: 0,
      limit: 8,
    })
    expect((screen.getByLabelText('Accumulated, ₽') as HTMLInputElement).value).toBe('45,000')
    fireEvent.change(screen.getByLabelText('Bill, ₽'), { target: { value: '3,000' } })
    // 5 % RK discount → 2 850 to pay; the cap is the guest's 120 ₽ balance, below the whole bill.
    await waitFor(() => expect(text('simulator-max-payment')).toBe('₽120'))
    expect(text('simulator-limits')).toMatch(
      /^What is left of the guest’s limits cannot be read now \(.+\): the card’s balance and the step are applied, the limits are not\.$/u,
    )
    expect(screen.getByTestId('simulator-max-payment').parentElement?.textContent).toContain(
      '(the guest’s whole bonus balance)',
    )
    expect(text('simulator-bonus')).toBe('₽142.50')

    rerender(
      <LadderSimulator
        ladder={{ ...guestLadderExample, period: 'rolling_days', period_days: 90 }}
        ladderId={3}
      />,
    )
    expect(screen.getByTestId('simulator-picked').textContent).toContain(
      'The guest’s total of the last 90 days is not on the card',
    )
    expect(text('simulator-keep')).toBe('at least ₽30,000 in the last 90 days; margin ₽15,000')
  })

  it('caps a picked guest’s payment by what is left of the limits for the business day and week, as main says', async () => {
    const guest = {
      id: 7,
      number: '1000007',
      holder_name: 'Иванова Анна',
      balance: 2_000,
      pending_balance: 500,
      spend_total: 45_000,
      visits: 12,
      step: { ladder_id: 3, index: 1, name: 'Серебро' },
    } as Account
    let answer: (limits: AccountLimits) => void = () => undefined
    const fake = bridge({
      'accounts:list': () => ({ ok: true, data: { items: [guest], total: 1, offset: 0, limit: 8 } }),
      'accounts:bonus': () =>
        new Promise((resolve) => {
          answer = (limits) =>
            resolve({
              ok: true,
              data: {
                account_id: 7,
                balance: 2_000,
                pending_balance: 500,
                pending: [],
                pending_complete: true,
                limits,
                temporary_identifiers: false,
              },
            })
        }),
    })
    await renderUi(<LadderSimulator ladder={guestLadderExample} ladderId={3} />)
    fireEvent.change(screen.getByLabelText('Найти гостя: номер карты, телефон или имя'), {
      target: { value: '1000007' },
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Выбрать гостя 1000007 · Иванова Анна' }))
    fireEvent.change(screen.getByLabelText('Счёт, ₽'), { target: { value: '3000' } })
    // Until main answers, no figure is guessed.
    await waitFor(() => expect(text('simulator-max-payment')).toBe('узнаём…'))
    expect(text('simulator-limits')).toBe('Узнаём у сервера баланс гостя и остатки его лимитов…')
    expect(fake.calls.filter((call) => call.channel === 'accounts:bonus').map((call) => call.input)).toEqual([
      { id: 7 },
    ])
    // 1 500 ₽ spendable; 400 ₽ of the day's 1 000 ₽ left, 300 ₽ of the week's 2 000 ₽: the week wins.
    answer({
      per_day: { limit: 1_000, used: 600, left: 400 },
      per_week: { limit: 2_000, used: 1_700, left: 300 },
      per_month: { limit: null, used: 1_700, left: null },
    })
    await waitFor(() => expect(text('simulator-max-payment')).toBe('300 ₽'))
    expect(text('simulator-max-payment-rule')).toBe(' (столько осталось от лимита 2 000 ₽ на рабочую неделю)')
    expect(text('simulator-limits')).toBe(
      'Учтены остатки лимитов гостя на текущие рабочие сутки, неделю и месяц: на сутки 400 ₽ из 1 000 ₽; на неделю 300 ₽ из 2 000 ₽.',
    )
  })
})

describe('the chart', () => {
  it('lists every step with its benefits and the guests on it now, and follows the edit', async () => {
    bridge({
      'reports:ladder-steps': () => ({
        ok: true,
        data: {
          items: [
            { index: 0, name: 'Гость', accounts: 1200 },
            { index: 1, name: 'Серебро', accounts: 340 },
            { index: 2, name: 'Золото', accounts: 25 },
          ],
        },
      }),
    })
    const { rerender } = await renderUi(<LadderChart ladder={guestLadderExample} ladderId={1} />)
    const rows = () =>
      screen
        .getAllByTestId('chart-step')
        .map((row) => [...row.children].map((cell) => cell.textContent?.replaceAll(NBSP, ' ')))
    await waitFor(() => expect(rows()[0]?.[5]).toBe('1 200'))
    expect(rows()).toEqual([
      ['Гость', '0 ₽', '—', '3 %', '—', '1 200'],
      ['Серебро', '30 000 ₽', '5 %', '5 %', '—', '340'],
      ['Золото', '100 000 ₽', '10 %', '7 %', '50 %', '25'],
    ])
    rerender(
      <LadderChart
        ladder={{ ...guestLadderExample, steps: guestLadderExample.steps.slice(0, 2) }}
        ladderId={1}
      />,
    )
    await waitFor(() => expect(rows()).toHaveLength(2))
  })
})

const preview: LadderPreview = {
  steps: [
    { index: 0, name: 'Гость', accounts: 90, accounts_before: 100 },
    { index: 1, name: 'Серебро', accounts: 10, accounts_before: 0 },
  ],
  moved_up: 10,
  moved_down: 0,
  unchanged: 87,
  overridden: 3,
  samples: {
    moved_up: [
      {
        account_id: 5,
        number: '1000005',
        holder_name: 'Петров Пётр',
        from_step: { index: 0, name: 'Гость' },
        to_step: { index: 1, name: 'Серебро' },
      },
    ],
    moved_down: [],
  },
  bonus_estimate: { current: 1000, proposed: 1234.5 },
}

describe('the impact preview', () => {
  it('asks main for the ladder as edited and shows moves, steps before/after, who moves and the bonus', async () => {
    const fake = bridge({ 'ladders:preview': () => ({ ok: true, data: preview }) })
    const { rerender } = await renderUi(<LadderImpact ladder={guestLadderExample} ladderId={4} />)
    expect(fake.calls.some((call) => call.channel === 'ladders:preview')).toBe(false)
    fireEvent.click(screen.getByRole('button', { name: 'Рассчитать влияние' }))
    await screen.findByTestId('impact-result')
    expect(fake.calls.find((call) => call.channel === 'ladders:preview')?.input).toEqual({
      ladder: { ...guestLadderExample, id: 4 },
    })
    expect(
      [text('impact-up'), text('impact-down'), text('impact-same'), text('impact-held')],
      'guests held by a level set by hand are counted apart',
    ).toEqual(['10', '0', '87', '3'])
    expect(screen.getAllByTestId('impact-step').map((row) => row.textContent)).toEqual([
      '1 · Гость10090',
      '2 · Серебро010',
    ])
    expect(screen.getByTestId('impact-up-samples').textContent).toContain('1 · Гость → 2 · Серебро')
    expect(text('impact-bonus-current')).toBe('1 000 ₽')
    expect(text('impact-bonus-proposed')).toBe('1 234,50 ₽')
    expect(text('impact-bonus-delta')).toBe('+234,50 ₽')
    rerender(<LadderImpact ladder={{ ...guestLadderExample, name: 'Другая' }} ladderId={4} />)
    expect(screen.getByText('Лестница изменилась после расчёта: пересчитайте.')).toBeTruthy()
  })

  it('is not asked for a ladder that breaks a rule (the server would refuse it)', async () => {
    bridge()
    const broken = { ...guestLadderExample, steps: [{ ...guestLadderExample.steps[0]!, threshold: 10 }] }
    await renderUi(<LadderImpact ladder={broken} ladderId={4} />)
    expect((screen.getByTestId('impact-run') as HTMLButtonElement).disabled).toBe(true)
  })
})

const stored = (version: number, ladder: LadderCreate): Ladder => ({
  ...ladder,
  period_days: ladder.period_days ?? null,
  steps: ladder.steps.map((step) => ({
    name: step.name,
    threshold: step.threshold,
    rk_discount_id: step.rk_discount_id ?? null,
    bonus_percent: step.bonus_percent ?? null,
    max_payment_percent: step.max_payment_percent ?? null,
  })),
  id: 4,
  version,
  created_at: '2026-11-30T10:00:00Z',
  updated_at: `2026-11-30T1${version}:00:00Z`,
  updated_by: version === 1 ? 'admin' : 'marketing',
})

describe('the history', () => {
  const v1 = stored(1, guestLadderExample)
  const v2 = stored(2, {
    ...guestLadderExample,
    name: 'Гостевая 2',
    steps: [
      guestLadderExample.steps[0]!,
      { ...guestLadderExample.steps[1]!, threshold: 25_000, bonus_percent: 6 },
      { name: 'Платина', threshold: 300_000, rk_discount_id: 2, bonus_percent: 10, max_payment_percent: 60 },
    ],
  })
  const history: Handler = () => ({
    ok: true,
    data: {
      items: [v2, v1].map((ladder) => ({
        version: ladder.version,
        updated_at: ladder.updated_at,
        updated_by: ladder.updated_by,
        ladder,
      })),
    },
  })

  it('says per field and per step what changed between the previous and the current version', async () => {
    bridge({ 'ladders:history': history })
    const edited: LadderCreate = {
      ...v2,
      steps: [...v2.steps, { name: 'Алмаз', threshold: 500_000, bonus_percent: 12 }],
    }
    await renderUi(<LadderHistory ladder={edited} ladderId={4} />)
    await screen.findByTestId('history-diff')
    expect(screen.getAllByTestId('history-version').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Версия 2 (текущая)') as unknown,
      expect.stringContaining('Версия 1') as unknown,
    ])
    // First what the editor changes against the current version: a step added at the end.
    expect((screen.getByTestId('history-from') as HTMLSelectElement).value).toBe('2')
    expect((screen.getByTestId('history-to') as HTMLSelectElement).value).toBe('edited')
    expect(screen.getAllByTestId('diff-step').map((row) => row.textContent)).toEqual([
      'Добавлена ступень 4 «Алмаз»',
    ])
    fireEvent.change(screen.getByTestId('history-from'), { target: { value: '1' } })
    fireEvent.change(screen.getByTestId('history-to'), { target: { value: '2' } })
    expect(screen.getAllByTestId('diff-field').map((row) => row.textContent)).toEqual([
      'НазваниеГостевая → Гостевая 2',
    ])
    expect(screen.getAllByTestId('diff-step').map((row) => row.textContent?.replaceAll(NBSP, ' '))).toEqual([
      'Ступень 2 «Серебро»Порог30 000 ₽ → 25 000 ₽Бонус5 % → 6 %',
      // A step in the same place under another name is that step changed (diffLadders' alignment).
      'Ступень 3 «Платина»НазваниеЗолото → ПлатинаПорог100 000 ₽ → 300 000 ₽Бонус7 % → 10 %Оплата бонусами до50 % → 60 %',
    ])
    // Any two: the same version against itself does not differ.
    fireEvent.change(screen.getByTestId('history-from'), { target: { value: '2' } })
    expect(screen.getByTestId('history-same')).toBeTruthy()
  })

  it('restores an earlier version into the editor (which saves it as the draft); a reader gets no button', async () => {
    bridge({ 'ladders:history': history })
    const onRestore = vi.fn()
    const { rerender } = await renderUi(<LadderHistory ladder={null} ladderId={4} onRestore={onRestore} />)
    fireEvent.click(await screen.findByRole('button', { name: 'Восстановить как черновик: версия 1' }))
    expect(onRestore).toHaveBeenCalledWith({
      name: 'Гостевая',
      basis: 'spend',
      period: 'all_time',
      period_days: null,
      downgrade: true,
      active: true,
      steps: guestLadderExample.steps,
    })
    rerender(<LadderHistory ladder={null} ladderId={4} />)
    expect(screen.queryByTestId('history-restore')).toBeNull()
  })
})
