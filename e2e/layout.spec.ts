// Everything fits from 1024×700 up: every screen, with and without an editor open, a refused delete and the
// status bar, at the smallest supported window and at a common laptop's. Nothing scrolls sideways, no column
// title is cut, and the status bar's items (the language switch last) stay inside it.
import type { AccountGroup, IdentifierType } from '../src/shared/api'
import { expect, test } from './fixtures'
import { AccountGroupsPage } from './pages/account-groups-page'
import { AccountsPage } from './pages/accounts-page'
import { signIn } from './pages/entity-list'
import { IdentifierTypesPage } from './pages/identifier-types-page'
import { overflowFindings } from './pages/layout'
import { LoginPage } from './pages/login-page'
import { RkDiscountsPage } from './pages/rk-discounts-page'
import { OtherWorkstation } from './pages/sandbox-api'

for (const viewport of [
  { width: 1024, height: 700 },
  { width: 1366, height: 850 },
]) {
  test(`every screen fits at ${viewport.width}×${viewport.height}`, async ({ app, sandbox }) => {
    await app.setViewportSize(viewport)
    const findings: string[] = []
    const look = async (where: string) => {
      for (const finding of await overflowFindings(app)) findings.push(`${where}: ${finding}`)
    }
    await new LoginPage(app).expectVisible()
    await look('login')

    // A type that accounts use, so that its delete is refused.
    const other = await OtherWorkstation.login(sandbox.url)
    const types = await other.request<{ items: IdentifierType[] }>('GET', '/identifier_types/list')
    const card = types.items.find((type) => type.code === 'card')
    const groups = await other.request<{ items: AccountGroup[] }>('GET', '/account_groups/list')
    if (!card || !groups.items[0]) throw new Error('The demo seed has no card type or no group')
    await other.request('POST', '/accounts/create', {
      number: 'E2E-LAYOUT-1',
      group_id: groups.items[0].id,
      identifiers: [{ type_id: card.id, value: '7777000011112222' }],
    })

    const shell = await signIn(app)
    await shell.goTo('ladders')
    await app.getByRole('grid').getByRole('row').nth(1).click()
    await expect(app.getByTestId('ladder-editor')).toBeVisible()
    await look('ladders')

    const rk = new RkDiscountsPage(app)
    await rk.goto()
    await look('rk-discounts')
    await rk.table.rows.first().click()
    await expect(rk.details).toBeVisible()
    await look('rk-discounts, details')

    const groupsPage = new AccountGroupsPage(app)
    await groupsPage.goto()
    await look('account-groups')
    await groupsPage.createButton.click()
    await groupsPage.editor.expectOpen()
    await look('account-groups, new')
    await groupsPage.editor.closeButton.click()
    await groupsPage.table.rows.first().click()
    await groupsPage.editor.expectOpen()
    await look('account-groups, editor')

    const accountsPage = new AccountsPage(app)
    await accountsPage.goto()
    await look('accounts')
    await accountsPage.find('E2E-LAYOUT-1')
    await accountsPage.open('E2E-LAYOUT-1')
    await expect(accountsPage.step).toBeVisible()
    await look('accounts, card')

    const typesPage = new IdentifierTypesPage(app)
    await typesPage.goto()
    await look('identifier-types')
    await typesPage.open('card')
    await typesPage.editor.delete()
    await expect(typesPage.editor.deleteRefused).toBeVisible()
    await expect.soft(typesPage.editor.cancelDeleteButton).toBeInViewport({ ratio: 1 })
    await look('identifier-types, refused delete')

    await shell.languageSwitch.click()
    await expect(shell.languageSwitch).toHaveText(/RU/)
    await look('identifier-types, in English')
    await shell.goTo('ladders')
    await look('ladders, in English')
    await rk.goto()
    await look('rk-discounts, in English')

    expect(findings).toEqual([])
  })
}
