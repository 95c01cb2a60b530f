import { describe, expect, it } from 'vitest'
import { Connectivity } from './connectivity'

/** A probe the test answers by hand, one request at a time. */
function manualProbe() {
  const pending: { resolve(): void; reject(error: Error): void }[] = []
  return {
    pending,
    probe: () =>
      new Promise<void>((resolve, reject) => {
        pending.push({ resolve, reject })
      }),
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('Connectivity.check', () => {
  it('answers from a probe that started after the call, not from one already under way', async () => {
    const server = manualProbe()
    const connectivity = new Connectivity({ probe: server.probe, onChange: () => {}, now: () => 0 })
    const early = connectivity.check()
    // The server stops while the first probe is on its way; its answer was already sent.
    const afterStop = connectivity.check()
    const another = connectivity.check()
    expect(server.pending).toHaveLength(1)
    server.pending[0]!.resolve()
    expect(await early).toBe(true)
    await flush()
    // One more probe for everyone who asked meanwhile, and it finds the server gone.
    expect(server.pending).toHaveLength(2)
    server.pending[1]!.reject(new Error('ECONNREFUSED'))
    expect(await afterStop).toBe(false)
    expect(await another).toBe(false)
    expect(connectivity.online).toBe(false)
    expect(server.pending).toHaveLength(2)
  })

  it('shares one probe among callers when none is under way', async () => {
    const server = manualProbe()
    const connectivity = new Connectivity({ probe: server.probe, onChange: () => {}, now: () => 0 })
    const first = connectivity.check()
    expect(server.pending).toHaveLength(1)
    server.pending[0]!.resolve()
    expect(await first).toBe(true)
    const again = connectivity.check()
    expect(server.pending).toHaveLength(2)
    server.pending[1]!.resolve()
    expect(await again).toBe(true)
  })
})
