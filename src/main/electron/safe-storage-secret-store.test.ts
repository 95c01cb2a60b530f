import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createSafeStorageSecretStore,
  notPersistentReasonOf,
  type SafeStorageLike,
} from './safe-storage-secret-store'

/** A stand-in for Electron's safeStorage (the one boundary not available under Node): a reversible cipher. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: string; key?: number } = {},
): SafeStorageLike {
  const key = options.key ?? 0x5a
  const flip = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ key))
  return {
    isEncryptionAvailable: () => options.available ?? true,
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
    encryptString: (text) => Buffer.concat([Buffer.from('v10'), flip(Buffer.from(text, 'utf8'))]),
    decryptString: (data) => {
      if (data.subarray(0, 3).toString() !== 'v10') throw new Error('not ours')
      const text = flip(data.subarray(3)).toString('utf8')
      if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('wrong key')
      return text
    },
  }
}

describe('notPersistentReasonOf', () => {
  it('refuses the basic_text backend and an unknown backend on Linux only', () => {
    expect(notPersistentReasonOf(fakeSafeStorage({ backend: 'basic_text' }), 'linux')).toBe('no_keyring')
    expect(notPersistentReasonOf(fakeSafeStorage({ backend: 'unknown' }), 'linux')).toBe('no_keyring')
    expect(notPersistentReasonOf(fakeSafeStorage({ backend: 'kwallet6' }), 'linux')).toBeNull()
    expect(notPersistentReasonOf(fakeSafeStorage({ backend: 'basic_text' }), 'win32')).toBeNull()
  })

  it('refuses when encryption is unavailable', () => {
    expect(notPersistentReasonOf(fakeSafeStorage({ available: false }), 'darwin')).toBe(
      'encryption_unavailable',
    )
    const throwing = {
      ...fakeSafeStorage(),
      isEncryptionAvailable: (): boolean => {
        throw new Error('not ready')
      },
    }
    expect(notPersistentReasonOf(throwing, 'win32')).toBe('encryption_unavailable')
  })
})

describe('the safeStorage secret store', () => {
  let dir = ''
  let filePath = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'secrets-'))
    filePath = join(dir, 'secrets.json')
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('keeps values encrypted on disk across restarts', async () => {
    const safeStorage = fakeSafeStorage()
    const store = await createSafeStorageSecretStore({ safeStorage, filePath, platform: 'linux' })
    expect(store.persistent).toBe(true)
    expect(store.notPersistentReason).toBeNull()
    await store.set('refresh:profile-1:admin', 'refresh-token-value')
    const onDisk = await readFile(filePath, 'utf8')
    expect(onDisk).not.toContain('refresh-token-value')
    if (process.platform !== 'win32') expect((await stat(filePath)).mode & 0o777).toBe(0o600)

    const reopened = await createSafeStorageSecretStore({ safeStorage, filePath, platform: 'linux' })
    expect(await reopened.get('refresh:profile-1:admin')).toBe('refresh-token-value')
    await reopened.delete('refresh:profile-1:admin')
    expect(await reopened.get('refresh:profile-1:admin')).toBeNull()
    expect(existsSync(filePath)).toBe(false)
  })

  it('writes nothing with the basic_text backend and says why', async () => {
    const store = await createSafeStorageSecretStore({
      safeStorage: fakeSafeStorage({ backend: 'basic_text' }),
      filePath,
      platform: 'linux',
    })
    expect(store.persistent).toBe(false)
    expect(store.notPersistentReason).toBe('no_keyring')
    await store.set('refresh:p:admin', 'token')
    expect(await store.get('refresh:p:admin')).toBe('token')
    expect(existsSync(filePath)).toBe(false)
  })

  it('drops a value encrypted under another key and survives a damaged file', async () => {
    const first = await createSafeStorageSecretStore({
      safeStorage: fakeSafeStorage(),
      filePath,
      platform: 'win32',
    })
    await first.set('a', 'token-a')
    const otherKey = await createSafeStorageSecretStore({
      safeStorage: fakeSafeStorage({ key: 0x33 }),
      filePath,
      platform: 'win32',
    })
    expect(await otherKey.get('a')).toBeNull()

    await writeFile(filePath, '{"format":1,"entr')
    const damaged = await createSafeStorageSecretStore({
      safeStorage: fakeSafeStorage(),
      filePath,
      platform: 'win32',
    })
    expect(await damaged.get('a')).toBeNull()
    await damaged.set('b', 'token-b')
    expect(await damaged.get('b')).toBe('token-b')
  })
})
