import { expect, type Locator, type Page } from '@playwright/test'

/** The editor of an entity in a screen's side pane (`EntityEditorFrame`): fields, state badge, actions. */
export class EntityEditorPanel {
  readonly root: Locator
  readonly title: Locator
  readonly badge: Locator
  readonly savedStatus: Locator
  readonly publishButton: Locator
  readonly deleteButton: Locator
  readonly discardButton: Locator
  readonly closeButton: Locator
  readonly readOnlyBanner: Locator
  readonly refused: Locator
  readonly deleteRefused: Locator
  readonly deletePending: Locator
  readonly cancelDeleteButton: Locator
  readonly resolveButton: Locator

  constructor(
    readonly page: Page,
    testId: string,
  ) {
    this.root = page.getByTestId(testId)
    this.title = this.root.locator('.editor__title')
    this.badge = this.root.locator('.editor__header [data-draft-state]')
    this.savedStatus = this.root.locator('.editor__saved')
    this.publishButton = this.root.getByTestId('editor-publish')
    this.deleteButton = this.root.getByRole('button', { name: /^(Удалить|Delete)$/ })
    this.discardButton = this.root.getByRole('button', { name: /^(Отменить правки|Discard changes)$/ })
    this.closeButton = this.root.getByRole('button', { name: /^(Закрыть редактор|Close the editor)/ })
    this.readOnlyBanner = this.root.getByText(/доступен только для просмотра|is read-only for you/)
    this.refused = this.root.getByTestId('editor-refused')
    this.deleteRefused = this.root.getByTestId('delete-refused')
    this.deletePending = this.root.getByTestId('delete-pending')
    this.cancelDeleteButton = this.root.getByRole('button', {
      name: /^(Отменить удаление|Cancel the delete)$/,
    })
    this.resolveButton = this.root.getByRole('button', { name: /^(Разобрать конфликт|Resolve conflict)$/ })
  }

  /** A field by its label (the label's text without the required star). */
  field(label: string | RegExp): Locator {
    return this.root.getByLabel(label, { exact: typeof label === 'string' })
  }

  /** The message shown at a field (`role="alert"` under it). */
  fieldError(label: string | RegExp): Locator {
    const control = this.page.getByLabel(label, { exact: typeof label === 'string' })
    return this.root.locator('.field').filter({ has: control }).locator('.field__error')
  }

  async expectOpen(title?: string | RegExp): Promise<void> {
    await expect(this.root).toBeVisible()
    if (title !== undefined) await expect(this.title).toHaveText(title)
  }

  /** Waits until the autosave has stored the draft in main. */
  async expectDraftSaved(): Promise<void> {
    await expect(this.savedStatus).toContainText(/Черновик сохранён|Draft saved/)
    await expect(this.badge).toHaveAttribute('data-draft-state', 'draft')
  }

  async publish(): Promise<void> {
    await this.publishButton.click()
  }

  /** Delete, then confirm in the alert dialog. */
  async delete(): Promise<void> {
    await this.deleteButton.click()
    const confirm = this.page.getByRole('alertdialog')
    await confirm.getByRole('button', { name: /^(Удалить|Delete)$/ }).click()
    await expect(confirm).toBeHidden()
  }
}
