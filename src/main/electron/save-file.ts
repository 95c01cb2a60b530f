// The desktop's "save a file": Electron's save dialog over our window, then the file written where the user chose.
// The page only suggests a name; the folder and the final name are the user's choice in the dialog.
import { promises as fs } from 'node:fs'
import { extname, join } from 'node:path'
import type { BrowserWindow, Dialog } from 'electron'
import type { FileSaveInput, FileSaveResult } from '@shared/ipc'

const FILTERS: Record<string, { name: string; extensions: string[] }> = {
  '.csv': { name: 'CSV', extensions: ['csv'] },
  '.json': { name: 'JSON', extensions: ['json'] },
}

export function createSaveFile(deps: {
  dialog: Pick<Dialog, 'showSaveDialog'>
  /** The window the dialog belongs to (null: an unparented dialog). */
  window: () => BrowserWindow | null
  /** Where the dialog starts (the user's documents folder). */
  defaultDir: () => string
}): (file: FileSaveInput) => Promise<FileSaveResult> {
  return async ({ name, text }) => {
    const filter = FILTERS[extname(name).toLowerCase()]
    const options = {
      defaultPath: join(deps.defaultDir(), name),
      filters: filter ? [filter, { name: '*', extensions: ['*'] }] : [],
    }
    const window = deps.window()
    const answer = window
      ? await deps.dialog.showSaveDialog(window, options)
      : await deps.dialog.showSaveDialog(options)
    if (answer.canceled || !answer.filePath) return { saved: false, path: null }
    await fs.writeFile(answer.filePath, text, 'utf8')
    return { saved: true, path: answer.filePath }
  }
}
