// Binds the IPC registry to Electron: one ipcMain.handle per contract channel, each checking the sender frame
// before the registry sees the message; registry events go to the window with webContents.send.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron'
import type { IpcResult } from '../../shared/ipc'
import type { IpcRegistry } from '../ipc/registry'
import { isTrustedSender } from './security'

export interface SenderPolicy {
  /** The webContents id of our window (null before it exists or after it is gone). */
  webContentsId(): number | null
  trustedOrigins: readonly string[]
}

function readSenderFrame(event: IpcMainInvokeEvent): { url: string; parent: unknown } | null {
  try {
    // senderFrame is null once the frame navigated away or was destroyed; reading it can throw then.
    const sender = event.senderFrame
    return sender ? { url: sender.url, parent: sender.parent } : null
  } catch {
    return null
  }
}

export function isTrustedInvokeEvent(event: IpcMainInvokeEvent, policy: SenderPolicy): boolean {
  const frame = readSenderFrame(event)
  return isTrustedSender(
    { senderId: event.sender.id, frame },
    { webContentsId: policy.webContentsId(), trustedOrigins: policy.trustedOrigins },
  )
}

const REFUSED: IpcResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This sender may not use the ProBonus bridge' },
}

export function bindRegistryToIpcMain(options: {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>
  registry: IpcRegistry
  policy: SenderPolicy
  warn: (message: string) => void
}): () => void {
  const { ipcMain, registry, policy } = options
  for (const channel of registry.channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) => {
      if (!isTrustedInvokeEvent(event, policy)) {
        options.warn(`IPC ${channel} refused: untrusted sender (webContents ${event.sender.id})`)
        return REFUSED
      }
      return registry.invoke(channel, input, { senderId: `webContents:${event.sender.id}` })
    })
  }
  return () => {
    for (const channel of registry.channels) ipcMain.removeHandler(channel)
  }
}

/** Pushes every registry event to the window (if it is there and alive). */
export function forwardRegistryEvents(registry: IpcRegistry, target: () => WebContents | null): () => void {
  return registry.subscribe((event, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(event, payload)
  })
}
