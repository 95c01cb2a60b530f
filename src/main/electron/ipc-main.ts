// Binds the IPC registry to Electron: one ipcMain.handle per contract channel, each checking the sender frame
// before the registry sees the message; registry events go to the window with webContents.send.
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { IPC_CANCEL_CHANNEL, type IpcResult } from '@shared/ipc'
import type { IpcRegistry } from '../ipc/registry'
import { isTrustedSender } from './security'

export interface SenderPolicy {
  /** The webContents id of our window (null before it exists or after it is gone). */
  webContentsId(): number | null
  trustedOrigins: readonly string[]
}

type SenderEvent = Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>

function readSenderFrame(event: SenderEvent): { url: string; parent: unknown } | null {
  try {
    // senderFrame is null once the frame navigated away or was destroyed; reading it can throw then.
    const sender = event.senderFrame
    return sender ? { url: sender.url, parent: sender.parent } : null
  } catch {
    return null
  }
}

export function isTrustedInvokeEvent(event: SenderEvent, policy: SenderPolicy): boolean {
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
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeListener'>
  registry: IpcRegistry
  policy: SenderPolicy
  warn: (message: string) => void
}): () => void {
  const { ipcMain, registry, policy } = options
  const senderOf = (event: SenderEvent) => `webContents:${event.sender.id}`
  for (const channel of registry.channels) {
    // `callId` (optional) is the page's id for this call; the registry checks it.
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown, callId?: unknown) => {
      if (!isTrustedInvokeEvent(event, policy)) {
        options.warn(`IPC ${channel} refused: untrusted sender (webContents ${event.sender.id})`)
        return REFUSED
      }
      const context = { senderId: senderOf(event) }
      return registry.invoke(channel, input, callId === undefined ? context : { ...context, callId })
    })
  }
  const onCancel = (event: IpcMainEvent, callId: unknown): void => {
    if (!isTrustedInvokeEvent(event, policy)) {
      options.warn(`IPC cancel refused: untrusted sender (webContents ${event.sender.id})`)
      return
    }
    registry.cancel(senderOf(event), callId)
  }
  ipcMain.on(IPC_CANCEL_CHANNEL, onCancel)
  return () => {
    for (const channel of registry.channels) ipcMain.removeHandler(channel)
    ipcMain.removeListener(IPC_CANCEL_CHANNEL, onCancel)
  }
}

/** Pushes every registry event to the window (if it is there and alive). */
export function forwardRegistryEvents(registry: IpcRegistry, target: () => WebContents | null): () => void {
  return registry.subscribe((event, payload) => {
    const contents = target()
    if (contents && !contents.isDestroyed()) contents.send(event, payload)
  })
}

/** What the preload sends when the page's `<html lang>` changes (the literal is repeated in src/preload). */
export const SHELL_LANGUAGE_CHANNEL = 'shell:language'

/** Follows the app's language for the menu; only our own renderer's top frame is listened to. */
export function followRendererLanguage(options: {
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>
  policy: SenderPolicy
  onLanguage: (language: string) => void
}): () => void {
  const listener = (event: IpcMainEvent, language: unknown): void => {
    if (typeof language !== 'string' || language.length > 20) return
    if (isTrustedInvokeEvent(event, options.policy)) options.onLanguage(language)
  }
  options.ipcMain.on(SHELL_LANGUAGE_CHANNEL, listener)
  return () => {
    options.ipcMain.removeListener(SHELL_LANGUAGE_CHANNEL, listener)
  }
}
