// A conflict between this app and another workstation, resolved in the side-by-side view: take theirs, keep
// mine, and a per-field merge — each checked on the server.
import type { AccountGroup } from '../src/shared/api'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { connectToHost } from './pages/host-ipc'
import { signIn } from './pages/login-page'
import { OtherWorkstation } from './pages/sandbox-api'
import { ShellPage } from './pages/shell-page'

/**
 * This app edits group «id» (name and description) and publishes; meanwhile the other workstation changed the
 * description and switched the group off. The publish becomes a conflict. Returns the group as it was.
 */
async function makeConflict(
  app: Page,
  serverUrl: string,
): Promise<{ other: OtherWorkstation; base: AccountGroup }> {
  const other = await OtherWorkstation.login(serverUrl)
  const groups = await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list')
  const base = groups.items[0]
  if (!base) throw new Error('The demo seed has no account group')
  const ipc = await connectToHost(app)
  try {
    // The app caches the group first, so the draft is based on the current version.
    expect((await ipc.invoke('account-groups:list', { refresh: true })).ok).toBe(true)
    const saved = await ipc.invoke('drafts:save', {
      entity: 'account_group',
      entity_id: base.id,
      payload: {
        name: `${base.name} (моё)`,
        description: 'Описание из приложения',
        ladder_id: base.ladder_id,
        active: true,
      },
    })
    if (!saved.ok) throw new Error(saved.error.message)
    await other.request('PUT', `/account_groups/${base.id}`, {
      name: base.name,
      description: 'Описание коллеги',
      ladder_id: base.ladder_id,
      active: false,
      version: base.version,
    })
    const published = await ipc.invoke('drafts:publish', { id: saved.data.id })
    if (!published.ok) throw new Error(published.error.message)
  } finally {
    ipc.close()
  }
  return { other, base }
}

async function openConflict(app: Page): Promise<void> {
  const shell = new ShellPage(app)
  await expect(shell.statusConflicts).toHaveText('Конфликты: 1')
  await shell.statusConflicts.click()
  const panel = app.getByRole('dialog', { name: 'Черновики и синхронизация' })
  await expect(panel.getByTestId('draft-row')).toContainText('конфликт')
  await panel.getByRole('button', { name: 'Разобрать конфликт' }).click()
  await expect(app.getByTestId('conflict-view')).toBeVisible()
}

test.beforeEach(async ({ app }) => {
  await signIn(app)
})

test('take theirs: my edit is dropped and the server keeps the colleague’s version', async ({
  app,
  sandbox,
}) => {
  const { other, base } = await makeConflict(app, sandbox.url)
  await openConflict(app)
  const view = app.getByTestId('conflict-view')
  const description = view.getByRole('row', { name: /^Описание/ })
  await expect(description).toContainText('Описание из приложения')
  await expect(description).toContainText('Описание коллеги')
  await view.getByTestId('conflict-take-theirs').click()
  await expect(view).toBeHidden()
  await expect(new ShellPage(app).statusConflicts).toHaveText('Конфликты: 0')
  // Focus goes back to the drafts panel (its row is gone), so Esc still closes it.
  const panel = app.getByRole('dialog', { name: 'Черновики и синхронизация' })
  await expect(panel).toBeFocused()
  await app.keyboard.press('Escape')
  await expect(panel).toBeHidden()
  const now = await other.request<AccountGroup>('GET', `/account_groups/${base.id}`)
  expect(now).toMatchObject({ name: base.name, description: 'Описание коллеги', active: false })
})

test('keep mine: my changes are sent on top of the colleague’s version, theirs stay', async ({
  app,
  sandbox,
}) => {
  const { other, base } = await makeConflict(app, sandbox.url)
  await openConflict(app)
  await app.getByTestId('conflict-keep-mine').click()
  await expect(app.getByTestId('conflict-view')).toBeHidden()
  await expect
    .poll(() => other.request<AccountGroup>('GET', `/account_groups/${base.id}`).then((g) => g.name))
    .toBe(`${base.name} (моё)`)
  const now = await other.request<AccountGroup>('GET', `/account_groups/${base.id}`)
  // The description both changed: mine. The switch only the colleague changed: theirs, not my stale copy.
  expect(now).toMatchObject({ description: 'Описание из приложения', active: false })
  await expect(new ShellPage(app).statusConflicts).toHaveText('Конфликты: 0')
})

test('per field: my name, the colleague’s description and switch', async ({ app, sandbox }) => {
  const { other, base } = await makeConflict(app, sandbox.url)
  await openConflict(app)
  const view = app.getByTestId('conflict-view')
  // The three-way defaults: the name only I changed, «active» only they did; the description both did.
  await expect(view.getByRole('radiogroup', { name: /«Название»/ }).getByLabel('моё')).toBeChecked()
  await expect(view.getByRole('radiogroup', { name: /«Активна»/ }).getByLabel('с сервера')).toBeChecked()
  await view
    .getByRole('radiogroup', { name: /«Описание»/ })
    .getByLabel('с сервера')
    .check()
  await view.getByTestId('conflict-apply').click()
  await expect(view).toBeHidden()
  await expect
    .poll(() => other.request<AccountGroup>('GET', `/account_groups/${base.id}`).then((g) => g.name))
    .toBe(`${base.name} (моё)`)
  const now = await other.request<AccountGroup>('GET', `/account_groups/${base.id}`)
  expect(now).toMatchObject({ description: 'Описание коллеги', active: false })
})
