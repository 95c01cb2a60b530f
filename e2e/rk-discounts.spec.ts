// The RK discount catalog: sort, filter and the usage pane by mouse and keyboard; an R-Keeper import previewed then
// confirmed (CSV chosen, JSON dropped); a bad file listed row by row with nothing imported; 10,000 discounts;
// no import for the roles that may not.
import { fileURLToPath } from 'node:url'
import type { RkDiscount } from '../src/shared/api'
import { expect, test } from './fixtures'
import { seriousViolations } from './pages/a11y'
import { signIn } from './pages/entity-list'
import { OtherWorkstation } from './pages/sandbox-api'
import { RkDiscountsPage } from './pages/rk-discounts-page'

async function catalog(other: OtherWorkstation): Promise<RkDiscount[]> {
  const items: RkDiscount[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await other.request<{ items: RkDiscount[]; total: number }>(
      'GET',
      `/rk_discounts/list?limit=500&offset=${offset}`,
    )
    items.push(...page.items)
    if (items.length >= page.total || page.items.length === 0) return items
  }
}

const R_KEEPER_CP1251 = fileURLToPath(
  new URL(
    '../src/renderer/src/features/rk-discounts/testdata/r-keeper-discounts-cp1251.csv',
    import.meta.url,
  ),
)

const ruDecimal = (value: number) => String(value).replace('.', ',')

/** A CSV as R-Keeper's Russian export writes it: ";" separated, decimal commas, да/нет. */
function russianCsv(
  rows: { rk_code: number; name: string; kind: string; value: number; active: boolean }[],
): string {
  const lines = rows.map(
    (row) =>
      `${row.rk_code};"${row.name.replace(/"/g, '""')}";${row.kind === 'percent' ? 'процент' : 'сумма'};` +
      `${ruDecimal(row.value)};${row.active ? 'да' : 'нет'}`,
  )
  return ['Код;Название;Тип;Размер;Активна', ...lines].join('\r\n')
}

test('the catalog sorts, filters and shows which ladders use a discount, by mouse and by keyboard', async ({
  app,
}) => {
  await signIn(app)
  const page = new RkDiscountsPage(app)
  await page.goto()
  await expect(page.table.count).toHaveText('42 строки')
  await expect(page.table.rows.first()).toContainText('101')

  // Sorted by code; one click turns it descending, and the header says so.
  await expect(page.table.header('Код')).toHaveAttribute('aria-sort', 'ascending')
  await page.table.header('Код').getByRole('button').click()
  await expect(page.table.header('Код')).toHaveAttribute('aria-sort', 'descending')
  const codes = (await page.table.columnTexts(0)).map(Number)
  expect(codes).toEqual([...codes].sort((a, b) => b - a))

  // The filter box (Ctrl+K) and the active switch narrow the table.
  await app.keyboard.press('Control+K')
  await expect(page.table.filter).toBeFocused()
  await app.keyboard.type('день рождения')
  await expect(page.table.rows).toHaveCount(2)
  await expect(page.table.count).toHaveText('Показано 2 из 42')
  await app.keyboard.press('Escape')
  await page.show('Неактивные').click()
  await expect(page.show('Неактивные')).toHaveAttribute('aria-pressed', 'true')
  await expect(page.table.rows).toHaveCount(4)
  for (const row of await page.table.rows.all()) await expect(row).toHaveClass(/is-inactive/)
  await page.show('Все').click()

  // Keyboard: into the grid, down the rows, Enter opens the usage pane, Esc closes it.
  await page.table.header('Код').getByRole('button').click()
  await expect(page.table.header('Код')).not.toHaveAttribute('aria-sort')
  await page.table.grid.focus()
  await app.keyboard.press('Home')
  for (let i = 0; i < 3; i++) await app.keyboard.press('ArrowDown')
  await app.keyboard.press('Enter')
  await expect(page.details).toContainText('Скидка 10%')
  await expect(app).toHaveURL(/#\/rk-discounts\/\d+$/)
  await expect(page.usage.getByRole('link')).toHaveText(['Гостевая', 'Завсегдатай', 'VIP за год'])
  await expect(page.usage).toContainText('ступень: Золото')
  await app.keyboard.press('Escape')
  await expect(page.details).toHaveCount(0)

  await page.table.open('Скидка 12,5%')
  await expect(page.usageNone).toHaveText('Не используется ни в одной лестнице')
  await page.table.open('Скидка 5%')
  await page.usage.getByRole('link', { name: 'Гостевая' }).click()
  await expect(app).toHaveURL(/#\/ladders\/\d+$/)
  await expect(app.getByTestId('ladder-editor')).toContainText('Гостевая')
})

test('an import shows what will be created, updated and deactivated, and changes nothing until confirmed', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const before = await catalog(other)
  const active = before.filter((discount) => discount.active)
  const dropped = active.find((discount) => discount.rk_code === 221)
  if (!dropped) throw new Error('The demo catalog has no discount 221')
  const file = russianCsv([
    ...active
      .filter((discount) => discount !== dropped)
      .map((discount) => (discount.rk_code === 105 ? { ...discount, value: 5.5 } : discount)),
    { rk_code: 9001, name: 'Гость шефа: десерт', kind: 'amount', value: 250.5, active: true },
  ])

  await signIn(app)
  const page = new RkDiscountsPage(app)
  await page.goto()
  const dialog = await page.openImport()
  await expect(dialog.chooseButton).toBeFocused()
  await dialog.load('discounts.csv', file)
  await expect(dialog.preview).toBeVisible()
  expect(await dialog.counts()).toEqual({
    created: 1,
    updated: 1,
    deactivated: 1,
    unchanged: active.length - 2,
  })
  await expect(dialog.preview).toContainText('Гость шефа: десерт')
  await expect(dialog.preview).toContainText('250,50 ₽')
  await expect(dialog.preview).toContainText('размер: 5 % → 5,5 %')
  await expect(dialog.preview).toContainText(dropped.name)
  // Nothing changed yet.
  expect(await catalog(other)).toEqual(before)

  await dialog.confirmButton.click()
  await expect(dialog.root).toBeHidden()
  await expect(app.getByTestId('toast').filter({ hasText: 'Импорт завершён' })).toContainText(
    'новых 1, изменено 1, деактивировано 1',
  )
  // The table is virtualized: find the rows through the filter.
  await page.table.filter.fill('Гость шефа: десерт')
  await expect(page.table.row('Гость шефа: десерт')).toContainText('250,50 ₽')
  await page.table.filter.fill(dropped.name)
  await expect(page.table.row(dropped.name)).toHaveClass(/is-inactive/)
  const after = await catalog(other)
  expect(after.find((discount) => discount.rk_code === 9001)).toMatchObject({ kind: 'amount', value: 250.5 })
  expect(after.find((discount) => discount.rk_code === 105)?.value).toBe(5.5)
  expect(after.find((discount) => discount.rk_code === 221)?.active).toBe(false)
})

test('a Windows-1251 export: the encoding is named, ladders losing a discount are warned of, "add and update only" deactivates nothing', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const before = await catalog(other)
  await signIn(app)
  const page = new RkDiscountsPage(app)
  await page.goto()
  const dialog = await page.openImport()
  // Eight discounts of the demo catalog, four renamed, as R-Keeper on a Russian Windows writes them.
  await dialog.loadFile(R_KEEPER_CP1251)
  await expect(dialog.encoding).toContainText('кодировка Windows-1251')
  await expect(dialog.preview).toContainText('Партнёр ТЦ «Ёлка» 7%')

  // A full sync would turn off discounts that ladder steps use: named with their ladders and steps.
  await expect(dialog.mode('Полная синхронизация')).toBeChecked()
  await expect(dialog.inUse).toContainText(
    '«Скидка 20%» (код 120) — нет в файле: «VIP за год», ступень «Бриллиант»',
  )
  expect((await dialog.counts()).deactivated).toBe(before.filter((d) => d.active).length - 7)

  await dialog.mode('Только добавить и обновить').check()
  await expect(dialog.inUse).toHaveCount(0)
  expect(await dialog.counts()).toMatchObject({ created: 0, updated: 4, deactivated: 0 })
  await dialog.confirmButton.click()
  await expect(app.getByTestId('toast').filter({ hasText: 'Импорт завершён' })).toContainText(
    'новых 0, изменено 4, деактивировано 0',
  )
  const after = await catalog(other)
  expect(after.filter((d) => d.active).map((d) => d.rk_code)).toEqual(
    before.filter((d) => d.active).map((d) => d.rk_code),
  )
  expect(after.find((d) => d.rk_code === 191)).toMatchObject({ name: 'Партнёр ТЦ «Ёлка» 7%', value: 7.5 })
})

test('a JSON export dropped on the dialog is previewed the same way', async ({ app, sandbox }) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const current = await catalog(other)
  const body = {
    discounts: current.map(({ rk_code, name, kind, value, active }) => ({
      rk_code,
      name,
      kind,
      value,
      active,
    })),
  }
  body.discounts.push({ rk_code: 9100, name: 'Сезонная', kind: 'percent', value: 12.5, active: true })
  await signIn(app)
  const page = new RkDiscountsPage(app)
  await page.goto()
  const dialog = await page.openImport()
  await dialog.drop('export.json', JSON.stringify(body))
  await expect(dialog.preview).toBeVisible()
  expect(await dialog.counts()).toEqual({ created: 1, updated: 0, deactivated: 0, unchanged: current.length })
  await dialog.confirmButton.click()
  await page.table.filter.fill('Сезонная')
  await expect(page.table.row('Сезонная')).toContainText('12,5 %')
})

test('a bad file lists every bad row with its field and reason, and nothing is imported', async ({
  app,
  sandbox,
}) => {
  const other = await OtherWorkstation.login(sandbox.url)
  const before = await catalog(other)
  await signIn(app)
  const page = new RkDiscountsPage(app)
  await page.goto()
  const dialog = await page.openImport()
  await dialog.load(
    'bad.csv',
    [
      'Код;Название;Тип;Размер;Активна',
      '101;Скидка 3%;процент;abc;да',
      ';Без кода;процент;5;да',
      '107;Скидка 7%;бонус;7;да',
      '110;Скидка 10%;процент;150;да',
      '101;Дубль;процент;3;да',
      '112;Скидка 12,5%;процент;12,5;да',
    ].join('\n'),
  )
  await expect(dialog.errorsTitle).toHaveText('В файле 5 ошибок. Ничего не импортировано.')
  expect(await dialog.errors()).toEqual([
    ['2', 'размер', '«abc» — не число'],
    ['3', 'код', 'не заполнено'],
    ['4', 'тип', '«бонус» — непонятный тип: ожидается процент или сумма'],
    ['5', 'размер', 'Не больше 100'],
    ['6', 'код', 'код 101 уже встречался в строке 2'],
  ])
  await expect(dialog.confirmButton).toHaveCount(0)

  // A file that is not an export at all is named as such.
  await dialog.load('broken.json', '{"discounts": [', 'application/json')
  await expect(dialog.fileError).toContainText('Файл не читается как JSON')
  await dialog.load('columns.csv', 'Название;Размер\nСкидка;5\n')
  await expect(dialog.fileError).toHaveText(
    'В первой строке не найдены столбцы: «код», «тип». Первая строка должна содержать заголовки',
  )
  await app.keyboard.press('Escape')
  await expect(dialog.root).toBeHidden()
  expect(await catalog(other)).toEqual(before)
})

test('10,000 discounts: only the visible rows are drawn, and sorting, filtering and End still work', async ({
  app,
  sandbox,
}) => {
  test.slow()
  const other = await OtherWorkstation.login(sandbox.url)
  const discounts = Array.from({ length: 10_000 }, (_, i) => ({
    rk_code: 100_000 + i,
    name: `Скидка партнёра №${i + 1}`,
    kind: i % 3 === 0 ? 'amount' : 'percent',
    value: i % 3 === 0 ? 100 + (i % 900) : 1 + (i % 50),
    active: i % 10 !== 0,
  }))
  await other.request('POST', '/rk_discounts/import', { discounts })
  const all = await catalog(other)
  const total = all.length
  const largest = all.reduce((top, discount) => (discount.value > top.value ? discount : top))
  const totalText = total.toLocaleString('ru-RU').replace(/\s/g, '\\s')

  await signIn(app)
  const page = new RkDiscountsPage(app)
  await page.goto()
  await expect(page.table.count).toHaveText(new RegExp(`^${totalText} строк`))
  expect(await page.table.rows.count()).toBeLessThan(80)

  await page.table.grid.focus()
  await app.keyboard.press('End')
  await expect(page.table.row('Скидка партнёра №10000')).toBeVisible()
  await expect(page.table.row('Скидка партнёра №10000')).toHaveClass(/is-active/)
  expect(await page.table.rows.count()).toBeLessThan(80)

  await page.table.header('Размер').getByRole('button').click()
  await page.table.header('Размер').getByRole('button').click()
  await expect(page.table.header('Размер')).toHaveAttribute('aria-sort', 'descending')
  await page.table.grid.focus()
  await app.keyboard.press('Home')
  await expect(page.table.rows.first()).toContainText(largest.name)

  await page.table.filter.fill('№9999')
  await expect(page.table.rows).toHaveCount(1)
  await expect(page.table.count).toHaveText(new RegExp(`^Показано 1 из ${totalText}$`))
})

for (const role of ['marketing', 'viewer'] as const) {
  test(`${role} sees the catalog and its usage but cannot import`, async ({ app }) => {
    await signIn(app, role)
    const page = new RkDiscountsPage(app)
    await page.goto()
    await expect(page.table.count).toHaveText('42 строки')
    await expect(page.importButton).toHaveCount(0)
    await page.table.open('Скидка 10%')
    await expect(page.usage.getByRole('link')).toHaveCount(3)
  })
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme })

    test('axe finds nothing serious: the table, the usage pane, the import dialog with errors and a preview', async ({
      app,
      sandbox,
    }) => {
      // Several axe passes: slow on a busy machine.
      test.slow()
      const other = await OtherWorkstation.login(sandbox.url)
      const active = (await catalog(other)).filter((discount) => discount.active)
      await signIn(app)
      const page = new RkDiscountsPage(app)
      await page.goto()
      await page.table.open('Скидка 10%')
      await expect(page.usage).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
      const dialog = await page.openImport()
      expect(await seriousViolations(app)).toEqual([])
      await dialog.load('bad.csv', 'Код;Название;Тип;Размер\n1;A;процент;abc\n')
      await expect(dialog.errorRows).toHaveCount(1)
      expect(await seriousViolations(app)).toEqual([])
      await dialog.load('good.csv', russianCsv([...active.slice(1), { ...active[0]!, value: 99 }]))
      await expect(dialog.preview).toBeVisible()
      expect(await seriousViolations(app)).toEqual([])
    })
  })
}
