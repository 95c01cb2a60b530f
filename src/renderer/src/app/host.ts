// The host's capabilities as the features use them (set once at start from the bridge; tests set their own).
import type { FileSaveInput, FileSaveResult, IpcResult } from '@shared/ipc'
import type { HostCapabilities } from '../bridge/host'

let host: HostCapabilities | null = null

export function configureHost(next: HostCapabilities): void {
  host = next
}

/** Saves a text file: the desktop asks where, the browser downloads it. */
export function saveFile(file: FileSaveInput & { mimeType: string }): Promise<IpcResult<FileSaveResult>> {
  if (!host) {
    return Promise.resolve({ ok: false, error: { code: 'internal', message: 'The host is not configured' } })
  }
  return host.saveFile(file)
}
