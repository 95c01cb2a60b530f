// Server profiles (name, base URL, the login used last) and which one is selected, in `profiles.json`.

import { randomUUID } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { authUser } from '@shared/api'
import type { Profile, ProfileSaveInput } from '@shared/ipc'
import { readRecord } from '../store/atomic'
import { DocumentFile } from '../store/document-file'

const storedSession = z.object({
  login: z.string(),
  user: authUser.nullable(),
  server: z.object({ name: z.string(), version: z.string() }).nullable(),
})
export type StoredSession = z.infer<typeof storedSession>

const storedProfile = z.object({
  id: z.string(),
  name: z.string(),
  base_url: z.string(),
  last_login: z.string().nullable(),
  /** The login whose session (and local data) is open on this profile; null after logout. */
  session: storedSession.nullable(),
})
export type StoredProfile = z.infer<typeof storedProfile>

const profilesDoc = z.object({ profiles: z.array(storedProfile), selected_id: z.string().nullable() })
type ProfilesDoc = z.infer<typeof profilesDoc>

export class ProfilesStore {
  private constructor(
    private readonly file: DocumentFile<ProfilesDoc>,
    private doc: ProfilesDoc,
  ) {}

  /** Loads the profiles; on the very first start (no file) creates `defaults`. */
  static async open(dataDir: string, defaults: { name: string; baseUrl: string }[]): Promise<ProfilesStore> {
    const path = join(dataDir, 'profiles.json')
    const file = new DocumentFile<ProfilesDoc>(path)
    const record = await readRecord(path)
    const parsed = record ? profilesDoc.safeParse(record.data) : undefined
    if (parsed?.success) return new ProfilesStore(file, parsed.data)
    const exists = await fs.stat(path).then(
      () => true,
      () => false,
    )
    if (exists) await fs.rename(path, `${path}.bad`).catch(() => undefined)
    const profiles = defaults.map((profile) => ({
      id: randomUUID(),
      name: profile.name,
      base_url: profile.baseUrl,
      last_login: null,
      session: null,
    }))
    const store = new ProfilesStore(file, { profiles, selected_id: profiles[0]?.id ?? null })
    await store.persist()
    return store
  }

  list(): Profile[] {
    return this.doc.profiles.map(publicProfile)
  }

  get selectedId(): string | null {
    return this.doc.selected_id
  }

  get(id: string): StoredProfile | undefined {
    return this.doc.profiles.find((profile) => profile.id === id)
  }

  selected(): StoredProfile | null {
    return this.doc.selected_id ? (this.get(this.doc.selected_id) ?? null) : null
  }

  /** Creates or updates a profile. Answers it and whether its URL changed. */
  async save(input: ProfileSaveInput): Promise<{ profile: StoredProfile; urlChanged: boolean }> {
    const existing = input.id ? this.get(input.id) : undefined
    if (input.id && !existing) throw new Error(`No profile ${input.id}`)
    const profile: StoredProfile = existing
      ? { ...existing, name: input.name, base_url: input.base_url }
      : { id: randomUUID(), name: input.name, base_url: input.base_url, last_login: null, session: null }
    const urlChanged = existing !== undefined && existing.base_url !== input.base_url
    if (urlChanged) profile.session = null
    this.doc = {
      profiles: existing
        ? this.doc.profiles.map((other) => (other.id === profile.id ? profile : other))
        : [...this.doc.profiles, profile],
      selected_id: this.doc.selected_id ?? profile.id,
    }
    await this.persist()
    return { profile, urlChanged }
  }

  async remove(id: string): Promise<void> {
    const profiles = this.doc.profiles.filter((profile) => profile.id !== id)
    const selected = this.doc.selected_id === id ? (profiles[0]?.id ?? null) : this.doc.selected_id
    this.doc = { profiles, selected_id: selected }
    await this.persist()
  }

  async select(id: string): Promise<void> {
    this.doc = { ...this.doc, selected_id: id }
    await this.persist()
  }

  async setSession(id: string, session: StoredSession | null): Promise<void> {
    this.doc = {
      ...this.doc,
      profiles: this.doc.profiles.map((profile) =>
        profile.id === id
          ? { ...profile, session, last_login: session?.login ?? profile.last_login }
          : profile,
      ),
    }
    await this.persist()
  }

  flush(): Promise<void> {
    return this.file.flush()
  }

  private persist(): Promise<void> {
    return this.file.save(this.doc)
  }
}

export function publicProfile(profile: StoredProfile): Profile {
  return { id: profile.id, name: profile.name, base_url: profile.base_url, last_login: profile.last_login }
}
