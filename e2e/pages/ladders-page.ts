import { expect, type Locator, type Page } from '@playwright/test'
import { EntityEditorPanel } from './entity-editor'
import { DataGrid } from './entity-list'

/** The labels of a step's fields, in both languages. */
const LABELS = {
  name: /^(Название ступени|Step name)/,
  threshold: /^(Порог|Threshold)/,
  rk: /^(Скидка RK|RK discount)/,
  bonus: /^(Бонус, %|Bonus, %)/,
  maxPayment: /^(Оплата бонусами до|Pay with bonus up to)/,
}

/** One step of the ladder editor (a card in the steps list), by its place (0-based). */
export class LadderStepCard {
  readonly root: Locator
  readonly range: Locator
  readonly error: Locator
  readonly warnings: Locator

  constructor(
    readonly page: Page,
    editor: Locator,
    readonly index: number,
  ) {
    this.root = editor.getByTestId('ladder-step').nth(index)
    this.range = this.root.getByTestId('step-range')
    this.error = this.root.getByTestId('step-error')
    this.warnings = this.root.getByTestId('step-warning')
  }

  field(label: RegExp): Locator {
    return this.root.getByLabel(label)
  }

  get name(): Locator {
    return this.field(LABELS.name)
  }

  get threshold(): Locator {
    return this.field(LABELS.threshold)
  }

  get rkDiscount(): Locator {
    return this.root.getByRole('combobox', { name: LABELS.rk })
  }

  get bonus(): Locator {
    return this.field(LABELS.bonus)
  }

  get maxPayment(): Locator {
    return this.field(LABELS.maxPayment)
  }

  /** The message shown under one of this step's fields (`threshold`, `rk`, …). */
  fieldError(field: keyof typeof LABELS): Locator {
    return this.root
      .locator('.field')
      .filter({ has: this.page.getByLabel(LABELS[field]) })
      .locator('.field__error')
  }

  /** Types `query` into the RK discount picker and chooses the option that reads `option`. */
  async chooseRk(query: string, option: string | RegExp): Promise<void> {
    await this.rkDiscount.fill(query)
    await this.page.getByRole('option', { name: option }).click()
  }

  async fill(step: {
    name?: string
    threshold?: string
    rk?: { query: string; option: string | RegExp }
    bonus?: string
    maxPayment?: string
  }): Promise<void> {
    if (step.name !== undefined) await this.name.fill(step.name)
    if (step.threshold !== undefined) await this.threshold.fill(step.threshold)
    if (step.rk) await this.chooseRk(step.rk.query, step.rk.option)
    if (step.bonus !== undefined) await this.bonus.fill(step.bonus)
    if (step.maxPayment !== undefined) await this.maxPayment.fill(step.maxPayment)
  }
}

/** Ladders: the list with groups and guests per step, and the ladder editor. */
export class LaddersPage {
  readonly table: DataGrid
  readonly createButton: Locator
  readonly editor: EntityEditorPanel
  readonly newDrafts: Locator
  readonly addStepButton: Locator
  readonly duplicateButton: Locator
  readonly deleteBlocked: Locator

  constructor(readonly page: Page) {
    this.table = new DataGrid(page, 'ladders-table')
    this.createButton = page.getByTestId('ladder-create')
    this.editor = new EntityEditorPanel(page, 'ladder-editor')
    this.newDrafts = page.getByTestId('new-drafts')
    this.addStepButton = this.editor.root.getByTestId('ladder-add-step')
    this.duplicateButton = this.editor.root.getByTestId('ladder-duplicate')
    this.deleteBlocked = this.editor.root.getByTestId('delete-blocked')
  }

  async goto(): Promise<void> {
    await this.page.getByTestId('nav-ladders').click()
    await this.table.grid.waitFor()
  }

  async open(name: string): Promise<void> {
    await this.table.open(name)
    await this.editor.expectOpen()
  }

  step(index: number): LadderStepCard {
    return new LadderStepCard(this.page, this.editor.root, index)
  }

  get steps(): Locator {
    return this.editor.root.getByTestId('ladder-step')
  }

  get nameField(): Locator {
    return this.editor.field(/^(Название|Name)( \*)?$/)
  }

  get basisField(): Locator {
    return this.editor.field(/^(Накопление|Basis)/)
  }

  async expectSteps(count: number): Promise<void> {
    await expect(this.steps).toHaveCount(count)
  }
}
