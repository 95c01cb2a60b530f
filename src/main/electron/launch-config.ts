// What `npm start` tells the app through the environment: the server of the ready-made profile.
// PROBONUS_URL is the server root (http://127.0.0.1:8777); PROBONUS_PROFILE_NAME names the profile;
// PROBONUS_PROFILE_SELECT=1 makes it the selected profile (`npm start` sets it: the app is run for that server).
import type { ProfilesList } from '@shared/ipc'
import type { IpcRegistry } from '../ipc/registry'

export const SANDBOX_PROFILE_NAME = 'Локальная песочница'

export interface DefaultProfile {
  name: string
  baseUrl: string
}

/** The profile to create on a first start, or none when PROBONUS_URL is absent or not an http(s) URL. */
export function defaultProfilesFromEnv(env: Readonly<Record<string, string | undefined>>): DefaultProfile[] {
  const raw = env.PROBONUS_URL?.trim()
  if (!raw) return []
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return []
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password) return []
  const name = env.PROBONUS_PROFILE_NAME?.trim().slice(0, 100) || SANDBOX_PROFILE_NAME
  const baseUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`
  return [{ name, baseUrl }]
}

export function selectLaunchProfileFromEnv(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.PROBONUS_PROFILE_SELECT === '1'
}

const withoutTrailingSlash = (url: string): string => url.replace(/\/+$/, '')

/**
 * Makes the launch profile exist on every start (the core's defaults apply to an empty data dir only): a profile
 * for that server is kept as is; a profile of that name pointing elsewhere (the sandbox moved port) is updated;
 * else one is added. It is selected when nothing is, or when `select` says the user asked for that server.
 * Goes through the IPC contract like any client; a failure is logged, never fatal.
 */
export async function ensureLaunchProfile(
  registry: IpcRegistry,
  wanted: DefaultProfile,
  options: { select: boolean; log: (message: string) => void },
): Promise<void> {
  const context = { senderId: 'launch' }
  const listed = await registry.invoke('profiles:list', undefined, context)
  if (!listed.ok) return options.log(`Launch profile: ${listed.error.message}`)
  const { items, selected_id: selectedId } = listed.data as ProfilesList
  const baseUrl = withoutTrailingSlash(wanted.baseUrl)
  let id = items.find((profile) => withoutTrailingSlash(profile.base_url) === baseUrl)?.id
  if (!id) {
    const sameName = items.find((profile) => profile.name === wanted.name)
    const input = { ...(sameName ? { id: sameName.id } : {}), name: wanted.name, base_url: baseUrl }
    const saved = await registry.invoke('profiles:save', input, context)
    if (!saved.ok) return options.log(`Launch profile: ${saved.error.message}`)
    id = (saved.data as { id: string }).id
  }
  if (selectedId === id || (selectedId !== null && !options.select)) return
  const selected = await registry.invoke('profiles:select', { id }, context)
  if (!selected.ok) options.log(`Launch profile: ${selected.error.message}`)
}
