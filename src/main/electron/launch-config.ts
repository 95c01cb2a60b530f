// What `npm start` tells the app through the environment: the server of the ready-made profile.
// PROBONUS_URL is the server root (http://127.0.0.1:8777); PROBONUS_PROFILE_NAME names the profile.

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
