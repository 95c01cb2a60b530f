// The sandbox server `npm start` runs as a child process, with its database in the user's data directory.
import { join } from 'node:path'
import { startChild, stopChild, waitForLine, type Child } from './children'
import { ROOT } from './environment'

/** A fixed port keeps the «Локальная песочница» profile (created on the first start) valid on later starts. */
export const DEFAULT_SANDBOX_PORT = 8777
const LISTENING = /ProBonus sandbox listening on (http:\/\/\S+)/

export interface RunningSandbox {
  url: string
  /** Null when an already running sandbox on the port is reused (it is not ours to stop). */
  child: Child | null
}

async function isSandboxAt(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/v0/health`, { signal: AbortSignal.timeout(2000) })
    const body = (await response.json()) as { status?: unknown }
    return response.ok && body.status === 'ok'
  } catch {
    return false
  }
}

function spawnSandbox(dbPath: string, port: number): Child {
  const tsx = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs')
  const args = [tsx, 'src/server/cli.ts', '--host', '127.0.0.1', '--port', String(port), '--db', dbPath]
  return startChild('The sandbox server', process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
}

export async function startSandboxServer(options: {
  dbPath: string
  port: number
  note: (line: string) => void
}): Promise<RunningSandbox> {
  const preferred = `http://127.0.0.1:${options.port}`
  if (options.port !== 0 && (await isSandboxAt(preferred))) {
    options.note(`A ProBonus sandbox already answers on ${preferred}: using it.`)
    return { url: preferred, child: null }
  }
  let child = spawnSandbox(options.dbPath, options.port)
  let match: RegExpMatchArray
  try {
    match = await waitForLine(child, LISTENING, 60_000)
  } catch (error) {
    await stopChild(child)
    if (options.port === 0 || !/EADDRINUSE|address already in use/i.test(String(error))) throw error
    options.note(
      `Port ${options.port} is taken by another program: the sandbox uses a free port this time ` +
        '(a «Локальная песочница» profile made on an earlier start may need its address edited).',
    )
    child = spawnSandbox(options.dbPath, 0)
    match = await waitForLine(child, LISTENING, 60_000)
  }
  // Keep draining its output so it never blocks on a full pipe; errors still reach the terminal.
  child.process.stdout?.resume()
  child.process.stderr?.pipe(process.stderr)
  return { url: match[1] as string, child }
}
