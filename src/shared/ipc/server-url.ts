// Whether a server address would carry passwords and tokens in clear over a network: plain `http://` to anything
// but this computer. (The sandbox on 127.0.0.1 is fine; a server elsewhere needs https.)

/** True for `localhost`, `*.localhost`, 127.0.0.0/8 and ::1: traffic that never leaves this computer. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  )
}

/** A plain `http://` address of another computer: a password sent there can be read on the way. */
export function sendsInClear(baseUrl: string): boolean {
  let url: URL
  try {
    url = new URL(baseUrl)
  } catch {
    return false
  }
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname)
}
