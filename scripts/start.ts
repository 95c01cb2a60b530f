// `npm start`: build if needed, start the sandbox server (unless PROBONUS_URL names a server), then open the
// desktop window — or, where the Electron runtime is missing or cannot show a window, the browser host, printing
// the URL to open. Ctrl+C stops everything it started.
// `npm run dev`: the same with hot reload (electron-vite dev, or the browser host with Vite's dev server).
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ensureLaunchProfile, SANDBOX_PROFILE_NAME } from '../src/main/electron/launch-config'
import type { Core } from '../src/main/core'
import type { BrowserHost } from '../src/web/host'
import { startChild, stopChild, type Child } from './launch/children'
import {
  buildIsStale,
  ELECTRON_INSTALL_SCRIPT,
  electronBinary,
  noDisplayReason,
  prepareDataDir,
  ROOT,
  userDataDir,
} from './launch/environment'
import { DEFAULT_SANDBOX_PORT, startSandboxServer } from './launch/sandbox'

const development = process.argv.includes('--dev')
const ELECTRON_VITE = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
/** The runtime download on a first start: long enough for ~100 MB on an ordinary line, short enough not to hang. */
const INSTALL_TIMEOUT_MS = 180_000
/** Electron failing this soon after launch means the window never came up: fall back to the browser. */
const EARLY_EXIT_MS = 15_000

/** The server the app gets a ready, selected profile for (the sandbox, or PROBONUS_URL). */
interface LaunchServer {
  url: string
  profileName: string
}

const children = new Set<Child>()
let host: BrowserHost | null = null
let core: Core | null = null
let stopping = false

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

async function stopAll(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true
    await host?.close().catch(() => undefined)
    await core?.close().catch(() => undefined)
    await Promise.all([...children].map((child) => stopChild(child)))
  }
  process.exit(exitCode)
}

for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
  ['SIGHUP', 129],
] as const) {
  process.on(signal, () => {
    if (!stopping) say('\nStopping…')
    void stopAll(code)
  })
}

function buildIfNeeded(): void {
  if (development || !buildIsStale()) return
  say('Building the app (electron-vite build)…')
  const result = spawnSync(process.execPath, [ELECTRON_VITE, 'build'], { cwd: ROOT, encoding: 'utf8' })
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}\nThe build failed (see above).\n`)
    process.exit(1)
  }
}

/** Runs electron's own install script (it downloads the runtime); says so only when it takes a while. */
async function installElectronRuntime(): Promise<string> {
  const install = startChild('The Electron download', process.execPath, [ELECTRON_INSTALL_SCRIPT], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  children.add(install)
  let stderr = ''
  install.process.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const notice = setTimeout(() => say('Downloading the Electron runtime (once, about 100 MB)…'), 3000)
  const timeout = setTimeout(() => void stopChild(install), INSTALL_TIMEOUT_MS)
  const code = await install.exited
  clearTimeout(notice)
  clearTimeout(timeout)
  children.delete(install)
  if (code === 0) return ''
  const firstLine = stderr.split('\n').find((line) => line.trim()) ?? ''
  return firstLine.replace(/^\w*Error:\s*/, '').trim() || `the download stopped (exit code ${code})`
}

/** The Electron executable, downloading the runtime once when it is missing; or why there is none. */
async function findElectron(): Promise<{ binary: string } | { problem: string }> {
  let binary = electronBinary()
  if (!binary) {
    const why = await installElectronRuntime()
    binary = electronBinary()
    if (!binary) {
      return {
        problem:
          `The Electron runtime is not installed and its download failed (${why.slice(0, 120) || 'no details'}); ` +
          'to get the desktop window run `node node_modules/electron/install.js`. Opening the browser version instead.',
      }
    }
  }
  const noDisplay = noDisplayReason()
  if (noDisplay)
    return { problem: `No desktop window here: ${noDisplay}. Opening the browser version instead.` }
  return { binary }
}

async function startBrowser(dataDir: string, server: LaunchServer): Promise<void> {
  const { createCore, MemorySecretStore } = await import('../src/main/core')
  const { startBrowserHost } = await import('../src/web/host')
  const dev = development ? (await import('../src/web/dev')).viteDevRenderer : undefined
  const profile = { name: server.profileName, baseUrl: server.url }
  const log = (message: string, error?: unknown): void => {
    process.stderr.write(
      `${message}${error ? `: ${error instanceof Error ? error.message : String(error)}` : ''}\n`,
    )
  }
  core = await createCore({
    dataDir: join(dataDir, 'browser-host'),
    secretStore: new MemorySecretStore(),
    defaultProfiles: [profile],
    log,
  })
  await ensureLaunchProfile(core.registry, profile, { select: true, log })
  host = await startBrowserHost({
    core,
    port: Number(process.env.PROBONUS_HOST_PORT ?? 0) || 0,
    log,
    ...(dev ? { dev } : {}),
  })
  say(`ProBonus Admin is ready in your browser: open ${host.urlWithKey}`)
  say('(the link holds a key made for this launch; Ctrl+C stops everything)')
}

async function main(): Promise<void> {
  const dataDir = userDataDir()
  prepareDataDir(dataDir)
  buildIfNeeded()

  let server: LaunchServer
  const configured = process.env.PROBONUS_URL?.trim()
  if (configured) {
    const name = process.env.PROBONUS_PROFILE_NAME?.trim() || `ProBonus (${new URL(configured).host})`
    server = { url: configured, profileName: name }
    say(`Using the ProBonus server ${configured} (PROBONUS_URL); no sandbox started.`)
  } else {
    const dbPath = join(dataDir, 'sandbox.db')
    const sandbox = await startSandboxServer({
      dataDir,
      dbPath,
      port: Number(process.env.PROBONUS_SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT),
      note: say,
    })
    if (sandbox.child) {
      children.add(sandbox.child)
      void sandbox.child.exited.then((code) => {
        if (!stopping) say(`The sandbox server stopped (exit code ${code}); the app will show it as offline.`)
      })
    }
    server = { url: sandbox.url, profileName: SANDBOX_PROFILE_NAME }
    say(`Sandbox server ${sandbox.url} (database ${sandbox.dbPath}; log in as admin / 111).`)
  }

  const electron = await findElectron()
  if (stopping) return
  if ('problem' in electron) {
    say(electron.problem)
    await startBrowser(dataDir, server)
    return
  }

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PROBONUS_URL: server.url,
    PROBONUS_PROFILE_NAME: server.profileName,
  }
  delete env.ELECTRON_RUN_AS_NODE
  const app = development
    ? startChild('electron-vite dev', process.execPath, [ELECTRON_VITE, 'dev'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      })
    : startChild('Electron', electron.binary, ['.'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      })
  children.add(app)
  say('Opening the ProBonus Admin window… (Ctrl+C stops everything)')
  const launchedAt = Date.now()
  const code = await app.exited
  children.delete(app)
  if (stopping) return
  if (code !== 0 && Date.now() - launchedAt < EARLY_EXIT_MS) {
    say(
      `The desktop window could not start (Electron exited with code ${code}). Opening the browser version instead.`,
    )
    await startBrowser(dataDir, server)
    return
  }
  await stopAll(code)
}

main().catch(async (error: unknown) => {
  process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`)
  await stopAll(1)
})
