// The sandboxed preload: `window.probonus` with `invoke` limited to the contract's channels and `on` limited to
// its events. Nothing else crosses into the page (no ipcRenderer, no env, no tokens). Bundled to one CommonJS
// file whose only require is 'electron'; channels.ts has no imports.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC_CANCEL_CHANNEL, isCallId, isIpcChannel, isIpcEventName } from '@shared/ipc/channels'
import type { ProbonusBridge } from '@shared/ipc/bridge'
import type { IpcResult } from '@shared/ipc/contract'

function failure(code: 'bad_request' | 'internal', message: string): IpcResult<never> {
  return { ok: false, error: { code, message } }
}

const bridge: ProbonusBridge = {
  invoke(channel: unknown, input?: unknown, callId?: unknown): Promise<IpcResult<unknown>> {
    if (!isIpcChannel(channel)) {
      return Promise.resolve(failure('bad_request', `Unknown channel ${String(channel).slice(0, 100)}`))
    }
    if (callId !== undefined && !isCallId(callId)) {
      return Promise.resolve(failure('bad_request', 'A call id is an integer ≥ 0'))
    }
    try {
      const sent =
        callId === undefined ? ipcRenderer.invoke(channel, input) : ipcRenderer.invoke(channel, input, callId)
      return (sent as Promise<IpcResult<unknown>>).catch((error: unknown) =>
        failure('internal', error instanceof Error ? error.message : String(error)),
      )
    } catch (error) {
      // Input that cannot be cloned (functions, DOM nodes) throws before anything is sent.
      return Promise.resolve(failure('bad_request', error instanceof Error ? error.message : String(error)))
    }
  },

  cancel(callId: unknown): void {
    if (isCallId(callId)) ipcRenderer.send(IPC_CANCEL_CHANNEL, callId)
  },

  on(event: unknown, cb: unknown): () => void {
    if (!isIpcEventName(event) || typeof cb !== 'function') return () => {}
    const listener = (_event: IpcRendererEvent, payload: unknown): void => {
      ;(cb as (payload: unknown) => void)(payload)
    }
    ipcRenderer.on(event, listener)
    return () => {
      ipcRenderer.removeListener(event, listener)
    }
  },
}

contextBridge.exposeInMainWorld('probonus', bridge)

// The menu follows the app's language: the renderer keeps `<html lang>` current, the preload (which shares the
// DOM, not the page's globals) tells main. Nothing is exposed to the page for it. Main listens on this name.
const SHELL_LANGUAGE_CHANNEL = 'shell:language'
let reportedLanguage = ''
function reportLanguage(): void {
  const language = document.documentElement?.lang ?? ''
  if (!language || language === reportedLanguage) return
  reportedLanguage = language
  ipcRenderer.send(SHELL_LANGUAGE_CHANNEL, language.slice(0, 20))
}
window.addEventListener('DOMContentLoaded', () => {
  reportLanguage()
  new MutationObserver(reportLanguage).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  })
})
