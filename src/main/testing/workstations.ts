// A test file's workstations: one sandbox server, and a signed-in core for each login over its own temp data dir,
// opened before the file's tests and closed after them (with the sandbox and the dirs).
import { afterAll, beforeAll } from 'vitest'
import { startSandbox, type Sandbox } from '@server/testing'
import { openCore, serverReader, tempDir, type TestCore } from './harness'

export type ServerReader = Awaited<ReturnType<typeof serverReader>>

/**
 * Registers the file's beforeAll / afterAll: `ready` gets the cores, in the order of `logins` (password `111`,
 * the demo users), and a reader of what the server holds.
 */
export function workstations(
  logins: readonly string[],
  ready: (cores: TestCore[], read: ServerReader) => void,
): void {
  let sandbox: Sandbox | null = null
  const cores: TestCore[] = []
  const dirs = logins.map(() => tempDir())
  beforeAll(async () => {
    const server = await startSandbox()
    sandbox = server
    for (const [index, username] of logins.entries()) {
      const core = await openCore({
        dataDir: dirs[index]!.path,
        defaultProfiles: [{ name: 'Песочница', baseUrl: server.url }],
      })
      cores.push(core)
      await core.ok('session:login', { username, password: '111' })
    }
    ready(cores, await serverReader(server.url))
  })
  afterAll(async () => {
    for (const core of cores) await core.close()
    await sandbox?.dispose()
    dirs.forEach((dir) => dir.remove())
  })
}
