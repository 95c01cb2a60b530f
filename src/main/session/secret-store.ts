// Where the refresh token lives. Electron's safeStorage adapter (src/main/electron) implements the same interface.

export interface SecretStore {
  /** True when values survive a restart (an encrypted store); false for memory-only stores. */
  readonly persistent: boolean
  /** Why a store that should persist cannot (Electron without a keyring); goes to `SessionState.not_remembered_reason`. */
  readonly notPersistentReason?: 'no_keyring' | 'encryption_unavailable' | null
  get(key: string): Promise<string | null>
  set(key: string, value: string): Promise<void>
  delete(key: string): Promise<void>
}

/** Keeps secrets in memory only: the user logs in again after a restart (unless the same instance is reused). */
export class MemorySecretStore implements SecretStore {
  readonly persistent: boolean
  private readonly values = new Map<string, string>()

  /** `persistent` lets tests model a store that outlives a core (one instance shared by two cores). */
  constructor(options: { persistent?: boolean } = {}) {
    this.persistent = options.persistent ?? false
  }

  async get(key: string): Promise<string | null> {
    return this.values.get(key) ?? null
  }

  async set(key: string, value: string): Promise<void> {
    this.values.set(key, value)
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key)
  }
}
