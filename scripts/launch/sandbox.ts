// The sandbox server `npm start` runs as a child process, with its database in the user's data directory.
// A sandbox already running is reused only when it proves it is the one started from this data dir (it signs a
// fresh nonce with the token recorded 0600 next to the database); anything else answering on the port is not
// trusted with the admin's login: we start our own, on a free port if need be.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { isLaunchProof, LAUNCH_PROOF_PATH, LAUNCH_TOKEN_ENV } from '../../src/server/launch-proof'
import { startChild, stopChild, waitForLine, type Child } from './children'
import { ROOT } from './environment'

/** A fixed port keeps the «Локальная песочница» profile (created on the first start) valid on later starts. */
export const DEFAULT_SANDBOX_PORT = 8777
const LISTENING = /ProBonus sandbox listening on (http:\/\/\S+)/
/** In the data dir: the sandbox we started last (its address, database and token). */
export const LAUNCH_RECORD_FILE = 'sandbox-launch.json'

const launchRecord = z.object({ url: z.string(), dbPath: z.string(), token: z.string().min(32) })
type LaunchRecord = z.infer<typeof launchRecord>

export interface RunningSandbox {
  url: string
  /** The database that sandbox uses. */
  dbPath: string
  /** Null when the already running sandbox started from this data dir is reused (it is not ours to stop). */
  child: Child | null
}

function readRecord(dataDir: string): LaunchRecord | null {
  try {
    return launchRecord.parse(JSON.parse(readFileSync(join(dataDir, LAUNCH_RECORD_FILE), 'utf8')))
  } catch {
    return null
  }
}

/** True only when the server at `record.url` signs a fresh nonce with the recorded token. */
export async function provesLaunch(record: LaunchRecord): Promise<boolean> {
  const nonce = randomBytes(24).toString('base64url')
  try {
    const response = await fetch(`${record.url}${LAUNCH_PROOF_PATH}?nonce=${nonce}`, {
      signal: AbortSignal.timeout(2000),
      redirect: 'error',
    })
    const body = (await response.json()) as { proof?: unknown }
    return response.ok && isLaunchProof(record.token, nonce, body.proof)
  } catch {
    return false
  }
}

/** Whether 127.0.0.1:port can be listened on now (saves starting a server that would find it taken). */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

function spawnSandbox(dbPath: string, port: number, token: string): Child {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const args = [tsx, 'src/server/cli.ts', '--host', '127.0.0.1', '--port', String(port), '--db', dbPath]
  return startChild('The sandbox server', process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, [LAUNCH_TOKEN_ENV]: token },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export async function startSandboxServer(options: {
  /** The user's data dir (0700): the launch record lives there. */
  dataDir: string
  dbPath: string
  port: number
  note: (line: string) => void
}): Promise<RunningSandbox> {
  const previous = readRecord(options.dataDir)
  if (previous && (await provesLaunch(previous))) {
    options.note(
      `The ProBonus sandbox started earlier from this data directory runs on ${previous.url}: using it.`,
    )
    return { url: previous.url, dbPath: previous.dbPath, child: null }
  }
  const token = randomBytes(32).toString('base64url')
  const portTaken = (): void =>
    options.note(
      `Port ${options.port} is taken by another program: the sandbox uses a free port this time ` +
        '(the «Локальная песочница» profile follows it).',
    )
  let port = options.port
  if (port !== 0 && !(await portIsFree(port))) {
    portTaken()
    port = 0
  }
  let child = spawnSandbox(options.dbPath, port, token)
  let match: RegExpMatchArray
  try {
    match = await waitForLine(child, LISTENING, 60_000)
  } catch (error) {
    await stopChild(child)
    if (port === 0 || !/EADDRINUSE|address already in use/i.test(String(error))) throw error
    portTaken()
    child = spawnSandbox(options.dbPath, 0, token)
    match = await waitForLine(child, LISTENING, 60_000)
  }
  // Keep draining its output so it never blocks on a full pipe; errors still reach the terminal.
  child.process.stdout?.resume()
  child.process.stderr?.pipe(process.stderr)
  const url = match[1] as string
  await writeFileAtomic(
    join(options.dataDir, LAUNCH_RECORD_FILE),
    JSON.stringify({ url, dbPath: options.dbPath, token }),
    {
      mode: 0o600,
    },
  )
  return { url, dbPath: options.dbPath, child }
}
