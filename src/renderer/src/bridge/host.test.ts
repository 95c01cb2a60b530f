// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { ProbonusBridge } from '@shared/ipc'
import { browserHost, desktopHost } from './host'

afterEach(() => vi.restoreAllMocks())

const file = { name: 'rk-discounts-2026-11-30.csv', text: '\uFEFFКод;Название\r\n', mimeType: 'text/csv' }

describe('saving a file', () => {
  it('in the browser: a download of exactly the bytes, under the suggested name', async () => {
    let blob: Blob | null = null
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => {
      blob = object as Blob
      return 'blob:probonus/1'
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    const clicked: { download: string; href: string }[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href })
    })
    expect(await browserHost().saveFile(file)).toEqual({ ok: true, data: { saved: true, path: null } })
    expect(clicked).toEqual([{ download: file.name, href: 'blob:probonus/1' }])
    const bytes = new Uint8Array(await (blob as unknown as Blob).arrayBuffer())
    expect([...bytes.subarray(0, 5)]).toEqual([0xef, 0xbb, 0xbf, 0xd0, 0x9a])
    expect(document.querySelector('a[download]')).toBeNull()
  })

  it('on the desktop: main’s files:save (the save dialog) with the name and the text', async () => {
    const invoke = vi.fn(async () => ({ ok: true as const, data: { saved: false, path: null } }))
    const bridge = { invoke, on: () => () => {} } as unknown as ProbonusBridge
    expect(await desktopHost(bridge).saveFile(file)).toEqual({ ok: true, data: { saved: false, path: null } })
    expect(invoke).toHaveBeenCalledWith('files:save', { name: file.name, text: file.text })
  })
})
