// Where things are for `npm start`: the user's data directory, the Electron runtime, whether the build is stale.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { homedir } from 'node:os'
import { join, resolve } from 'node:path'

export const ROOT = resolve(import.meta.dirname, '..', '..')

/** `$XDG_DATA_HOME/probonus-admin` (Linux), `%APPDATA%\probonus-admin` (Windows), Application Support (macOS). */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32')
    return join(env.APPDATA || join(homedir(), 'AppData', 'Roaming'), 'probonus-admin')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'probonus-admin')
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'probonus-admin')
}

/**
 * Creates the data dir for this user only (0700): it holds the sandbox's database with its signing secret and the
 * launch record. A dir left readable by an earlier version is closed too. (Windows: the profile's ACLs apply.)
 */
export function prepareDataDir(dir: string, platform = process.platform): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  if (platform !== 'win32') chmodSync(dir, 0o700)
}

const ELECTRON_DIR = join(ROOT, 'node_modules', 'electron')
export const ELECTRON_INSTALL_SCRIPT = join(ELECTRON_DIR, 'install.js')

/** The Electron executable when its runtime is installed (electron 45 downloads it on demand, not on install). */
export function electronBinary(env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = join(ELECTRON_DIR, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : join(ELECTRON_DIR, 'dist', relative)
  return relative && existsSync(binary) ? binary : null
}

/** Why a desktop window cannot open here, or null. */
export function noDisplayReason(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string | null {
  if (platform !== 'linux') return null
  return env.DISPLAY || env.WAYLAND_DISPLAY
    ? null
    : 'there is no display (DISPLAY and WAYLAND_DISPLAY are unset)'
}

const BUILD_INPUTS = [
  'src/main',
  'src/preload',
  'src/renderer',
  'src/shared',
  'electron.vite.config.ts',
  'package.json',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.web.json',
]
const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html']

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stats = statSync(path)
  if (!stats.isDirectory()) return /\.test\.tsx?$/.test(path) ? 0 : stats.mtimeMs
  let newest = 0
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)))
  return newest
}

/** True when out/ is missing or older than any source the build reads (tests excluded). */
export function buildIsStale(root = ROOT): boolean {
  const outputs = BUILD_OUTPUTS.map((path) => join(root, path))
  if (!outputs.every((path) => existsSync(path))) return true
  const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs))
  const newestInput = Math.max(...BUILD_INPUTS.map((path) => newestMtime(join(root, path))))
  return newestInput > oldestOutput
}
