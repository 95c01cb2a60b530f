// Reports: balances by group, operations per day and type for a period, accounts per ladder step — each a chart
// and a table, exported as CSV whose bytes Excel reads in Russian (BOM, «;»). Read by a viewer; axe clean;
// the tabs work from the keyboard.
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { signIn } from './pages/entity-list'
import { readCsv, ReportsPage } from './pages/operations-page'
import { OtherWorkstation } from './pages/sandbox-api'

test('each report as a chart and a table, exported as a Russian CSV Excel opens', async ({
  app,
  sandbox,
}) => {
  const server = await OtherWorkstation.login(sandbox.url)
  const balances = await server.request<{ items: { name: string; accounts: number }[] }>(
    'GET',
    '/reports/balances',
  )
  await signIn(app, 'viewer')
  const reports = new ReportsPage(app)
  await reports.goto()

  // Balances by group: every group in the table, the chart drawn, the CSV in Excel's Russian shape.
  await expect(reports.tab('Балансы по группам')).toHaveAttribute('aria-selected', 'true')
  await expect(reports.chart.locator('.recharts-bar-rectangle').first()).toBeVisible()
  for (const group of balances.items) {
    await expect(reports.table.getByRole('row', { name: new RegExp(group.name) })).toBeVisible()
  }
  const balancesFile = await reports.export()
  expect(balancesFile.name).toMatch(/^balances-\d{4}-\d{2}-\d{2}\.csv$/)
  const balancesCsv = readCsv(balancesFile.bytes)
  expect(balancesCsv.bom).toBe(true)
  expect(balancesCsv.rows[0]).toEqual(['Группа', 'Счетов', 'Бонусов на счетах'])
  expect(balancesCsv.rows.slice(1).map((row) => [row[0], Number(row[1])])).toEqual(
    balances.items.map((item) => [item.name, item.accounts]),
  )
  expect(balancesFile.bytes.toString('utf8')).toContain('\r\n')
  expect(await seriousViolations(app)).toEqual([])

  // Operations per day and type, for a period typed in; the keyboard moves between the tabs.
  await reports.tab('Балансы по группам').focus()
  await app.keyboard.press('ArrowRight')
  await expect(reports.tab('Операции по дням')).toBeFocused()
  await expect(reports.tab('Операции по дням')).toHaveAttribute('aria-selected', 'true')
  const to = new Date().toISOString().slice(0, 10)
  const from = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10)
  await reports.panel.getByLabel('С', { exact: true }).fill(from)
  await reports.panel.getByLabel('По', { exact: true }).fill(to)
  const operations = await server.request<{ items: { day: string; type: string; count: number }[] }>(
    'GET',
    `/reports/operations?from=${from}&to=${to}`,
  )
  expect(operations.items.length).toBeGreaterThan(0)
  await expect(reports.table.locator('tbody tr')).toHaveCount(operations.items.length)
  await expect(reports.chart.locator('.recharts-bar-rectangle').first()).toBeVisible()
  const operationsFile = await reports.export()
  expect(operationsFile.name).toBe(`operations-${from}-${to}.csv`)
  const operationsCsv = readCsv(operationsFile.bytes)
  expect(operationsCsv.bom).toBe(true)
  expect(operationsCsv.rows[0]).toEqual(['День', 'Тип', 'Операций', 'Сумма'])
  expect(operationsCsv.rows).toHaveLength(operations.items.length + 1)
  const typeNames = new Set(operationsCsv.rows.slice(1).map((row) => row[1]))
  expect(
    [...typeNames].every((name) => ['Начисление', 'Списание', 'Бонус за покупку'].includes(name ?? '')),
  ).toBe(true)
  // A period that ends before it starts is said, not sent.
  await reports.panel.getByLabel('С', { exact: true }).fill(to)
  await reports.panel.getByLabel('По', { exact: true }).fill(from)
  await expect(reports.panel.getByRole('alert')).toHaveText('Начало периода позже его конца')
  await expect(reports.panel.getByTestId('report-export')).toBeDisabled()

  // Accounts per ladder step, for the ladder chosen.
  await reports.tab('Счета по ступеням').click()
  const ladder = reports.panel.getByLabel('Лестница')
  const chosen = (await ladder.locator('option:checked').textContent()) ?? ''
  const ladderId = Number(await ladder.inputValue())
  const steps = await server.request<{ items: { name: string; accounts: number }[] }>(
    'GET',
    `/reports/ladder_steps?ladder_id=${ladderId}`,
  )
  await expect(reports.table).toHaveAccessibleName(`Счета по ступеням: ${chosen}`)
  await expect(reports.table.locator('tbody tr')).toHaveCount(steps.items.length)
  const stepsFile = await reports.export()
  const stepsCsv = readCsv(stepsFile.bytes)
  expect(stepsCsv.bom).toBe(true)
  expect(stepsCsv.rows).toEqual([
    ['№', 'Ступень', 'Счетов'],
    ...steps.items.map((step, index) => [String(index + 1), step.name, String(step.accounts)]),
  ])
  expect(await seriousViolations(app)).toEqual([])
})
