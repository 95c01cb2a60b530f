// What the host does for the page (DESIGN.md "Host capabilities"): main passes it on to the host that runs it.
import type { FileSaveInput, FileSaveResult } from '@shared/ipc'
import { IpcFailure } from '../errors'
import type { IpcHandlers } from '../registry'

/** The host's side of the capabilities; the desktop app implements them in src/main/electron. */
export interface HostCapabilities {
  /** Asks where to save (a dialog) and writes the file there. */
  saveFile?(file: FileSaveInput): Promise<FileSaveResult>
}

export function fileHandlers(host: HostCapabilities): Pick<IpcHandlers, 'files:save'> {
  return {
    'files:save': (file) => {
      if (!host.saveFile) throw new IpcFailure('bad_request', 'This host has no save dialog')
      return host.saveFile(file)
    },
  }
}
