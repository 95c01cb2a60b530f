// The SecretStore of the desktop app: refresh tokens encrypted with Electron's safeStorage (the OS keychain,
// DPAPI, or the Linux keyring) in a small file in userData. When Linux reports the `basic_text` backend (no
// keyring: the "encryption" is a constant key) or encryption is unavailable, nothing is written to disk: the
// store is memory-only (`persistent: false`) and `notPersistentReason` says why the user logs in each time.
import { readFile, rm } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import type { SecretStore } from '../session/secret-store'

/** The parts of Electron's safeStorage used here (Electron's own object satisfies it). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  getSelectedStorageBackend?(): string
  encryptString(plainText: string): Buffer
  decryptString(encrypted: Buffer): string
}

export type NotPersistentReason = NonNullable<SecretStore['notPersistentReason']>

export interface DesktopSecretStore extends SecretStore {
  readonly notPersistentReason: NotPersistentReason | null
}

function safely<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

/** Decided once, after the app is ready (the Linux backend is only known then). */
export function notPersistentReasonOf(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): NotPersistentReason | null {
  if (!safely(() => safeStorage.isEncryptionAvailable(), false)) return 'encryption_unavailable'
  if (platform === 'linux') {
    const backend = safely(() => safeStorage.getSelectedStorageBackend?.() ?? 'unknown', 'unknown')
    if (backend === 'basic_text' || backend === 'unknown') return 'no_keyring'
  }
  return null
}

const secretsFile = z.object({
  format: z.literal(1),
  /** key → base64 of the safeStorage ciphertext */
  entries: z.record(z.string(), z.string()),
})

export async function createSafeStorageSecretStore(options: {
  safeStorage: SafeStorageLike
  filePath: string
  platform?: NodeJS.Platform
  log?: (message: string, error?: unknown) => void
}): Promise<DesktopSecretStore> {
  const { safeStorage, filePath } = options
  const reason = notPersistentReasonOf(safeStorage, options.platform ?? process.platform)
  const memory = new Map<string, string>()
  if (reason !== null) return memoryOnlyStore(memory, reason)

  const encrypted = new Map<string, string>()
  try {
    const parsed = secretsFile.safeParse(JSON.parse(await readFile(filePath, 'utf8')))
    if (parsed.success)
      for (const [key, value] of Object.entries(parsed.data.entries)) encrypted.set(key, value)
    else options.log?.('Secrets file has an unknown format; starting without remembered logins')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') options.log?.('Secrets file unreadable', error)
  }

  // Writes are serialised so the file always ends as the last acknowledged state.
  let writing: Promise<void> = Promise.resolve()
  function persist(): Promise<void> {
    const snapshot = { format: 1 as const, entries: Object.fromEntries(encrypted) }
    writing = writing
      .catch(() => undefined)
      .then(async () => {
        if (encrypted.size === 0) await rm(filePath, { force: true })
        else await writeFileAtomic(filePath, JSON.stringify(snapshot), { mode: 0o600 })
      })
    return writing
  }

  return {
    persistent: true,
    notPersistentReason: null,
    async get(key) {
      const value = encrypted.get(key)
      if (value === undefined) return null
      try {
        return safeStorage.decryptString(Buffer.from(value, 'base64'))
      } catch (error) {
        // Encrypted under another key (a different OS user, a reset keyring): forget it, log in again.
        options.log?.(`Remembered secret ${key} cannot be decrypted; dropping it`, error)
        encrypted.delete(key)
        await persist()
        return null
      }
    },
    async set(key, value) {
      encrypted.set(key, safeStorage.encryptString(value).toString('base64'))
      await persist()
    },
    async delete(key) {
      if (!encrypted.delete(key)) return
      await persist()
    },
  }
}

function memoryOnlyStore(memory: Map<string, string>, reason: NotPersistentReason): DesktopSecretStore {
  return {
    persistent: false,
    notPersistentReason: reason,
    async get(key) {
      return memory.get(key) ?? null
    },
    async set(key, value) {
      memory.set(key, value)
    },
    async delete(key) {
      memory.delete(key)
    },
  }
}
