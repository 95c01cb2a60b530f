// The Electron binding of the registry, with ipcMain stubbed at its boundary: call ids go through to the registry,
// a cancel from our own window reaches it, one from any other sender does not.
import { describe, expect, it, vi } from 'vitest'
import type { IpcMain } from 'electron'
import { IPC_CANCEL_CHANNEL } from '@shared/ipc'
import type { IpcRegistry } from '../ipc/registry'
import { APP_ORIGIN } from './security'
import { bindRegistryToIpcMain } from './ipc-main'

function stubIpcMain() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>()
  const listeners = new Map<string, (...args: unknown[]) => void>()
  const ipcMain = {
    handle: (channel: string, handler: (...args: unknown[]) => unknown) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
    on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
    removeListener: (channel: string) => listeners.delete(channel),
  }
  return { ipcMain: ipcMain as unknown as IpcMain, handlers, listeners }
}

const event = (senderId: number, url = `${APP_ORIGIN}/index.html`) => ({
  sender: { id: senderId },
  senderFrame: { url, parent: null },
})

describe('bindRegistryToIpcMain', () => {
  it('passes call ids to the registry and cancels only for our own window', async () => {
    const registry = {
      channels: ['accounts:list'],
      invoke: vi.fn(async () => ({ ok: true, data: null })),
      cancel: vi.fn(() => true),
      cancelAll: vi.fn(),
      subscribe: () => () => {},
    } as unknown as IpcRegistry
    const { ipcMain, handlers, listeners } = stubIpcMain()
    const warn = vi.fn()
    const unbind = bindRegistryToIpcMain({
      ipcMain,
      registry,
      policy: { webContentsId: () => 3, trustedOrigins: [APP_ORIGIN] },
      warn,
    })
    await handlers.get('accounts:list')?.(event(3), { q: 'Ив' }, 7)
    expect(registry.invoke).toHaveBeenLastCalledWith(
      'accounts:list',
      { q: 'Ив' },
      { senderId: 'webContents:3', callId: 7 },
    )
    await handlers.get('accounts:list')?.(event(3), {})
    expect(registry.invoke).toHaveBeenLastCalledWith('accounts:list', {}, { senderId: 'webContents:3' })

    const cancel = listeners.get(IPC_CANCEL_CHANNEL)
    cancel?.(event(3), 7)
    cancel?.(event(4), 7)
    cancel?.(event(3, 'https://evil.example/'), 7)
    expect(registry.cancel).toHaveBeenCalledTimes(1)
    expect(registry.cancel).toHaveBeenCalledWith('webContents:3', 7)
    expect(warn).toHaveBeenCalledTimes(2)

    unbind()
    expect(handlers.size).toBe(0)
    expect(listeners.has(IPC_CANCEL_CHANNEL)).toBe(false)
  })
})
