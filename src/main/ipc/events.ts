import type { IpcEventName, IpcEventPayload } from '@shared/ipc'

export type IpcEventListener = (event: IpcEventName, payload: unknown) => void

/** Fan-out of main's events to every transport; a failing listener never affects the emitter or the others. */
export class EventHub {
  private readonly listeners = new Set<IpcEventListener>()

  emit<E extends IpcEventName>(event: E, payload: IpcEventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event, payload)
      } catch {
        // a transport's problem is its own
      }
    }
  }

  subscribe(listener: IpcEventListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }
}
