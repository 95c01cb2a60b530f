// Child processes `npm start` owns: each in its own process group (POSIX) so Ctrl+C in the terminal reaches only
// us, and stopping one stops everything it started (no orphans).
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process'

const isWindows = process.platform === 'win32'

export interface Child {
  name: string
  process: ChildProcess
  /** Resolves with the exit code (signal → 128 + n style code, or 1). */
  exited: Promise<number>
}

export function startChild(name: string, command: string, args: string[], options: SpawnOptions = {}): Child {
  const child = spawn(command, args, { ...options, detached: !isWindows, windowsHide: true })
  const exited = new Promise<number>((resolve) => {
    child.once('error', () => resolve(1))
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)))
  })
  return { name, process: child, exited }
}

function signalNumber(signal: NodeJS.Signals): number {
  return signal === 'SIGINT' ? 2 : signal === 'SIGKILL' ? 9 : signal === 'SIGHUP' ? 1 : 15
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return
  try {
    if (isWindows) spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F'], { stdio: 'ignore' })
    else process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

/** SIGTERM to the child's whole group, SIGKILL after `graceMs` if it is still there. */
export async function stopChild(child: Child, graceMs = 5000): Promise<void> {
  signalGroup(child.process, 'SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), graceMs)
  })
  const result = await Promise.race([child.exited, timeout])
  clearTimeout(timer)
  if (result === 'timeout') {
    signalGroup(child.process, 'SIGKILL')
    await child.exited
  }
}

/**
 * Waits until the child prints a line matching `pattern` (on stdout or stderr) and returns the match; rejects
 * with everything it printed when it exits first or `timeoutMs` passes.
 */
export function waitForLine(child: Child, pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let output = ''
    let settled = false
    const finish = (error: Error | null, match?: RegExpMatchArray): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      child.process.stdout?.off('data', onData)
      child.process.stderr?.off('data', onData)
      if (error) reject(error)
      else resolve(match as RegExpMatchArray)
    }
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      const match = output.match(pattern)
      if (match) finish(null, match)
    }
    const timer = setTimeout(
      () => finish(new Error(`${child.name} did not start within ${timeoutMs / 1000} s:\n${output.trim()}`)),
      timeoutMs,
    )
    child.process.stdout?.on('data', onData)
    child.process.stderr?.on('data', onData)
    void child.exited.then((code) =>
      finish(new Error(`${child.name} exited with code ${code}:\n${output.trim()}`)),
    )
  })
}
