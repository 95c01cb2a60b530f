// The sandbox server in its own process (tsx), as the HTTP benches run it: one core for the server, the other for
// the load or the client being measured.
import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface BenchServer {
  url: string
  stop(): Promise<void>
}

export async function startBenchServer(dbPath: string): Promise<BenchServer> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'server-child.ts'), dbPath],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  const url = await new Promise<string>((resolve, reject) => {
    let text = ''
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString()
      const found = /listening (\S+)/.exec(text)?.[1]
      if (found) resolve(found)
    })
    child.on('exit', (code) => reject(new Error(`bench server exited with ${code}`)))
  })
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}
