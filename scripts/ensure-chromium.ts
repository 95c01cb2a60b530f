// Makes sure e2e tests have a Chromium: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own.
// When none is found it fetches one and says so in one line; when that fails it stops with one line saying how.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { findChromium } from './chromium'

function playwrightBrowserPresent(): boolean {
  try {
    return existsSync(chromium.executablePath())
  } catch {
    return false
  }
}

function isDebianRoot(): boolean {
  return (
    process.getuid?.() === 0 &&
    existsSync('/etc/debian_version') &&
    readFileSync('/etc/os-release', 'utf8').length > 0
  )
}

function run(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] }).status === 0
}

if (findChromium() || playwrightBrowserPresent()) process.exit(0)

if (isDebianRoot()) {
  console.log("No Chromium found: installing Debian's chromium with apt-get…")
  if (
    run('apt-get', ['update', '-qq']) &&
    run('apt-get', ['install', '-y', '-qq', 'chromium']) &&
    findChromium()
  )
    process.exit(0)
} else {
  console.log("No Chromium found: downloading Playwright's Chromium (npx playwright install chromium)…")
  if (run('npx', ['playwright', 'install', 'chromium']) && playwrightBrowserPresent()) process.exit(0)
}
console.error(
  'Could not get a Chromium for the e2e tests: install one (Debian: `apt-get install chromium`) or set CHROMIUM_PATH to its executable.',
)
process.exit(1)
