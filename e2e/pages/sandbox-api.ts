/**
 * Another workstation talking straight to the sandbox server over its HTTP API (as a colleague's copy of the
 * app would): used to change an entity behind the app's back, and to check what the server holds.
 */
export class OtherWorkstation {
  private constructor(
    private readonly apiUrl: string,
    private readonly token: string,
  ) {}

  static async login(serverUrl: string, username = 'admin', password = '111'): Promise<OtherWorkstation> {
    const apiUrl = `${serverUrl}/api/v0`
    const response = await fetch(`${apiUrl}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    if (!response.ok) throw new Error(`Login failed: ${response.status}`)
    const body = (await response.json()) as { access_token: string }
    return new OtherWorkstation(apiUrl, body.access_token)
  }

  /** The server's answer whatever its status (a refusal's code and params are what a test reads). */
  async answer(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    return { status: response.status, body: await response.json() }
  }

  async request<T>(method: 'GET' | 'PUT' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.apiUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return (response.status === 204 ? undefined : await response.json()) as T
  }
}
