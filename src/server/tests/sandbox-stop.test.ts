import { request } from 'node:http'
import { afterEach, expect, it } from 'vitest'
import { startSandbox, type Sandbox } from '../testing'

let sandbox: Sandbox | null = null
afterEach(async () => {
  await sandbox?.dispose()
  sandbox = null
})

it('a test sandbox stops at once while a client is half-way through a request, and that client is cut off', async () => {
  sandbox = await startSandbox()
  // A request whose body is still coming: its connection is busy when the server stops (as a workstation's
  // kept-alive connection is when its next probe or re-read goes out just then).
  const pending = request(`${sandbox.apiUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': '100' },
  })
  const outcome = new Promise<string>((resolve) => {
    pending.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    pending.on('response', (response) => resolve(`answered ${response.statusCode}`))
  })
  pending.write('{"username":')
  await new Promise<void>((resolve) => pending.once('socket', (socket) => socket.once('connect', resolve)))
  // With the default close this waits for the body that never comes (the test then times out).
  await sandbox.stop()
  expect(await outcome).toBe('ECONNRESET')
})
