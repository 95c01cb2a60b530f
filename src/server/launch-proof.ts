// How `npm start` tells the sandbox it started from a server that merely answers on the port: it starts the
// server with a random token (kept 0600 in the user's data dir, passed in the environment), and before reusing
// a running sandbox asks it to sign a fresh nonce with that token. Only the server it started can; nothing of the
// user's (no login) is sent to a server that cannot.
import { createHmac, timingSafeEqual } from 'node:crypto'

export const LAUNCH_PROOF_PATH = '/__sandbox/launch-proof'
/** The environment variable the launcher passes the token in; the server drops it from its environment. */
export const LAUNCH_TOKEN_ENV = 'PROBONUS_SANDBOX_LAUNCH_TOKEN'

export function launchProof(token: string, nonce: string): string {
  return createHmac('sha256', token).update(`probonus-sandbox-launch:${nonce}`).digest('base64url')
}

export function isLaunchProof(token: string, nonce: string, candidate: unknown): boolean {
  if (typeof candidate !== 'string') return false
  const expected = Buffer.from(launchProof(token, nonce))
  const given = Buffer.from(candidate)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
