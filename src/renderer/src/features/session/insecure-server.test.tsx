// @vitest-environment happy-dom
// A server profile with a plain http:// address of another computer: the profile dialog warns, and the login form
// asks before the password goes out (main is stood in for: what matters is whether the login is sent at all).
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Profile } from '@shared/ipc'
import { installFakeBridge } from '../../testing/fake-bridge'
import { renderUi } from '../../testing/render'
import { LoginForm } from './LoginForm'
import { ProfileDialog } from './ProfileDialog'

afterEach(cleanup)

function profileAt(baseUrl: string): Profile {
  return { id: 'p1', name: 'Офис', base_url: baseUrl, last_login: null }
}

function fakeMain() {
  return installFakeBridge({
    'session:login': () => ({ ok: false, error: { code: 'unauthorized', message: 'Wrong password' } }),
  })
}

async function submitLogin(): Promise<void> {
  fireEvent.change(screen.getByLabelText(/Логин/), { target: { value: 'admin' } })
  fireEvent.change(screen.getByLabelText(/Пароль/), { target: { value: 'secret' } })
  fireEvent.click(screen.getByRole('button', { name: 'Войти' }))
}

describe('logging in to a server over plain http', () => {
  it('asks first when the server is another computer, and sends only after the user agrees', async () => {
    const main = fakeMain()
    await renderUi(<LoginForm profile={profileAt('http://192.168.1.10:8777')} />)
    await submitLogin()
    expect(await screen.findByTestId('login-insecure')).toHaveProperty(
      'textContent',
      expect.stringContaining('http://192.168.1.10:8777'),
    )
    expect(main.calls.filter((call) => call.channel === 'session:login')).toEqual([])

    fireEvent.click(screen.getByRole('button', { name: 'Отправить без шифрования' }))
    await waitFor(() =>
      expect(main.calls.filter((call) => call.channel === 'session:login')).toEqual([
        { channel: 'session:login', input: { username: 'admin', password: 'secret' } },
      ]),
    )
  })

  it('does not ask for https or for this computer', async () => {
    for (const url of ['https://probonus.example', 'http://127.0.0.1:8777']) {
      const main = fakeMain()
      await renderUi(<LoginForm profile={profileAt(url)} />)
      await submitLogin()
      await waitFor(() => expect(main.calls.some((call) => call.channel === 'session:login')).toBe(true))
      expect(screen.queryByTestId('login-insecure')).toBeNull()
      cleanup()
    }
  })
})

describe('the profile dialog', () => {
  it('warns while the address is plain http to another computer', async () => {
    installFakeBridge({})
    await renderUi(<ProfileDialog open profile={null} onClose={() => {}} />)
    const address = screen.getByLabelText(/Адрес сервера/)
    fireEvent.change(address, { target: { value: 'http://10.0.0.5:8777' } })
    expect(await screen.findByTestId('profile-insecure')).toBeTruthy()
    fireEvent.change(address, { target: { value: 'https://10.0.0.5:8777' } })
    await waitFor(() => expect(screen.queryByTestId('profile-insecure')).toBeNull())
    fireEvent.change(address, { target: { value: 'http://localhost:8777' } })
    await waitFor(() => expect(screen.queryByTestId('profile-insecure')).toBeNull())
  })
})
