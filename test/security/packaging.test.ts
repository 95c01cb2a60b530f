// The installers' Electron fuses, read from the packaging config as electron-builder itself reads and validates
// it: without them a packaged app runs as plain Node under ELECTRON_RUN_AS_NODE, takes NODE_OPTIONS and --inspect
// (code injection by anyone who can start it), keeps cookies in clear and loads code from outside its checked asar.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// electron-builder's own config reader (app-builder-lib ships with electron-builder).
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js'

const ROOT = resolve(import.meta.dirname, '..', '..')

describe('the packaging config', () => {
  it('flips every security fuse, in a config electron-builder accepts', async () => {
    const config = await getConfig(ROOT, null, null)
    await validateConfiguration(config, { add: () => {}, isEnabled: false } as never)
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    })
    // Integrity validation and asar-only loading mean nothing without an asar.
    expect(config.asar).toBe(true)
  })
})
