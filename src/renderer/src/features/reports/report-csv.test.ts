// The reports' CSV as Excel reads it in Russian: BOM, «;», CRLF, decimal commas, a «;» inside a name quoted, a
// name that looks like a formula kept as text.
import { describe, expect, it } from 'vitest'
import { balancesCsv, operationsCsv } from './report-csv'

describe('report CSV', () => {
  it('balances: BOM, «;», CRLF, decimal commas, quoted «;», formulas kept as text', () => {
    const text = balancesCsv(
      {
        items: [
          { group_id: 1, name: 'Гости; постоянные', accounts: 1200, balance_total: 15000.5 },
          { group_id: 2, name: '=СУММ(A1)', accounts: 3, balance_total: 0 },
        ],
      },
      { group: 'Группа', accounts: 'Счетов', balance: 'Бонусов на счетах', decimalComma: true },
    )
    const bytes = new TextEncoder().encode(text)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(text.slice(1).split('\r\n')).toEqual([
      'Группа;Счетов;Бонусов на счетах',
      '"Гости; постоянные";1200;15000,5',
      `"'=СУММ(A1)";3;0`,
      '',
    ])
  })

  it('operations: the type in words, a decimal point in English', () => {
    const text = operationsCsv(
      { items: [{ day: '2026-11-30', type: 'bonus', count: 12, amount: 340.25 }] },
      {
        day: 'Day',
        type: 'Type',
        count: 'Operations',
        amount: 'Amount',
        types: { deposit: 'Deposit', withdraw: 'Withdrawal', bonus: 'Purchase bonus' },
        decimalComma: false,
      },
    )
    expect(text).toBe('\uFEFFDay;Type;Operations;Amount\r\n2026-11-30;Purchase bonus;12;340.25\r\n')
  })
})
