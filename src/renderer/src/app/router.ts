// A small hash router: `#/ladders/12` → screen 'ladders', params ['12']. No router package is installed and
// the app needs nothing more; the hash keeps reloads on the same screen in Electron and in the browser host.
import { create } from 'zustand'

export interface Route {
  screen: string
  params: string[]
}

export function parseHash(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part)
      } catch {
        return part
      }
    })
  return { screen: parts[0] ?? '', params: parts.slice(1) }
}

export function hrefTo(screen: string, ...params: (string | number)[]): string {
  return `#/${[screen, ...params].map((part) => encodeURIComponent(String(part))).join('/')}`
}

interface RouterState {
  route: Route
}

const initialHash = typeof window !== 'undefined' ? window.location.hash : ''

export const useRouter = create<RouterState>()(() => ({ route: parseHash(initialHash) }))

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRouter.setState({ route: parseHash(window.location.hash) }))
}

/** Goes to a screen (and its params); a new history entry so Back works. */
export function navigate(screen: string, ...params: (string | number)[]): void {
  const href = hrefTo(screen, ...params)
  if (window.location.hash !== href) window.location.hash = href
  useRouter.setState({ route: parseHash(href) })
}

/** Changes the params of the current screen without a new history entry (selection in a list). */
export function replaceParams(...params: (string | number)[]): void {
  const { screen } = useRouter.getState().route
  const href = hrefTo(screen, ...params)
  window.history.replaceState(null, '', href)
  useRouter.setState({ route: parseHash(href) })
}

export function useRoute(): Route {
  return useRouter((state) => state.route)
}
