import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listOf, type User, user as userSchema } from '@shared/api'
import { call, demoTokens, locsOf, login, startTestServer } from '../test-support'

// Users as ProBonus's web admin manages them, with the guards of API.md: the last active admin, no self-demotion,
// deactivation or deletion, and sessions ended at once by a password, role or active change.

let server: Awaited<ReturnType<typeof startTestServer>>
let api: string
let tokens: Awaited<ReturnType<typeof demoTokens>>

beforeAll(async () => {
  server = await startTestServer()
  api = server.apiUrl
  tokens = await demoTokens(api)
})
afterAll(() => server.close())

const asAdmin = (method: string, path: string, json?: unknown, token = tokens.admin) =>
  call(api, method, path, { token, json })
const parseUser = (body: unknown): User => userSchema.parse(body)
const me = async (token: string) => (await call(api, 'GET', '/auth/info', { token })).status

describe('users', () => {
  it('creates a user whose login is case-insensitive and in any script, who then logs in; name from the names', async () => {
    const created = await asAdmin('POST', '/users/create', {
      login: '  Мария Петрова ',
      password: 'abc',
      role: 'marketing',
      surname: 'Петрова',
      first_name: 'Мария',
      patronymic: null,
      email: 'maria@example.ru',
      comment: 'Маркетинг, Москва',
    })
    expect(created.status).toBe(201)
    const maria = parseUser(created.body)
    expect(maria).toMatchObject({
      login: 'Мария Петрова',
      name: 'Петрова Мария',
      role: 'marketing',
      active: true,
      version: 1,
      last_login_at: null,
      updated_by: 'admin',
    })
    const pair = await login(api, 'МАРИЯ ПЕТРОВА', 'abc')
    expect(await me(pair.access_token)).toBe(200)
    const again = parseUser((await asAdmin('GET', `/users/${maria.id}`)).body)
    expect(again.last_login_at).not.toBeNull()
    const taken = await asAdmin('POST', '/users/create', {
      login: 'мария петрова',
      password: 'xyz',
      role: 'viewer',
    })
    expect(taken.status).toBe(409)
    const short = await asAdmin('POST', '/users/create', {
      login: ' ',
      password: '12',
      role: 'viewer',
      email: 'x',
    })
    expect(locsOf(short)).toEqual([
      ['body', 'login'],
      ['body', 'email'],
      ['body', 'password'],
    ])
    // Anyone reads themselves, nobody else's record; only admin lists.
    expect((await call(api, 'GET', `/users/${maria.id}`, { token: pair.access_token })).status).toBe(200)
    expect((await call(api, 'GET', '/users/1', { token: pair.access_token })).status).toBe(403)
    expect((await call(api, 'GET', '/users/list', { token: pair.access_token })).status).toBe(403)
    const found = listOf(userSchema).parse((await asAdmin('GET', '/users/list?q=maria@&active=true')).body)
    expect(found.items.map((u) => u.id)).toEqual([maria.id])
  })

  it('a new password, a role change or deactivation ends that user’s sessions at once', async () => {
    const created = parseUser(
      (await asAdmin('POST', '/users/create', { login: 'кассир', password: 'pass1', role: 'viewer' })).body,
    )
    const edit = (version: number, change: Record<string, unknown>) =>
      asAdmin('PUT', `/users/${created.id}`, { login: 'кассир', role: 'viewer', version, ...change })
    let session = await login(api, 'кассир', 'pass1')
    expect((await edit(1, { comment: 'смена 2' })).status).toBe(200)
    expect(await me(session.access_token)).toBe(200) // a comment changes nothing for the session
    expect((await edit(2, { password: 'pass2' })).status).toBe(200)
    expect(await me(session.access_token)).toBe(401)
    expect(
      (await call(api, 'POST', '/auth/refresh_token', { json: { refresh_token: session.refresh_token } }))
        .status,
    ).toBe(401)
    session = await login(api, 'кассир', 'pass2')
    expect((await edit(3, { role: 'marketing' })).status).toBe(200)
    expect(await me(session.access_token)).toBe(401)
    session = await login(api, 'кассир', 'pass2')
    expect((await edit(4, { role: 'marketing', active: false })).status).toBe(200)
    expect(await me(session.access_token)).toBe(401)
    expect(
      (await call(api, 'POST', '/auth/login', { form: { username: 'кассир', password: 'pass2' } })).status,
    ).toBe(401)
    expect((await edit(4, { comment: 'устарело' })).status).toBe(409)
  })

  it('guards: nobody deletes, deactivates or demotes themselves; the last active admin stays', async () => {
    const admins = listOf(userSchema).parse((await asAdmin('GET', '/users/list?q=admin')).body)
    const adminId = admins.items.find((u) => u.login === 'admin')!.id
    const self = parseUser((await asAdmin('GET', `/users/${adminId}`)).body)
    const body = { login: self.login, role: self.role, first_name: self.first_name, version: self.version }
    expect((await asAdmin('PUT', `/users/${adminId}`, { ...body, role: 'viewer' })).status).toBe(409)
    expect((await asAdmin('PUT', `/users/${adminId}`, { ...body, active: false })).status).toBe(409)
    expect((await asAdmin('DELETE', `/users/${adminId}?version=${self.version}`)).status).toBe(409)

    const second = parseUser(
      (await asAdmin('POST', '/users/create', { login: 'второй админ', password: 'pass', role: 'admin' }))
        .body,
    )
    const secondToken = (await login(api, 'второй админ', 'pass')).access_token
    // Two active admins: the second may demote the first; then the second is the last one.
    expect(
      (await asAdmin('PUT', `/users/${adminId}`, { ...body, role: 'marketing' }, secondToken)).status,
    ).toBe(200)
    const lastAdmin = parseUser((await asAdmin('GET', `/users/${second.id}`, undefined, secondToken)).body)
    // The last active admin cannot be deleted by anyone (here: not by themselves, and no other admin is left).
    expect(
      (await asAdmin('DELETE', `/users/${second.id}?version=${lastAdmin.version}`, undefined, secondToken))
        .status,
    ).toBe(409)
    // Restore the demo admin for the other tests.
    const demoted = parseUser((await asAdmin('GET', `/users/${adminId}`, undefined, secondToken)).body)
    expect(
      (
        await asAdmin(
          'PUT',
          `/users/${adminId}`,
          { ...body, role: 'admin', version: demoted.version },
          secondToken,
        )
      ).status,
    ).toBe(200)
    tokens = await demoTokens(api)
    expect((await asAdmin('DELETE', `/users/${second.id}?version=${lastAdmin.version}`)).status).toBe(204)
    expect((await asAdmin('GET', `/users/${second.id}`)).status).toBe(404)
    expect(await me(secondToken)).toBe(401)
  })

  it('change my password: a wrong current one is 422 at its field; my other sessions end, this one goes on', async () => {
    await asAdmin('POST', '/users/create', { login: 'смена', password: 'old1', role: 'viewer' })
    const here = await login(api, 'смена', 'old1')
    const elsewhere = await login(api, 'смена', 'old1')
    const change = (json: unknown) =>
      call(api, 'POST', '/auth/change_password', { token: here.access_token, json })
    const wrong = await change({ current_password: 'nope', new_password: 'new1' })
    expect(wrong.status).toBe(422)
    expect(locsOf(wrong)).toEqual([['body', 'current_password']])
    expect(locsOf(await change({ current_password: 'old1', new_password: 'x' }))).toEqual([
      ['body', 'new_password'],
    ])
    expect((await change({ current_password: 'old1', new_password: 'new1' })).status).toBe(204)
    expect(await me(here.access_token)).toBe(200)
    expect(await me(elsewhere.access_token)).toBe(401)
    expect((await login(api, 'смена', 'new1')).access_token).toBeTruthy()
  })
})
