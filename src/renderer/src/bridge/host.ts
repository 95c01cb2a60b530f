// What differs between the desktop and the browser host (DESIGN.md "Host capabilities"), one implementation each.
// Features use them through app/host.ts, never asking which host they run in.
import type { FileSaveInput, FileSaveResult, IpcResult, ProbonusBridge } from '@shared/ipc'

export interface HostCapabilities {
  /** Saves a text file (UTF-8; a leading U+FEFF is the byte order mark). `saved: false` when cancelled. */
  saveFile(file: FileSaveInput & { mimeType: string }): Promise<IpcResult<FileSaveResult>>
}

/** Electron: main shows the save dialog over the window and writes the file (`files:save`). */
export function desktopHost(bridge: ProbonusBridge): HostCapabilities {
  return {
    saveFile: async ({ name, text }) =>
      (await bridge.invoke('files:save', { name, text })) as IpcResult<FileSaveResult>,
  }
}

/** The browser: a download of the text, named as suggested; the browser decides where it goes. */
export function browserHost(doc: Document = document): HostCapabilities {
  return {
    saveFile: ({ name, text, mimeType }) => {
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }))
      try {
        const link = doc.createElement('a')
        link.href = url
        link.download = name
        link.hidden = true
        doc.body.append(link)
        link.click()
        link.remove()
      } finally {
        // After the click the download has its own reference to the data.
        setTimeout(() => URL.revokeObjectURL(url), 0)
      }
      return Promise.resolve({ ok: true, data: { saved: true, path: null } })
    },
  }
}
