import { expect, type Locator, type Page } from '@playwright/test'

/** The account card's panel of a level set by hand (features/step-override). */
export class StepOverridePanel {
  readonly root: Locator
  readonly summary: Locator

  constructor(readonly page: Page) {
    this.root = page.getByTestId('step-override')
    this.summary = this.root.getByTestId('step-override-summary')
  }

  /** Sets (or changes) it: the mode by its label, the step by its option text, until the end of the month. */
  async set(level: { mode: RegExp; step: string; reason: string; endOfMonth?: boolean }): Promise<void> {
    await this.root.getByRole('button', { name: /^(Задать вручную|Изменить)$/ }).click()
    await this.root.getByLabel(level.mode).check()
    await this.root.getByLabel(/^Ступень/).selectOption({ label: level.step })
    if (level.endOfMonth) await this.root.getByRole('button', { name: 'До конца месяца' }).click()
    await this.root.getByLabel(/^Причина/).fill(level.reason)
    await this.root.getByRole('button', { name: 'Сохранить' }).click()
    await expect(this.summary).toBeVisible()
  }

  async remove(): Promise<void> {
    await this.root.getByRole('button', { name: 'Снять' }).click()
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Снять' }).click()
    await expect(this.root.getByText('Не задан: ступень считается по накоплениям.')).toBeVisible()
  }
}
